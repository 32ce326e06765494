package no.kompetansemidler.masterdata;

import no.kompetansemidler.domain.organisation.Embete;

/** A municipality (kommune) as listed in the reference data. */
public record Municipality(String municipalityNumber, String name, String countyNumber, String countyName,
                           Embete embete) {
}
