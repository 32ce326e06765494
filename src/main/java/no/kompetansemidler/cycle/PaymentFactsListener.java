package no.kompetansemidler.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When a payment starts: its recipient, organisation number and amount as the case's facts, read from the decision,
 * for the caseworker's tasks when the payment stops (no account, or a failure). Set before the payment's
 * asynchronous step, so that a failing step cannot take them with it.
 */
@Component("paymentFacts")
class PaymentFactsListener implements ExecutionListener {

    private final CycleRepository cycles;

    private final no.kompetansemidler.complaint.Complaints complaints;

    PaymentFactsListener(CycleRepository cycles, no.kompetansemidler.complaint.Complaints complaints) {
        this.cycles = cycles;
        this.complaints = complaints;
    }

    @Override
    public void notify(DelegateExecution execution) {
        CycleRepository.Decision decision = cycles.decision(ProcessSupport.text(execution, CycleVariables.DECISION_ID));
        execution.setVariable(CycleVariables.RECIPIENT_NAME, decision.name());
        execution.setVariable(CycleVariables.RECIPIENT, decision.organisationNumber());
        String complaintId = ProcessSupport.text(execution, CycleVariables.COMPLAINT_ID);
        execution.setVariable(CycleVariables.AMOUNT_TEXT, complaintId == null ? cycles.firstAmount(decision).format()
                : complaints.complaint(complaintId).difference().format() + " (etterbetaling etter klage)");
    }
}
