package no.kompetansemidler.domain.application;

/** Whom a measure reaches; each scheme allows its own ({@code target-groups} in {@code ordninger/*.yml}). */
public enum TargetGroup {
    SKOLELEDERE("Skoleledere"),
    LAERERE("Lærere"),
    ANDRE_SKOLEANSATTE("Andre ansatte i skolen"),
    BARNEHAGELEDERE("Barnehageledere"),
    BARNEHAGEANSATTE("Ansatte i barnehagen"),
    PPT("PPT"),
    YRKESFAGLAERERE("Yrkesfaglærere"),
    INSTRUKTORER("Instruktører og faglige ledere i bedrift"),
    PROVENEMNDER("Medlemmer av prøvenemnder");

    private final String displayName;

    TargetGroup(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
