package no.kompetansemidler.masterdata;

import no.kompetansemidler.domain.organisation.OrganisationNumber;

/** A Norwegian university or university college (UH-institusjon). */
public record UhInstitution(OrganisationNumber organisationNumber, String name) {
}
