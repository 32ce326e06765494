package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.organisation.County;
import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.funding.FundingVariables;
import no.kompetansemidler.funding.ProposalRepository;
import no.kompetansemidler.funding.StoredGrant;
import no.kompetansemidler.funding.StoredProposal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Service task "Fatt vedtak" (R8): one decision per recipient, resting on the forum's innstilling or the
 * Statsforvalter's fallback decision (R7), recorded with its reasons and who decided.
 */
@Component("makeDecisionsDelegate")
class MakeDecisionsDelegate implements JavaDelegate {

    private final CycleRepository cycles;
    private final ProposalRepository proposals;
    private final no.kompetansemidler.funding.ProposalAssembler recipients;
    private final Clock clock;
    private final no.kompetansemidler.funding.SchemeCatalogue schemes;
    private final org.springframework.context.ApplicationEventPublisher events;

    MakeDecisionsDelegate(CycleRepository cycles, ProposalRepository proposals,
                          no.kompetansemidler.funding.ProposalAssembler recipients, Clock clock, no.kompetansemidler.funding.SchemeCatalogue schemes,
                          org.springframework.context.ApplicationEventPublisher events) {
        this.schemes = schemes;
        this.events = events;
        this.cycles = cycles;
        this.proposals = proposals;
        this.recipients = recipients;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String cycleId = ProcessSupport.caseVariable(execution, CycleVariables.CYCLE_ID);
        String proposalId = ProcessSupport.text(execution, FundingVariables.PROPOSAL_ID);
        StoredProposal proposal = proposals.find(proposalId).orElseThrow();
        String basis = ProcessSupport.text(execution, CycleVariables.DECISION_BASIS);
        Office office = cycles.cycle(cycleId).office();
        String grounds = RecordProposalDelegate.BASIS_FALLBACK.equals(basis)
                ? (office instanceof County ? "fylkeskommunens" : "Statsforvalterens")
                + " reservevedtak, fordi samarbeidsforumet ikke ble enig om fordelingen (R7)"
                : "samarbeidsforumets innstilling";
        String priorities = ProcessSupport.text(execution, CycleVariables.PRIORITIES);
        String reasons = ProcessSupport.text(execution, CycleVariables.REASONS);
        String user = ProcessSupport.currentUser(execution);
        for (StoredGrant g : proposal.grants()) {
            // what the rules found it to be: an owner, a UH institution or a provider the scheme names (R2)
            String kind = recipients.kindOf(g.organisationNumber(), proposal.scheme()).name();
            String text = office.displayName() + " vedtar tilskudd fra " + schemes.name(proposal.scheme())
                    + " for " + proposal.year() + ": " + g.name() + " (" + g.organisationNumber() + ") får "
                    + g.amount().format() + " til tiltaket «" + g.measure().title() + "» (" + g.measure().firstYear()
                    + "–" + g.measure().lastYear() + ", " + g.measure().kind().displayName() + ")."
                    + (kind.equals("OWNER") ? " Egenfinansiering: " + g.coFinancingCash().format()
                    + " og lønn/frikjøp " + g.coFinancingSalary().format() + "." : "")
                    + " Vedtaket bygger på " + grounds + "."
                    + (priorities == null || priorities.isEmpty() ? "" : " Prioriteringer: " + priorities + ".")
                    + " Begrunnelse: " + reasons;
            cycles.saveDecision(new CycleRepository.Decision(null, cycleId, proposalId, g.organisationNumber(),
                    g.name(), kind, g.amount(), basis, text, user), clock.instant());
        }
        execution.setVariable(CycleVariables.DECISION_COUNT, proposal.grants().size());
        events.publishEvent(new DecisionsMade(cycleId, proposal.scheme(), proposal.year(), proposal.grants().stream()
                .map(StoredGrant::organisationNumber).collect(java.util.stream.Collectors.toSet())));
    }
}
