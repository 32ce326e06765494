package no.kompetansemidler.models;

import no.kompetansemidler.testkit.ModelTest;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/**
 * Every path of the model utbetaling: paid asynchronously; a recipient without an account becomes the caseworker's
 * task, and the payment runs again once the account is saved; any other failure is retried three times, becomes an
 * incident and the caseworker's task «Utbetaling feilet», which retries it (with the project's engine plugin, as in
 * the application); a retry in Cockpit ends that task with the payment.
 */
@ModelTest
@Deployment(resources = {"bpmn/utbetaling.bpmn", "forms/registrer-kontonummer.form", "forms/utbetaling-feilet.form"})
class DisbursementModelTest {

    final AtomicInteger payments = new AtomicInteger();

    @BeforeEach
    void standIns() {
        Mocks.register("caseAccess", (ExecutionListener) execution -> { });
        Mocks.register("paymentFacts", (ExecutionListener) execution -> execution.setVariable("mottakerNavn",
                "Askøy kommune"));
        Mocks.register("retryFailedStepDelegate", (JavaDelegate) execution -> managementService().createJobQuery()
                .processInstanceId(execution.getProcessInstanceId()).noRetriesLeft().list()
                .forEach(failed -> managementService().setJobRetries(failed.getId(), 1)));
        Mocks.register("payDelegate", (JavaDelegate) execution -> payments.incrementAndGet());
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("utbetaling",
                Map.of("syklusId", "syklus-1", "vedtakId", "vedtak-1", "saksbehandlerGruppe", "saksbehandler-vestland",
                        "ordning", "DEKOM", "aar", 2027));
    }

    @Test
    void a_decision_is_paid_asynchronously_after_the_decisions_are_committed() {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_Pay");
        org.assertj.core.api.Assertions.assertThat(payments).hasValue(0);

        execute(job());

        assertThat(instance).isEnded().hasPassed("Task_Pay", "EndEvent_Paid");
        org.assertj.core.api.Assertions.assertThat(payments).hasValue(1);
    }

    @Test
    void a_recipient_without_an_account_becomes_the_caseworkers_task_and_is_paid_once_the_account_is_saved() {
        AtomicInteger saved = new AtomicInteger();
        Mocks.register("registerAccountDelegate", (JavaDelegate) execution -> saved.incrementAndGet());
        Mocks.register("payDelegate", (JavaDelegate) execution -> {
            if (saved.get() == 0) {
                throw new org.camunda.bpm.engine.delegate.BpmnError("KONTONUMMER_MANGLER", "Mangler kontonummer.");
            }
            payments.incrementAndGet();
        });
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_Pay");

        execute(job());

        assertThat(instance).isWaitingAt("Task_RegisterAccount").hasPassed("BoundaryEvent_NoAccount");
        org.camunda.bpm.engine.task.Task task = taskService().createTaskQuery()
                .processInstanceId(instance.getId()).initializeFormKeys().singleResult();
        org.assertj.core.api.Assertions.assertThat(task.getName()).isEqualTo("Registrer kontonummer for Askøy kommune (DEKOM 2027)");
        org.assertj.core.api.Assertions.assertThat(task.getCamundaFormRef().getKey()).isEqualTo("registrer-kontonummer");
        assertThat(task).hasCandidateGroup("saksbehandler-vestland");
        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery().count()).isZero();

        taskService().complete(task.getId(), Map.of("kontonummer", "1503.12.34562"));

        org.assertj.core.api.Assertions.assertThat(saved).hasValue(1);
        assertThat(instance).isWaitingAt("Task_Pay");
        org.assertj.core.api.Assertions.assertThat(payments).hasValue(0);
        execute(job());
        assertThat(instance).isEnded().hasPassed("Task_SaveAccount", "EndEvent_Paid");
        org.assertj.core.api.Assertions.assertThat(payments).hasValue(1);
    }

    @Test
    void a_payment_failing_its_retries_is_an_incident_and_the_caseworkers_task_which_retries_it_once() {
        ProcessInstance instance = start();
        Job job = failThreeTimes(instance, "Økonomisystemet svarer ikke.");
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        org.assertj.core.api.Assertions.assertThat(incident.getActivityId()).isEqualTo("Task_Pay");
        org.camunda.bpm.engine.task.Task task = taskService().createTaskQuery().processInstanceId(instance.getId())
                .singleResult();
        org.assertj.core.api.Assertions.assertThat(task.getName()).isEqualTo("Utbetaling feilet: Askøy kommune (DEKOM 2027)");
        org.assertj.core.api.Assertions.assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_PaymentFailed");
        org.assertj.core.api.Assertions.assertThat(runtimeService().getVariable(instance.getId(), "feilmelding"))
                .isEqualTo("Økonomisystemet svarer ikke.");

        Mocks.register("payDelegate", (JavaDelegate) execution -> payments.incrementAndGet());
        taskService().complete(task.getId(), Map.of("arsakRettet", true));

        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery()
                .processInstanceId(instance.getId()).count()).isZero();
        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().jobId(job.getId())
                .singleResult().getRetries()).isOne();
        execute(managementService().createJobQuery().jobId(job.getId()).singleResult());
        assertThat(instance).isEnded().hasPassed("Task_RetryPayment", "EndEvent_Paid");
        org.assertj.core.api.Assertions.assertThat(payments).hasValue(1);
    }

    @Test
    void a_payment_retried_in_cockpit_ends_the_caseworkers_open_task_with_it() {
        ProcessInstance instance = start();
        Job job = failThreeTimes(instance, "Kan ikke utbetale.");
        assertThat(instance).isWaitingAt("Task_PaymentFailed");

        Mocks.register("payDelegate", (JavaDelegate) execution -> payments.incrementAndGet());
        managementService().setJobRetries(job.getId(), 1);
        execute(job);

        assertThat(instance).isEnded().hasPassed("EndEvent_Paid").hasNotPassed("Task_RetryPayment");
        org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery().processInstanceId(instance.getId())
                .count()).isZero();
        org.assertj.core.api.Assertions.assertThat(payments).hasValue(1);
    }

    /** Runs the payment, failing with the message, until its retries are spent: the third failure is an incident. */
    Job failThreeTimes(ProcessInstance instance, String message) {
        Mocks.register("payDelegate", (JavaDelegate) execution -> {
            throw new IllegalStateException(message);
        });
        assertThat(instance).isWaitingAt("Task_Pay");
        Job job = job();
        for (int attempt = 1; attempt <= 3; attempt++) {
            String id = job.getId();
            assertThatThrownBy(() -> managementService().executeJob(id)).isInstanceOf(IllegalStateException.class);
            job = managementService().createJobQuery().jobId(id).singleResult();
            org.assertj.core.api.Assertions.assertThat(job.getRetries()).isEqualTo(3 - attempt);
        }
        return job;
    }
}
