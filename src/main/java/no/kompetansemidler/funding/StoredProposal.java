package no.kompetansemidler.funding;

import no.kompetansemidler.domain.funding.DistributionKey;
import no.kompetansemidler.domain.money.Distribution;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Scheme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** A proposed distribution as stored: one embete, scheme and year, its frame and its lines. */
public record StoredProposal(String id, Embete embete, Scheme scheme, int year, Money frame, List<StoredGrant> grants) {

    /**
     * Each line's share of the frame by the key (EQUAL, WEIGHTS, or the explicit AMOUNTS checked against the frame);
     * an IllegalArgumentException in Norwegian when the key cannot be applied.
     */
    public Distribution.Result<String> distribute(DistributionKey key) {
        Map<String, StoredGrant> byRecipient = new LinkedHashMap<>();
        for (StoredGrant g : grants) {
            if (byRecipient.put(g.organisationNumber(), g) != null) {
                throw new IllegalArgumentException(g.name() + " (" + g.organisationNumber()
                        + ") står flere ganger i fordelingen; slå linjene sammen.");
            }
        }
        return switch (key) {
            case EQUAL -> Distribution.equalShares(frame, List.copyOf(byRecipient.keySet()));
            case WEIGHTS -> {
                Map<String, Long> weights = new LinkedHashMap<>();
                byRecipient.forEach((recipient, g) -> {
                    if (g.weight() == null) {
                        throw new IllegalArgumentException(g.name() + " (" + recipient + ") mangler vekt (årsverk).");
                    }
                    weights.put(recipient, g.weight());
                });
                yield Distribution.byWeights(frame, weights);
            }
            case AMOUNTS -> {
                SortedMap<String, Money> amounts = new java.util.TreeMap<>();
                byRecipient.forEach((recipient, g) -> amounts.put(recipient, g.amount()));
                yield Distribution.explicitAmounts(frame, amounts);
            }
        };
    }

    /** The lines with their shares of a distribution. */
    public List<StoredGrant> withShares(Distribution.Result<String> result) {
        return grants.stream().map(g -> g.withAmount(result.shares().get(g.organisationNumber()))).toList();
    }
}
