package no.kompetansemidler.domain.organisation;

/** The grant schemes (ordninger) for local competence development. */
public enum Scheme {
    DEKOM("Desentralisert ordning for kompetanseutvikling i skolen"),
    REKOM("Regional ordning for kompetanseutvikling i barnehagen"),
    KOMPETANSELOFTET("Kompetanseløftet for spesialpedagogikk og inkluderende praksis"),
    YRKESFAG("Desentralisert ordning for fag- og yrkesopplæringen");

    private final String displayName;

    Scheme(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
