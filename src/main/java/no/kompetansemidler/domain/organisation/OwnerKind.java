package no.kompetansemidler.domain.organisation;

/**
 * The kinds of school and kindergarten owners (eiere), and of the applicants in vocational education. Which kinds take part in which scheme is the scheme's
 * configuration ({@code participants} in {@code ordninger/*.yml}).
 */
public enum OwnerKind {
    /** A municipality: school owner, kindergarten authority and owner, and PPT. */
    KOMMUNE("Kommune"),
    /** A county authority: school owner for upper secondary. */
    FYLKESKOMMUNE("Fylkeskommune"),
    /** Oslo kommune: a municipality that also holds the county role. */
    KOMMUNE_MED_FYLKESROLLE("Kommune med fylkeskommunal rolle"),
    /** A private school owner (friskole, privatskole). */
    PRIVAT_SKOLEEIER("Privat skoleeier"),
    /** A private kindergarten owner. */
    PRIVAT_BARNEHAGEEIER("Privat barnehageeier"),
    /** An upper secondary school offering vocational programmes (applies in YRKESFAG). */
    VIDEREGAENDE_SKOLE("Videregående skole"),
    /** A training office (opplæringskontor) for apprentices' companies (applies in YRKESFAG). */
    OPPLAERINGSKONTOR("Opplæringskontor"),
    /** A company approved to train apprentices (lærebedrift; applies in YRKESFAG). */
    LAEREBEDRIFT("Lærebedrift"),
    /** A trade test board (prøvenemnd; applies in YRKESFAG). */
    PROVENEMND("Prøvenemnd");

    private final String displayName;

    OwnerKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isPrivate() {
        return this == PRIVAT_SKOLEEIER || this == PRIVAT_BARNEHAGEEIER;
    }

    /** The applicants in vocational education, registered by the fylkeskommune that runs the scheme there. */
    public boolean isVocational() {
        return this == VIDEREGAENDE_SKOLE || this == OPPLAERINGSKONTOR || this == LAEREBEDRIFT || this == PROVENEMND;
    }
}
