package no.kompetansemidler.funding;

import no.kompetansemidler.application.ApplicationRepository;
import no.kompetansemidler.cycle.CycleVariables;
import no.kompetansemidler.domain.funding.FundingRules;
import no.kompetansemidler.domain.funding.Outcome;
import no.kompetansemidler.domain.funding.SchemeRules;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Service task "Kontroller fordelingen": checks the stored proposal against R1–R6 and R14, records the check, and
 * raises the BPMN error {@value FundingVariables#BREACH_ERROR_CODE} with every breach when there is any.
 */
@Component("checkFundingRulesDelegate")
class CheckFundingRulesDelegate implements JavaDelegate {

    private final ProposalRepository proposals;
    private final ProposalAssembler assembler;
    private final SchemeCatalogue parameters;
    private final Clock clock;
    private final ApplicationRepository applications;

    CheckFundingRulesDelegate(ProposalRepository proposals, ProposalAssembler assembler, SchemeCatalogue parameters,
                              Clock clock, ApplicationRepository applications) {
        this.proposals = proposals;
        this.assembler = assembler;
        this.parameters = parameters;
        this.clock = clock;
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String proposalId = (String) execution.getVariable(FundingVariables.PROPOSAL_ID);
        StoredProposal stored = proposals.find(proposalId)
                .orElseThrow(() -> new IllegalStateException("Fordelingen " + proposalId + " finnes ikke."));
        SchemeRules rules = parameters.rules(stored.scheme());
        // what UH cannot deliver, by the cycle's need reports: read only where a scheme pays its providers for that
        // alone (R2)
        String cycleId = (String) execution.getVariable(CycleVariables.CYCLE_ID);
        List<String> uhCannotDeliver = rules.providersOnlyWhereUhCannot() && cycleId != null
                ? applications.measuresUhCannotDeliver(cycleId) : List.of();
        List<Outcome.Rejected> breaches = FundingRules.evaluate(assembler.toDomain(stored, uhCannotDeliver), rules);
        String checkId = proposals.recordCheck(proposalId, BreachReport.parameters(rules), breaches, clock.instant());
        execution.setVariable(FundingVariables.RULE_CHECK_ID, checkId);
        BreachReport.publish(execution, breaches);
    }
}
