package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.funding.ProposalLines;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.funding.FundingVariables;
import no.kompetansemidler.funding.ProposalRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Service task "Registrer fordelingen": takes the newest version of the cycle's distribution, as the caseworker saved
 * it on the distribution page during the forum's innstilling, the fallback decision or a correction, as the proposal
 * the process distributes, checks and decides on; the version is never changed afterwards. The basis of the decision
 * (R7/R8) is recorded too.
 */
@Component("recordProposalDelegate")
class RecordProposalDelegate implements JavaDelegate {

    static final String BASIS_RECOMMENDATION = "INNSTILLING";
    static final String BASIS_FALLBACK = "RESERVEVEDTAK";

    private final ProposalRepository proposals;

    RecordProposalDelegate(ProposalRepository proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Violation> problems = new ArrayList<>();
        FreeText.check(execution.getVariable(CycleVariables.REASONS), CycleVariables.REASONS,
                "Begrunnelsen for fordelingen", 1, "R8", problems);
        String cycleId = ProcessSupport.caseVariable(execution, CycleVariables.CYCLE_ID);
        Optional<ProposalRepository.Version> version = proposals.latest(cycleId);
        if (version.isEmpty()) {
            problems.add(new Violation(ProposalLines.ROWS, "PÅKREVD", "Fordelingen er ikke lagret. Åpne fordelingen"
                    + " fra oppgaven, fyll ut eller godta radene og trykk «Lagre fordelingen» før du fullfører."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        execution.setVariable(FundingVariables.PROPOSAL_ID, version.get().id());
        execution.setVariable(CycleVariables.PREPARED_BY, ProcessSupport.currentUser(execution));
        execution.setVariable(FundingVariables.DISTRIBUTION_KEY, version.get().key().name());
        Object agreed = execution.getVariable(CycleVariables.FORUM_AGREED);
        execution.setVariable(CycleVariables.DECISION_BASIS,
                Boolean.FALSE.equals(agreed) ? BASIS_FALLBACK : BASIS_RECOMMENDATION);
    }
}
