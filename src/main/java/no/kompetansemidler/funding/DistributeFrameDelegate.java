package no.kompetansemidler.funding;

import no.kompetansemidler.domain.funding.DistributionKey;
import no.kompetansemidler.domain.funding.Outcome;
import no.kompetansemidler.domain.funding.RuleId;
import no.kompetansemidler.domain.money.Distribution;
import no.kompetansemidler.domain.money.Money;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Service task "Fordel rammen": gives each line of the stored proposal its share of the frame by the key
 * (EQUAL, WEIGHTS, or the innstilling's explicit AMOUNTS). A key that cannot be applied (all weights zero, a
 * recipient twice, amounts over the frame) raises {@value FundingVariables#BREACH_ERROR_CODE} as an R6 breach.
 */
@Component("distributeFrameDelegate")
class DistributeFrameDelegate implements JavaDelegate {

    private final ProposalRepository proposals;

    DistributeFrameDelegate(ProposalRepository proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String proposalId = (String) execution.getVariable(FundingVariables.PROPOSAL_ID);
        StoredProposal stored = proposals.find(proposalId)
                .orElseThrow(() -> new IllegalStateException("Fordelingen " + proposalId + " finnes ikke."));
        Distribution.Result<String> result;
        try {
            result = distribute(stored, DistributionKey.valueOf((String) execution.getVariable(FundingVariables.DISTRIBUTION_KEY)));
        } catch (IllegalArgumentException e) {
            BreachReport.publish(execution, List.of(new Outcome.Rejected(RuleId.R6, null,
                    e.getMessage().replaceFirst("^R6: ", ""))));
            return;
        }
        proposals.replaceGrants(proposalId, stored.grants().stream()
                .map(g -> g.withAmount(result.shares().get(g.organisationNumber()))).toList());
        execution.setVariable(FundingVariables.DISTRIBUTED, result.distributed().ore());
        execution.setVariable(FundingVariables.UNDISTRIBUTED, result.undistributed().ore());
    }

    private static Distribution.Result<String> distribute(StoredProposal stored, DistributionKey key) {
        Map<String, StoredGrant> byRecipient = new LinkedHashMap<>();
        for (StoredGrant g : stored.grants()) {
            if (byRecipient.put(g.organisationNumber(), g) != null) {
                throw new IllegalArgumentException(g.name() + " (" + g.organisationNumber()
                        + ") står flere ganger i fordelingen; slå linjene sammen.");
            }
        }
        return switch (key) {
            case EQUAL -> Distribution.equalShares(stored.frame(), List.copyOf(byRecipient.keySet()));
            case WEIGHTS -> {
                Map<String, Long> weights = new LinkedHashMap<>();
                byRecipient.forEach((recipient, g) -> {
                    if (g.weight() == null) {
                        throw new IllegalArgumentException(g.name() + " (" + recipient + ") mangler vekt (årsverk).");
                    }
                    weights.put(recipient, g.weight());
                });
                yield Distribution.byWeights(stored.frame(), weights);
            }
            case AMOUNTS -> {
                SortedMap<String, Money> amounts = new java.util.TreeMap<>();
                byRecipient.forEach((recipient, g) -> amounts.put(recipient, g.amount()));
                yield Distribution.explicitAmounts(stored.frame(), amounts);
            }
        };
    }
}
