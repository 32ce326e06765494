package no.kompetansemidler.models;

import no.kompetansemidler.testkit.ModelTest;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
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
 * Every path of the model vedtaksbrev: written and sent asynchronously, its status asked until it is delivered; a
 * delivery that fails becomes the caseworker's task, which has it sent anew; an integrasjonspunkt that does not
 * answer through the retries becomes an incident and the caseworker's task, which retries the send; delivered, the
 * case ends with any task still open.
 */
@ModelTest
@Deployment(resources = {"bpmn/vedtaksbrev.bpmn", "forms/brev-feilet.form"})
class LetterModelTest {

    final AtomicInteger written = new AtomicInteger();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger readied = new AtomicInteger();
    /** The statuses the integrasjonspunkt answers, one per question. */
    final Deque<String> statuses = new ArrayDeque<>();

    @BeforeEach
    void standIns() {
        Mocks.register("caseAccess", (ExecutionListener) execution -> { });
        Mocks.register("writeLetterDelegate", (JavaDelegate) execution -> {
            written.incrementAndGet();
            execution.setVariable("brevStatusIntervall", "PT5M");
            execution.setVariable("mottakerNavn", "Askøy kommune");
        });
        Mocks.register("sendLetterDelegate", (JavaDelegate) execution -> sent.incrementAndGet());
        Mocks.register("checkLetterStatusDelegate", (JavaDelegate) execution -> {
            String status = statuses.isEmpty() ? "SENDT" : statuses.poll();
            execution.setVariable("brevStatus", status);
            if (status.equals("FEILET")) {
                execution.setVariable("feilmelding", "Mottakeren kan ikke motta meldinger.");
            }
        });
        Mocks.register("resendLetterDelegate", (JavaDelegate) execution -> readied.incrementAndGet());
        Mocks.register("retryFailedStepDelegate", (JavaDelegate) execution -> managementService().createJobQuery()
                .processInstanceId(execution.getProcessInstanceId()).noRetriesLeft().list()
                .forEach(failed -> managementService().setJobRetries(failed.getId(), 1)));
    }

    ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("vedtaksbrev", Map.of("syklusId",
                "syklus-1", "brevMottaker", "940208580", "saksbehandlerGruppe", "saksbehandler-vestland", "ordning",
                "DEKOM", "aar", 2027));
        assertThat(instance).isStarted();
        return instance;
    }

    @Test
    void a_letter_is_written_and_sent_after_the_decisions_are_committed_and_followed_until_delivered() {
        statuses.addAll(java.util.List.of("SENDT", "LEVERT"));
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_WriteLetter");
        org.assertj.core.api.Assertions.assertThat(written).hasValue(0);

        execute(job());
        assertThat(instance).isWaitingAt("Task_SendLetter");
        execute(job());
        assertThat(instance).isWaitingAt("Event_WaitForStatus");
        execute(job());
        assertThat(instance).isWaitingAt("Event_WaitForStatus").hasPassed("Task_CheckStatus");
        execute(job());

        assertThat(instance).isEnded().hasPassed("EndEvent_Delivered");
        org.assertj.core.api.Assertions.assertThat(written).hasValue(1);
        org.assertj.core.api.Assertions.assertThat(sent).hasValue(1);
    }

    @Test
    void a_failed_delivery_is_the_caseworkers_task_which_has_the_letter_sent_anew() {
        statuses.addAll(java.util.List.of("FEILET", "LEVERT"));
        ProcessInstance instance = start();
        execute(job());
        execute(job());
        execute(job());

        assertThat(instance).isWaitingAt("Task_DeliveryFailed");
        Task task = taskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        org.assertj.core.api.Assertions.assertThat(task.getName())
                .isEqualTo("Utsending av brev feilet: Askøy kommune (DEKOM 2027)");
        assertThat(task).hasCandidateGroup("saksbehandler-vestland");
        org.assertj.core.api.Assertions.assertThat(runtimeService().getVariable(instance.getId(), "feilmelding"))
                .isEqualTo("Mottakeren kan ikke motta meldinger.");
        taskService().complete(task.getId(), Map.of("arsakRettet", true));

        assertThat(instance).isWaitingAt("Task_SendLetter").hasPassed("Task_PrepareResend");
        execute(job());
        execute(job());
        assertThat(instance).isEnded().hasPassed("EndEvent_Delivered");
        org.assertj.core.api.Assertions.assertThat(sent).hasValue(2);
        org.assertj.core.api.Assertions.assertThat(readied).hasValue(1);
        org.assertj.core.api.Assertions.assertThat(written).hasValue(1);
    }

    @Test
    void an_integrasjonspunkt_down_through_the_retries_is_an_incident_and_the_caseworkers_task_which_retries_once() {
        ProcessInstance instance = start();
        Job job = sendFailingThreeTimes();
        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery()
                .processInstanceId(instance.getId()).singleResult().getActivityId()).isEqualTo("Task_SendLetter");
        Task task = taskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        org.assertj.core.api.Assertions.assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_SendFailed");
        org.assertj.core.api.Assertions.assertThat(task.getName())
                .isEqualTo("Utsending av brev feilet: Askøy kommune (DEKOM 2027)");

        Mocks.register("sendLetterDelegate", (JavaDelegate) execution -> sent.incrementAndGet());
        taskService().complete(task.getId(), Map.of("arsakRettet", true));
        execute(managementService().createJobQuery().jobId(job.getId()).singleResult());
        statuses.add("LEVERT");
        execute(job());

        assertThat(instance).isEnded().hasPassed("Task_RetrySend", "EndEvent_Delivered");
        org.assertj.core.api.Assertions.assertThat(sent).hasValue(1);
    }

    @Test
    void a_letter_delivered_after_a_retry_in_cockpit_ends_the_caseworkers_open_task_with_it() {
        ProcessInstance instance = start();
        Job job = sendFailingThreeTimes();
        assertThat(instance).isWaitingAt("Task_SendFailed");
        Mocks.register("sendLetterDelegate", (JavaDelegate) execution -> sent.incrementAndGet());
        managementService().setJobRetries(job.getId(), 1);
        execute(managementService().createJobQuery().jobId(job.getId()).singleResult());
        statuses.add("LEVERT");
        execute(job());

        assertThat(instance).isEnded().hasPassed("EndEvent_Delivered").hasNotPassed("Task_RetrySend");
        org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery().processInstanceId(instance.getId())
                .count()).isZero();
    }

    /** Writes the letter, then runs its send while the integrasjonspunkt does not answer, until the retries are spent. */
    Job sendFailingThreeTimes() {
        execute(job());
        Mocks.register("sendLetterDelegate", (JavaDelegate) execution -> {
            throw new IllegalStateException("Integrasjonspunktet svarer ikke.");
        });
        Job job = job();
        for (int attempt = 1; attempt <= 3; attempt++) {
            String id = job.getId();
            assertThatThrownBy(() -> managementService().executeJob(id)).isInstanceOf(IllegalStateException.class);
            job = managementService().createJobQuery().jobId(id).singleResult();
        }
        return job;
    }
}
