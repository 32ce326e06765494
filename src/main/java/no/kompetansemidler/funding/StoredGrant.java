package no.kompetansemidler.funding;

import no.kompetansemidler.domain.funding.Measure;
import no.kompetansemidler.domain.money.Money;

/**
 * One line of a stored proposal, as the caseworker recorded it; what the recipient is comes from the master data
 * when the rules are checked.
 *
 * @param declaredCommercial the caseworker marked the recipient as a commercial actor
 * @param optedOut           the owner was recorded as not taking part this year (R5)
 * @param weight             the distribution key's weight (e.g. årsverk in hundredths), or null
 */
public record StoredGrant(String organisationNumber, String name, boolean declaredCommercial, boolean optedOut,
                          Long weight, Money amount, Money coFinancingCash, Money coFinancingSalary,
                          Money thirdPartyAmount, Measure measure) {

    StoredGrant withAmount(Money newAmount) {
        return new StoredGrant(organisationNumber, name, declaredCommercial, optedOut, weight, newAmount,
                coFinancingCash, coFinancingSalary, thirdPartyAmount, measure);
    }
}
