package no.kompetansemidler.domain.funding;

/** Who runs a scheme's cycles and decides in them (the scheme file's {@code run-by}). */
public enum CycleRunner {
    /** The Statsforvalter embete, one cycle per embete and year (DEKOM, REKOM, Kompetanseløftet). */
    STATSFORVALTER,
    /** The fylkeskommune, one cycle per fylkeskommune and year; the Statsforvalter reads (YRKESFAG). */
    FYLKESKOMMUNE
}
