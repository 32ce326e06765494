package no.kompetansemidler.domain.funding;

import no.kompetansemidler.domain.application.Goal;
import no.kompetansemidler.domain.application.TargetGroup;
import no.kompetansemidler.domain.money.Percentage;
import no.kompetansemidler.domain.organisation.Scheme;

import java.util.Set;

/**
 * The rule parameters of one scheme (from its configuration file, {@code ordninger/*.yml}).
 *
 * @param coFinancingRate   the owner's least co-financing as a share of the state money (R1; DEKOM 30 %)
 * @param thirdPartyCap     the most a third party may carry of a UH allocation (R3)
 * @param maxMeasureYears   the longest a measure may run (R14; 3)
 * @param coordinatorCap    the most of the money sought for a measure that may fund a coordinator role (R4)
 * @param unusedMoney       what happens by default to unused money (R15)
 * @param goals             the goals a measure may serve (R12 and the scheme's own)
 * @param targetGroups      whom a measure may reach
 * @param recipients        the kinds of recipient that may receive the scheme's money (R2); always owners
 * @param providersOnlyWhereUhCannot whether a provider is paid only for a measure UH declined or did not confirm
 *                          (R2; Statped in Kompetanseløftet, «when UH cannot deliver and the forum asks for it»)
 */
public record SchemeRules(Scheme scheme, Percentage coFinancingRate, Percentage thirdPartyCap, int maxMeasureYears,
                          UnusedMoneyPolicy unusedMoney, Percentage coordinatorCap, Set<Goal> goals,
                          Set<TargetGroup> targetGroups, Set<RecipientKind> recipients, boolean unitsRequired,
                          boolean providersOnlyWhereUhCannot) {

    /** Rules of a scheme whose providers, if any, are paid for what they deliver without a condition. */
    public SchemeRules(Scheme scheme, Percentage coFinancingRate, Percentage thirdPartyCap, int maxMeasureYears,
                       UnusedMoneyPolicy unusedMoney, Percentage coordinatorCap, Set<Goal> goals,
                       Set<TargetGroup> targetGroups, Set<RecipientKind> recipients, boolean unitsRequired) {
        this(scheme, coFinancingRate, thirdPartyCap, maxMeasureYears, unusedMoney, coordinatorCap, goals, targetGroups,
                recipients, unitsRequired, false);
    }

    /** Rules of a scheme whose measures need not name the units taking part. */
    public SchemeRules(Scheme scheme, Percentage coFinancingRate, Percentage thirdPartyCap, int maxMeasureYears,
                       UnusedMoneyPolicy unusedMoney, Percentage coordinatorCap, Set<Goal> goals,
                       Set<TargetGroup> targetGroups, Set<RecipientKind> recipients) {
        this(scheme, coFinancingRate, thirdPartyCap, maxMeasureYears, unusedMoney, coordinatorCap, goals, targetGroups,
                recipients, false);
    }

    public SchemeRules {
        if (maxMeasureYears < 1) {
            throw new IllegalArgumentException("Et tiltak må kunne vare minst ett år.");
        }
        goals = Set.copyOf(goals);
        targetGroups = Set.copyOf(targetGroups);
        recipients = Set.copyOf(recipients);
        if (!recipients.contains(RecipientKind.OWNER)) {
            throw new IllegalArgumentException("Eiere som deltar i ordningen må kunne motta midler (R2).");
        }
    }
}
