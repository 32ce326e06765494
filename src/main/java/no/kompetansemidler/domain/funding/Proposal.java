package no.kompetansemidler.domain.funding;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Scheme;

import java.util.List;

/**
 * A proposed distribution of one year's frame for one embete and scheme (the innstilling, or the fallback).
 *
 * @param embete the embete whose cycle it is (R5: its owners only), or null where that is not known
 */
public record Proposal(Scheme scheme, int year, Money frame, List<Grant> grants, Embete embete) {

    public Proposal {
        grants = List.copyOf(grants);
    }

    public Proposal(Scheme scheme, int year, Money frame, List<Grant> grants) {
        this(scheme, year, frame, grants, null);
    }

    public Money total() {
        return Money.sum(grants.stream().map(Grant::amount).toList());
    }
}
