package no.kompetansemidler.domain.funding;

/** What a recipient of state money is, as found in the master data. */
public enum RecipientKind {
    /** A school or kindergarten owner (eier). */
    OWNER("eier"),
    /** A Norwegian university or university college (UH-institusjon). */
    UH("UH-institusjon"),
    /**
     * A provider the scheme names (its {@code providers}: a fagskole, company or trade association in YRKESFAG,
     * Statped in Kompetanseløftet), registered by the caseworker.
     */
    PROVIDER("tilbyder"),
    /** A commercial actor (kommersiell aktør). */
    COMMERCIAL("kommersiell aktør"),
    /** Any other third party (tredjepart). */
    THIRD_PARTY("tredjepart");

    private final String displayName;

    RecipientKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
