package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.funding.FundingVariables;
import no.kompetansemidler.funding.ProposalRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Service task "Registrer godkjenningen" after the leader's «Godkjenn vedtakene»: the leader approves the
 * distribution, and the decisions are made, or sends it back with a comment to the caseworker who records the
 * forum's innstilling. Whoever prepared the distribution (recorded it, or saved a version of it) cannot sign it
 * off (økonomiregelverket: approved by another than the preparer); the refusal names the rule and stores nothing.
 */
@Component("recordSignOffDelegate")
class RecordSignOffDelegate implements JavaDelegate {

    static final String APPROVE = "GODKJENT";
    static final String RETURN = "TILBAKE";

    private final SignOffs signOffs;
    private final ProposalRepository proposals;
    private final Clock clock;

    RecordSignOffDelegate(SignOffs signOffs, ProposalRepository proposals, Clock clock) {
        this.signOffs = signOffs;
        this.proposals = proposals;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String cycleId = ProcessSupport.caseVariable(execution, CycleVariables.CYCLE_ID);
        String leader = ProcessSupport.currentUser(execution);
        String preparedBy = ProcessSupport.text(execution, CycleVariables.PREPARED_BY);
        String choice = ProcessSupport.text(execution, CycleVariables.SIGN_OFF);
        List<Violation> problems = new ArrayList<>();
        if (preparers(cycleId, preparedBy).contains(leader)) {
            problems.add(new Violation(CycleVariables.SIGN_OFF, "TO_PERSONER", "Du har selv forberedt fordelingen,"
                    + " og kan derfor ikke godkjenne den. En annen leder må godkjenne vedtakene"
                    + " (økonomiregelverket 6.3: godkjent av en annen enn den som forberedte)."));
        }
        String comment = null;
        if (RETURN.equals(choice)) {
            comment = FreeText.check(execution.getVariable(CycleVariables.SIGN_OFF_COMMENT),
                    CycleVariables.SIGN_OFF_COMMENT, "Merknaden til saksbehandleren", 1, "R8", problems);
        } else if (APPROVE.equals(choice)) {
            Object typed = execution.getVariable(CycleVariables.SIGN_OFF_COMMENT);
            comment = typed == null || typed.toString().isBlank() ? null : FreeText.check(typed,
                    CycleVariables.SIGN_OFF_COMMENT, "Merknaden", 0, "R8", problems);
        } else {
            problems.add(new Violation(CycleVariables.SIGN_OFF, "PÅKREVD",
                    "Velg om du godkjenner vedtakene eller sender fordelingen tilbake."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        boolean approved = APPROVE.equals(choice);
        signOffs.record(cycleId, ProcessSupport.text(execution, FundingVariables.PROPOSAL_ID),
                Objects.requireNonNullElse(preparedBy, "ukjent"), leader, approved, comment, clock.instant());
        execution.setVariable(CycleVariables.SIGNED_OFF, approved);
    }

    /** Who prepared the distribution: who recorded it, and everyone who saved a version of it. */
    private Set<String> preparers(String cycleId, String recordedBy) {
        Set<String> people = new LinkedHashSet<>();
        if (recordedBy != null) {
            people.add(recordedBy);
        }
        proposals.versions(cycleId).stream().map(ProposalRepository.Version::createdBy).filter(Objects::nonNull)
                .forEach(people::add);
        return people;
    }
}
