package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.masterdata.MasterDataRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Service task "Utbetal" (asynchronous, retried): pays one decision to its recipient's bank account, exactly once
 * (R9). A payment already made is found and not repeated; the database refuses a second payment for a decision.
 * A recipient without a valid account fails the job; after the retries it becomes an incident a caseworker resolves
 * by registering the account and retrying the job in Cockpit.
 */
@Component("payDelegate")
class PayDelegate implements JavaDelegate {

    private final CycleRepository cycles;
    private final MasterDataRepository masterData;
    private final Clock clock;

    PayDelegate(CycleRepository cycles, MasterDataRepository masterData, Clock clock) {
        this.cycles = cycles;
        this.masterData = masterData;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CycleRepository.Decision decision = cycles.decision(ProcessSupport.text(execution, CycleVariables.DECISION_ID));
        var existing = cycles.paymentFor(decision.id());
        if (existing.isPresent()) {
            execution.setVariable(CycleVariables.PAYMENT_ID, existing.get().id());
            return;
        }
        String account = masterData.accountNumber(new OrganisationNumber(decision.organisationNumber()))
                .orElseThrow(() -> new IllegalStateException("Kan ikke utbetale " + decision.amount().format() + " til "
                        + decision.name() + " (" + decision.organisationNumber() + "): mottakeren har ikke registrert"
                        + " kontonummer. Registrer kontonummeret og prøv jobben på nytt."));
        execution.setVariable(CycleVariables.PAYMENT_ID, cycles.insertPayment(decision.id(),
                decision.organisationNumber(), decision.amount(), account, clock.instant()));
    }
}
