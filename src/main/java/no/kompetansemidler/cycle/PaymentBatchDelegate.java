package no.kompetansemidler.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Service task "Lag utbetalingsfilen": when every decision of the cycle is ready to be paid, the payments not yet in
 * a file become one batch for the finance system (made once; run again, it finds nothing left to take). No payment
 * reaches a file without a leader's approval of the decisions.
 */
@Component("paymentBatchDelegate")
class PaymentBatchDelegate implements JavaDelegate {

    private final PaymentBatches batches;
    private final SignOffs signOffs;
    private final Clock clock;

    PaymentBatchDelegate(PaymentBatches batches, SignOffs signOffs, Clock clock) {
        this.batches = batches;
        this.signOffs = signOffs;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String cycleId = ProcessSupport.caseVariable(execution, CycleVariables.CYCLE_ID);
        SignOffs.SignOff approval = signOffs.approval(cycleId).orElseThrow(() -> new IllegalStateException(
                "Ingen leder har godkjent vedtakene i syklusen " + cycleId + "; ingen utbetalingsfil lages."));
        batches.make(cycleId, execution.getProcessBusinessKey(), approval.preparedBy(), approval.decidedBy(),
                clock.instant()).ifPresent(batch -> execution.setVariable(CycleVariables.PAYMENT_BATCH_ID, batch.id()));
    }
}
