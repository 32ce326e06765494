package no.kompetansemidler.funding;

import no.kompetansemidler.domain.funding.DistributionKey;
import no.kompetansemidler.domain.funding.Outcome;
import no.kompetansemidler.domain.funding.RuleId;
import no.kompetansemidler.domain.money.Distribution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Service task "Fordel rammen": gives each line of the stored proposal its share of the frame by the key; when that
 * changes an amount, the result is the distribution's next version
 * (EQUAL, WEIGHTS, or the innstilling's explicit AMOUNTS). A key that cannot be applied (all weights zero, a
 * recipient twice, amounts over the frame) raises {@value FundingVariables#BREACH_ERROR_CODE} as an R6 breach.
 */
@Component("distributeFrameDelegate")
class DistributeFrameDelegate implements JavaDelegate {

    private final ProposalRepository proposals;
    private final Clock clock;

    DistributeFrameDelegate(ProposalRepository proposals, Clock clock) {
        this.proposals = proposals;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String proposalId = (String) execution.getVariable(FundingVariables.PROPOSAL_ID);
        StoredProposal stored = proposals.find(proposalId)
                .orElseThrow(() -> new IllegalStateException("Fordelingen " + proposalId + " finnes ikke."));
        Distribution.Result<String> result;
        try {
            result = stored.distribute(DistributionKey.valueOf((String) execution.getVariable(FundingVariables.DISTRIBUTION_KEY)));
        } catch (IllegalArgumentException e) {
            BreachReport.publish(execution, List.of(new Outcome.Rejected(RuleId.R6, null,
                    e.getMessage().replaceFirst("^R6: ", ""))));
            return;
        }
        List<StoredGrant> shared = stored.withShares(result);
        if (!shared.equals(stored.grants())) {
            // the key gave other amounts: they are the next version, so the check names what it checked
            execution.setVariable(FundingVariables.PROPOSAL_ID, proposals.saveNext(proposalId, shared,
                    ProposalRepository.ORIGIN_DISTRIBUTED, null, clock.instant()));
        }
        execution.setVariable(FundingVariables.DISTRIBUTED, result.distributed().ore());
        execution.setVariable(FundingVariables.UNDISTRIBUTED, result.undistributed().ore());
    }
}
