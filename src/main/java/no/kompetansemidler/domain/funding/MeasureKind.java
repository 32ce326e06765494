package no.kompetansemidler.domain.funding;

/** Whether a measure is collective continuing education (etterutdanning) or credit-bearing further education. */
public enum MeasureKind {
    ETTERUTDANNING("etterutdanning"),
    VIDEREUTDANNING("videreutdanning");

    private final String displayName;

    MeasureKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
