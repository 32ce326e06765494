package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.engine.EngineContext;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Service task "Prøv steget på nytt", after the caseworker's task for a step that failed its last retry (e.g.
 * «Utbetaling feilet: …»): the caseworker confirms that the cause is fixed, and the failed job of the case gets one
 * more try, which resolves its incident. The job runs as it always does, so a payment already made is not made
 * again (R9). The retry is the system's, on the caseworker's confirmation: caseworkers hold no grant on jobs.
 */
@Component("retryFailedStepDelegate")
class RetryFailedStepDelegate implements JavaDelegate {

    /** The form's confirmation that the cause is fixed. */
    static final String FIXED = "arsakRettet";

    @Override
    public void execute(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable(FIXED))) {
            throw new ValidationException(List.of(new Violation(FIXED, "PÅKREVD", "Kryss av når årsaken er rettet;"
                    + " da prøves steget på nytt.")));
        }
        ManagementService management = execution.getProcessEngineServices().getManagementService();
        EngineContext.runAsSystem(() -> {
            for (Job job : management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
                    .noRetriesLeft().list()) {
                management.setJobRetries(job.getId(), 1);
            }
        });
        execution.removeVariable(FIXED);
    }
}
