package no.kompetansemidler.domain.funding;

import no.kompetansemidler.domain.money.Money;

/**
 * One line of a distribution as a caseworker types it (the forum's innstilling, the fallback decision or a
 * correction): recipient, amount (or weight), co-financing, third-party share and the measure.
 *
 * @param weight hundredths (e.g. årsverk 12,5 = 1250) when the key is WEIGHTS, else null
 */
public record ProposalLine(String organisationNumber, Money amount, Long weight, Money coFinancingCash,
                           Money coFinancingSalary, Money thirdPartyAmount, Measure measure) {
}
