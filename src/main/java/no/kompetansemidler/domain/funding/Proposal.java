package no.kompetansemidler.domain.funding;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Scheme;

import java.util.List;

/** A proposed distribution of one year's frame for one embete and scheme (the innstilling, or the fallback). */
public record Proposal(Scheme scheme, int year, Money frame, List<Grant> grants) {

    public Proposal {
        grants = List.copyOf(grants);
    }

    public Money total() {
        return Money.sum(grants.stream().map(Grant::amount).toList());
    }
}
