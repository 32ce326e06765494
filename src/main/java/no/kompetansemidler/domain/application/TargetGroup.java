package no.kompetansemidler.domain.application;

import no.kompetansemidler.domain.organisation.Scheme;

import java.util.EnumSet;
import java.util.Set;

/** Whom a measure reaches; each scheme allows its own (domain README, "Schemes"). */
public enum TargetGroup {
    SKOLELEDERE("Skoleledere", EnumSet.of(Scheme.DEKOM, Scheme.KOMPETANSELOFTET)),
    LAERERE("Lærere", EnumSet.of(Scheme.DEKOM, Scheme.KOMPETANSELOFTET)),
    ANDRE_SKOLEANSATTE("Andre ansatte i skolen", EnumSet.of(Scheme.DEKOM, Scheme.KOMPETANSELOFTET)),
    BARNEHAGELEDERE("Barnehageledere", EnumSet.of(Scheme.REKOM, Scheme.KOMPETANSELOFTET)),
    BARNEHAGEANSATTE("Ansatte i barnehagen", EnumSet.of(Scheme.REKOM, Scheme.KOMPETANSELOFTET)),
    PPT("PPT", EnumSet.of(Scheme.DEKOM, Scheme.REKOM, Scheme.KOMPETANSELOFTET)),
    YRKESFAGLAERERE("Yrkesfaglærere", EnumSet.of(Scheme.DEKOM, Scheme.YRKESFAG)),
    INSTRUKTORER("Instruktører og faglige ledere i bedrift", EnumSet.of(Scheme.YRKESFAG)),
    PROVENEMNDER("Medlemmer av prøvenemnder", EnumSet.of(Scheme.YRKESFAG));

    private final String displayName;
    private final Set<Scheme> schemes;

    TargetGroup(String displayName, Set<Scheme> schemes) {
        this.displayName = displayName;
        this.schemes = schemes;
    }

    public String displayName() {
        return displayName;
    }

    public boolean allowedIn(Scheme scheme) {
        return schemes.contains(scheme);
    }
}
