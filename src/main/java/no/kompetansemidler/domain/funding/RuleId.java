package no.kompetansemidler.domain.funding;

/** The funding rules by id (docs/regler.md), with the short Norwegian title a caseworker sees. */
public enum RuleId {
    R1("Egenfinansiering"),
    R2("Mottakere"),
    R3("Tredjepart gjennom UH"),
    R4("Bare etterutdanning"),
    R5("Eier som ikke deltar"),
    R6("Innenfor rammen"),
    R14("Flerårige tiltak"),
    R15("Ubrukte midler");

    private final String title;

    RuleId(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
