package no.kompetansemidler.domain.application;

/** The goals of basic education a measure serves (R12), as the application form offers them. */
public enum Goal {
    INKLUDERENDE_LAERINGSMILJO("Et inkluderende læringsmiljø"),
    GRUNNLEGGENDE_FERDIGHETER("Grunnleggende ferdigheter og god fagkompetanse"),
    GJENNOMFORING("Flere fullfører videregående opplæring");

    private final String displayName;

    Goal(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
