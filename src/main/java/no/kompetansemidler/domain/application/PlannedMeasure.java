package no.kompetansemidler.domain.application;

import no.kompetansemidler.domain.money.Money;

import java.util.List;
import java.util.Set;

/**
 * A measure (tiltak) of an owner's application: what it is for (R12), whom it reaches, the UH partner that shares
 * it (R10, R3), the state money sought for each of its years from the year applied for (R14), the owner's planned
 * co-financing and how much of it is salary or release time (R1), the part for a coordinator (R4), and how many
 * take part.
 *
 * @param amountPerYear the money sought for the first, second and third year; as many entries as the measure runs
 */
public record PlannedMeasure(String title, Set<Goal> goals, Set<TargetGroup> targetGroups, String uhPartner,
                             boolean thirdParty, List<Money> amountPerYear, Money coFinancing, Money salary,
                             Money coordinator, int participants, String units) {

    /** A measure that names no units (kindergartens, schools, PPT) taking part. */
    public PlannedMeasure(String title, Set<Goal> goals, Set<TargetGroup> targetGroups, String uhPartner,
                          boolean thirdParty, List<Money> amountPerYear, Money coFinancing, Money salary,
                          Money coordinator, int participants) {
        this(title, goals, targetGroups, uhPartner, thirdParty, amountPerYear, coFinancing, salary, coordinator,
                participants, null);
    }

    public PlannedMeasure {
        units = units == null || units.isBlank() ? null : units.strip();
        goals = Set.copyOf(goals);
        targetGroups = Set.copyOf(targetGroups);
        amountPerYear = List.copyOf(amountPerYear);
    }

    /** How many years the measure runs (R14). */
    public int years() {
        return amountPerYear.size();
    }

    /** The money sought over all its years. */
    public Money total() {
        return Money.sum(amountPerYear);
    }

    /** The money sought for the year with this index (0: the year applied for), zero after the last. */
    public Money amountInYear(int index) {
        return index < amountPerYear.size() ? amountPerYear.get(index) : Money.ZERO;
    }
}
