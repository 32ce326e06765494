package no.kompetansemidler.domain.funding;

/** A competence measure (tiltak), running from its first to its last year inclusive. */
public record Measure(String title, MeasureKind kind, int firstYear, int lastYear) {

    public int years() {
        return lastYear - firstYear + 1;
    }
}
