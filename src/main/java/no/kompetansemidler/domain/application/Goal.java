package no.kompetansemidler.domain.application;

/**
 * The goals a measure serves (R12, and a scheme's own), as the application form offers them; each scheme allows its
 * own ({@code goals} in {@code ordninger/*.yml}).
 */
public enum Goal {
    INKLUDERENDE_LAERINGSMILJO("Et inkluderende læringsmiljø"),
    GRUNNLEGGENDE_FERDIGHETER("Grunnleggende ferdigheter og god fagkompetanse"),
    GJENNOMFORING("Flere fullfører videregående opplæring"),
    /** Kompetanseløftet's own: kindergarten, school and PPT together around the child and pupil. */
    LAG_RUNDT_BARNET("Et godt lag rundt barnet og eleven");

    private final String displayName;

    Goal(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
