package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.funding.UnusedMoneyPolicy;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.funding.SchemeCatalogue;
import no.kompetansemidler.funding.FundingVariables;
import no.kompetansemidler.identity.IdentityGroups;
import no.kompetansemidler.security.CaseAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Klargjør egenvurdering": the owner, its group and what was decided, shown in the owner's form. What
 * was decided stays in the decision (km_decision); these variables only show it.
 */
@Component("prepareSelfEvaluationDelegate")
class PrepareSelfEvaluationDelegate implements JavaDelegate {

    static final String DECISION_TEXT = "vedtakTekst";
    static final String GRANTED_TEXT = "tildeltTekst";

    private final CycleRepository cycles;
    private final SchemeCatalogue parameters;
    private final CaseAccess caseAccess;

    PrepareSelfEvaluationDelegate(CycleRepository cycles, SchemeCatalogue parameters, CaseAccess caseAccess) {
        this.cycles = cycles;
        this.parameters = parameters;
        this.caseAccess = caseAccess;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CycleRepository.Decision decision = cycles.decision(ProcessSupport.text(execution, CycleVariables.DECISION_ID));
        execution.setVariable(CycleVariables.OWNER, decision.organisationNumber());
        execution.setVariable(CycleVariables.OWNER_NAME, decision.name());
        String ownerGroup = IdentityGroups.owner(new OrganisationNumber(decision.organisationNumber()));
        execution.setVariable(CycleVariables.OWNER_GROUP, ownerGroup);
        caseAccess.owner(execution.getProcessInstanceId(), ownerGroup);
        execution.setVariable(GRANTED_TEXT, decision.amount().format());
        execution.setVariable(DECISION_TEXT, decision.reasons());
        Scheme scheme = Scheme.valueOf(ProcessSupport.text(execution, CycleVariables.SCHEME));
        execution.setVariable(FundingVariables.CARRY_OVER_DECIDED,
                parameters.rules(scheme).unusedMoney() == UnusedMoneyPolicy.CARRY_OVER);
    }
}
