package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.masterdata.MasterDataRepository;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Service task "Utbetal" (asynchronous, retried): pays one decision to its recipient's bank account, exactly once
 * (R9). A payment already made is found and not repeated; the database refuses a second payment for a decision.
 * A recipient without an account is no fault to retry: it throws {@link #NO_ACCOUNT}, which the model turns into
 * the caseworker's task «Registrer kontonummer for …» (who and how much are the case's facts from
 * {@link PaymentFactsListener}). Any other failure is retried; after the retries it is an incident, and the
 * caseworker's task «Utbetaling feilet: …».
 */
@Component("payDelegate")
class PayDelegate implements JavaDelegate {

    /** The error code of a recipient without an account (the model's Error_KontonummerMangler). */
    static final String NO_ACCOUNT = "KONTONUMMER_MANGLER";

    private final CycleRepository cycles;
    private final MasterDataRepository masterData;
    private final SignOffs signOffs;
    private final Clock clock;
    private final no.kompetansemidler.complaint.Complaints complaints;

    PayDelegate(CycleRepository cycles, MasterDataRepository masterData, SignOffs signOffs, Clock clock,
                no.kompetansemidler.complaint.Complaints complaints) {
        this.complaints = complaints;
        this.cycles = cycles;
        this.masterData = masterData;
        this.signOffs = signOffs;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CycleRepository.Decision decision = cycles.decision(ProcessSupport.text(execution, CycleVariables.DECISION_ID));
        String complaintId = ProcessSupport.text(execution, CycleVariables.COMPLAINT_ID);
        CycleRepository.PaymentKind kind = complaintId == null ? CycleRepository.PaymentKind.VEDTAK
                : CycleRepository.PaymentKind.KLAGE;
        var existing = cycles.paymentFor(decision.id(), kind);
        if (existing.isPresent()) {
            execution.setVariable(CycleVariables.PAYMENT_ID, existing.get().id());
            return;
        }
        if (signOffs.approval(decision.cycleId()).isEmpty()) {
            throw new IllegalStateException("Ingen leder har godkjent vedtakene i syklusen; " + decision.name()
                    + " utbetales ikke før de er godkjent.");
        }
        // the decision's own payment pays what was first decided; an upheld complaint's difference is paid apart
        Money amount = complaintId == null ? cycles.firstAmount(decision)
                : complaints.complaint(complaintId).difference();
        if (!amount.isPositive()) {
            throw new IllegalStateException("Klagen " + complaintId + " gir ingen etterbetaling (" + amount.format()
                    + ")");
        }
        var account = masterData.accountNumber(new OrganisationNumber(decision.organisationNumber()));
        if (account.isEmpty()) {
            throw new BpmnError(NO_ACCOUNT, "Kan ikke utbetale " + amount.format() + " til "
                    + decision.name() + " (" + decision.organisationNumber() + "): mottakeren har ikke registrert"
                    + " kontonummer.");
        }
        execution.setVariable(CycleVariables.PAYMENT_ID, cycles.insertPayment(decision.id(), kind,
                decision.organisationNumber(), amount, account.get(), clock.instant()));
    }
}
