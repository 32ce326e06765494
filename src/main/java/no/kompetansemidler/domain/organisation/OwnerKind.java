package no.kompetansemidler.domain.organisation;

import java.util.EnumSet;
import java.util.Set;

import static no.kompetansemidler.domain.organisation.Scheme.DEKOM;
import static no.kompetansemidler.domain.organisation.Scheme.KOMPETANSELOFTET;
import static no.kompetansemidler.domain.organisation.Scheme.REKOM;
import static no.kompetansemidler.domain.organisation.Scheme.YRKESFAG;

/**
 * The kinds of school and kindergarten owners (eiere), and the schemes each kind may take part in
 * (domain README, table "Schemes").
 */
public enum OwnerKind {
    /** A municipality: school owner, kindergarten authority and owner, and PPT. */
    KOMMUNE("Kommune", EnumSet.of(DEKOM, REKOM, KOMPETANSELOFTET)),
    /** A county authority: school owner for upper secondary, holds YRKESFAG money. */
    FYLKESKOMMUNE("Fylkeskommune", EnumSet.of(DEKOM, KOMPETANSELOFTET, YRKESFAG)),
    /** Oslo kommune: a municipality that also holds the county role. */
    KOMMUNE_MED_FYLKESROLLE("Kommune med fylkeskommunal rolle", EnumSet.allOf(Scheme.class)),
    /** A private school owner (friskole, privatskole). */
    PRIVAT_SKOLEEIER("Privat skoleeier", EnumSet.of(DEKOM)),
    /** A private kindergarten owner. */
    PRIVAT_BARNEHAGEEIER("Privat barnehageeier", EnumSet.of(REKOM));

    private final String displayName;
    private final Set<Scheme> eligibleSchemes;

    OwnerKind(String displayName, Set<Scheme> eligibleSchemes) {
        this.displayName = displayName;
        this.eligibleSchemes = eligibleSchemes;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Scheme> eligibleSchemes() {
        return EnumSet.copyOf(eligibleSchemes);
    }

    public boolean mayTakePartIn(Scheme scheme) {
        return eligibleSchemes.contains(scheme);
    }

    public boolean isPrivate() {
        return this == PRIVAT_SKOLEEIER || this == PRIVAT_BARNEHAGEEIER;
    }
}
