package no.kompetansemidler.funding;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Scheme;

import java.util.List;

/** A proposed distribution as stored: one embete, scheme and year, its frame and its lines. */
public record StoredProposal(String id, Embete embete, Scheme scheme, int year, Money frame, List<StoredGrant> grants) {
}
