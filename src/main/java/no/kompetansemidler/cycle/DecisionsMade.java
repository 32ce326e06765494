package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.organisation.Scheme;

import java.util.Set;

/**
 * A cycle's decisions are made (published in the decision's transaction): the owners that got a decision, by
 * organisation number. The follow-up cases of Oppfølgingsordningen wait for it.
 */
public record DecisionsMade(String cycleId, Scheme scheme, int year, Set<String> organisationNumbers) {

    public DecisionsMade {
        organisationNumbers = Set.copyOf(organisationNumbers);
    }
}
