package no.kompetansemidler.domain.organisation;

/**
 * The kinds of school and kindergarten owners (eiere), of the applicants in vocational education, and of the providers
 * (tilbydere) a scheme may pay for delivering competence development besides UH. Which kinds take part in which
 * scheme, and which are its providers, is the scheme's configuration ({@code participants} and {@code providers} in
 * {@code ordninger/*.yml}).
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
    PROVENEMND("Prøvenemnd"),
    /** A tertiary vocational college (fagskole; a provider in YRKESFAG). */
    FAGSKOLE("Fagskole"),
    /** A company delivering competence development, e.g. hospitering (bedrift; a provider in YRKESFAG). */
    BEDRIFT("Bedrift"),
    /** A trade or industry association (bransjeorganisasjon; a provider in YRKESFAG). */
    BRANSJEORGANISASJON("Bransjeorganisasjon"),
    /** Statped, the state's special-needs education service (a provider in Kompetanseløftet when UH cannot). */
    STATPED("Statped");

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

    /** The providers: they apply for nothing, but a scheme that names them may pay them for what they deliver. */
    public boolean isProvider() {
        return this == FAGSKOLE || this == BEDRIFT || this == BRANSJEORGANISASJON || this == STATPED;
    }

    /**
     * Registered by a fylkeskommune (the applicants and providers in vocational education); every other registered
     * kind at the Statsforvalter.
     */
    public boolean isRegisteredByCounty() {
        return isVocational() || (isProvider() && this != STATPED);
    }

    /** Registered by a caseworker (not master data as kommuner and fylkeskommuner are). */
    public boolean isRegistered() {
        return isPrivate() || isVocational() || isProvider();
    }
}
