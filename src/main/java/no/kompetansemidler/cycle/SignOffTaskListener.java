package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.funding.FundingVariables;
import no.kompetansemidler.funding.ProposalRepository;
import no.kompetansemidler.funding.StoredGrant;
import no.kompetansemidler.funding.StoredProposal;
import no.kompetansemidler.security.PersonDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/**
 * «Godkjenn vedtakene» opens: the leader's task shows who prepared the distribution, every recipient with its
 * amount, and the sum against the frame, so that the leader signs off what the decisions will say.
 */
@Component("signOffTaskListener")
class SignOffTaskListener implements TaskListener {

    private final ProposalRepository proposals;
    private final PersonDirectory people;

    SignOffTaskListener(ProposalRepository proposals, PersonDirectory people) {
        this.proposals = proposals;
        this.people = people;
    }

    @Override
    public void notify(DelegateTask task) {
        StoredProposal proposal = proposals.find((String) task.getVariable(FundingVariables.PROPOSAL_ID)).orElseThrow();
        Money sum = Money.sum(proposal.grants().stream().map(StoredGrant::amount).toList());
        task.setVariableLocal(CycleVariables.PREPARED_BY_NAME,
                people.displayName((String) task.getVariable(CycleVariables.PREPARED_BY)));
        task.setVariableLocal(CycleVariables.SIGN_OFF_SUM, proposal.grants().size() + " vedtak, til sammen "
                + sum.format() + " av rammen " + proposal.frame().format()
                + (RecordProposalDelegate.BASIS_FALLBACK.equals(task.getVariable(CycleVariables.DECISION_BASIS))
                ? " (Statsforvalterens reservevedtak, R7)" : " (samarbeidsforumets innstilling)"));
        task.setVariableLocal(CycleVariables.SIGN_OFF_SUMMARY, proposal.grants().stream()
                .map(g -> g.name() + " (" + g.organisationNumber() + "): " + g.amount().format() + " – «"
                        + g.measure().title() + "»")
                .collect(Collectors.joining("\n")));
    }
}
