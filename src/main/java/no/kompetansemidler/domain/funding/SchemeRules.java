package no.kompetansemidler.domain.funding;

import no.kompetansemidler.domain.money.Percentage;
import no.kompetansemidler.domain.organisation.Scheme;

/**
 * The rule parameters of one scheme (from the application's configuration).
 *
 * @param coFinancingRate   the owner's least co-financing as a share of the state money (R1; DEKOM 30 %)
 * @param thirdPartyCap     the most a third party may carry of a UH allocation (R3)
 * @param maxMeasureYears   the longest a measure may run (R14; 3)
 * @param coordinatorCap    the most of the money sought for a measure that may fund a coordinator role (R4)
 * @param unusedMoney       what happens by default to unused money (R15)
 */
public record SchemeRules(Scheme scheme, Percentage coFinancingRate, Percentage thirdPartyCap, int maxMeasureYears,
                          UnusedMoneyPolicy unusedMoney, Percentage coordinatorCap) {

    public SchemeRules {
        if (maxMeasureYears < 1) {
            throw new IllegalArgumentException("Et tiltak må kunne vare minst ett år.");
        }
    }
}
