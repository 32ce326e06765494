package no.kompetansemidler.models;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.testkit.ModelTest;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** Every path of the model behovsmelding, on an engine of its own; the delegates are stand-ins. */
@ModelTest
@Deployment(resources = {"bpmn/behovsmelding.bpmn", "forms/behovsmelding.form", "forms/frist-passert.form",
        "forms/bekreft-partnerskap.form"})
class NeedReportModelTest {

    static final Date DEADLINE = new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000);
    static final Date REMINDER = new Date(System.currentTimeMillis() + 20L * 24 * 3600 * 1000);

    static final Date CONFIRMATION = new Date(System.currentTimeMillis() + 44L * 24 * 3600 * 1000);

    final List<String> ran = new ArrayList<>();
    /** The UH partners of the application's measures, as the save step finds them. */
    List<String> partners = List.of("917641404");

    @BeforeEach
    void standIns() {
        Mocks.register("caseAccess", (ExecutionListener) execution -> ran.add("caseAccess"));
        Mocks.register("prepareNeedReportDelegate", (JavaDelegate) execution -> {
            ran.add("prepare");
            execution.setVariable("eierNavn", "Bergen kommune");
            execution.setVariable("eierGruppe", "eier-964338531");
        });
        Mocks.register("saveNeedReportDelegate", (JavaDelegate) execution -> {
            ran.add("save");
            execution.setVariable("uhPartnere", new ArrayList<>(partners));
            execution.setVariable("bekreftelsesFrist", CONFIRMATION);
        });
        Mocks.register("partnerTaskListener", (org.camunda.bpm.engine.delegate.TaskListener) task ->
                task.setVariableLocal("uhTiltak", "Tiltak 1: Lesing i alle fag"));
        Mocks.register("recordPartnerAnswerDelegate", (JavaDelegate) execution -> ran.add(
                "answer " + execution.getCurrentActivityId() + " " + execution.getVariable("uh")));
        Mocks.register("sendReminderDelegate", recorder("reminder"));
        Mocks.register("deadlineChoiceDelegate", recorder("choice"));
    }

    JavaDelegate recorder(String name) {
        return execution -> ran.add(name);
    }

    ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("behovsmelding", new HashMap<>(Map.of(
                "syklusId", "syklus-1", "eier", "964338531", "saksbehandlerGruppe", "saksbehandler-vestland",
                "behovsmeldingFrist", DEADLINE, "paminnelseDato", REMINDER, "ordning", "DEKOM", "aar", 2027)));
        assertThat(instance).isWaitingAt("Task_SubmitNeedReport");
        return instance;
    }

    static Map<String, Object> needReport() {
        return no.kompetansemidler.testkit.Applications.needReport("917641404");
    }

    @Test
    void the_owner_applies_its_measures_are_saved_and_the_uh_partner_confirms() {
        ProcessInstance instance = start();
        assertThat(task()).hasCandidateGroup("eier-964338531").hasDueDate(DEADLINE);
        org.assertj.core.api.Assertions.assertThat(task().getFollowUpDate()).isEqualTo(REMINDER);
        org.assertj.core.api.Assertions.assertThat(taskService().getIdentityLinksForTask(task().getId()))
                .extracting(l -> l.getGroupId()).containsExactly("eier-964338531");

        complete(task(), needReport());

        assertThat(instance).isWaitingAt("Task_ConfirmPartnership");
        assertThat(task()).hasCandidateGroup("uh-917641404").hasDueDate(CONFIRMATION).hasName(
                "Bekreft partnerskap – Bergen kommune (DEKOM 2027)");
        org.assertj.core.api.Assertions.assertThat(taskService().getVariable(task().getId(), "uhTiltak"))
                .isEqualTo("Tiltak 1: Lesing i alle fag");
        complete(task(), withVariables("uhSvar", "BEKREFT"));

        assertThat(instance).isEnded().hasPassedInOrder("Task_PrepareNeedReport", "Task_SubmitNeedReport",
                "Task_SaveNeedReport", "Task_ConfirmPartnership", "Task_RecordPartnerAnswer",
                "EndEvent_NeedReportReceived");
        org.assertj.core.api.Assertions.assertThat(ran).containsExactly("caseAccess", "prepare", "save",
                "answer Task_RecordPartnerAnswer 917641404");
    }

    @Test
    void every_uh_partner_of_the_measures_confirms_its_own_part() {
        partners = List.of("917641404", "874789542");
        ProcessInstance instance = start();
        complete(task(), needReport());

        var asked = taskService().createTaskQuery().processInstanceId(instance.getId()).list();
        org.assertj.core.api.Assertions.assertThat(asked).hasSize(2).allSatisfy(t -> org.assertj.core.api.Assertions
                .assertThat(t.getTaskDefinitionKey()).isEqualTo("Task_ConfirmPartnership"));
        org.assertj.core.api.Assertions.assertThat(asked).flatExtracting(t -> taskService()
                .getIdentityLinksForTask(t.getId())).extracting(l -> l.getGroupId())
                .containsExactlyInAnyOrder("uh-917641404", "uh-874789542");
        complete(asked.get(0), withVariables("uhSvar", "BEKREFT"));
        assertThat(instance).isWaitingAt("Task_ConfirmPartnership");
        complete(asked.get(1), withVariables("uhSvar", "AVSLA", "uhBegrunnelse", "Vi har ikke kapasitet i år."));

        assertThat(instance).isEnded().hasPassed("EndEvent_NeedReportReceived");
    }

    @Test
    void a_uh_partner_that_does_not_answer_by_the_deadline_leaves_the_measures_unconfirmed() {
        ProcessInstance instance = start();
        complete(task(), needReport());

        execute(job("BoundaryEvent_ConfirmationDeadline"));

        assertThat(instance).isEnded().hasPassed("Task_RecordUnconfirmed", "EndEvent_NotConfirmed")
                .hasNotPassed("Task_RecordPartnerAnswer", "EndEvent_NeedReportReceived");
        org.assertj.core.api.Assertions.assertThat(ran).contains("answer Task_RecordUnconfirmed null");
    }

    @Test
    void a_report_the_save_step_refuses_leaves_the_task_open_and_nothing_moves() {
        Mocks.register("saveNeedReportDelegate", (JavaDelegate) execution -> {
            throw new ValidationException(List.of(new Violation("uhPartner", "R10", "Velg UH-partneren.")));
        });
        ProcessInstance instance = start();

        assertThatThrownBy(() -> complete(task(), needReport())).isInstanceOf(no.kompetansemidler.forms.Refusal.class);

        assertThat(instance).isWaitingAt("Task_SubmitNeedReport").hasNotPassed("Task_SaveNeedReport");
    }

    @Test
    void a_submission_that_breaks_the_form_is_refused_before_the_save_step() {
        ProcessInstance instance = start();

        assertThatThrownBy(() -> complete(task(), withVariables("behov", "Lesing.", "tiltak",
                no.kompetansemidler.testkit.Applications.rows(List.of(no.kompetansemidler.testkit.Applications.measure("917641404"))))))
                .isInstanceOf(no.kompetansemidler.forms.Refusal.class).hasMessageContaining("medvirkning [PÅKREVD]");

        assertThat(instance).isWaitingAt("Task_SubmitNeedReport");
        org.assertj.core.api.Assertions.assertThat(ran).doesNotContain("save");
    }

    @Test
    void a_reminder_goes_out_before_the_deadline_and_the_task_stays() {
        ProcessInstance instance = start();

        execute(job("BoundaryEvent_ReminderDue"));
        assertThat(instance).isWaitingAt("Task_SubmitNeedReport", "Task_SendNeedReportReminder");
        execute(job("Task_SendNeedReportReminder"));

        assertThat(instance).isWaitingAt("Task_SubmitNeedReport").hasPassed("EndEvent_ReminderSent");
        org.assertj.core.api.Assertions.assertThat(ran).contains("reminder");
    }

    @Test
    void a_failing_reminder_is_retried_three_times() {
        Mocks.register("sendReminderDelegate", (JavaDelegate) execution -> {
            throw new IllegalStateException("SMTP er nede");
        });
        ProcessInstance instance = start();
        execute(job("BoundaryEvent_ReminderDue"));

        var reminder = job("Task_SendNeedReportReminder");
        assertThatThrownBy(() -> execute(reminder)).hasMessageContaining("SMTP er nede");

        org.assertj.core.api.Assertions.assertThat(job("Task_SendNeedReportReminder").getRetries()).isEqualTo(2);
        assertThat(instance).isWaitingAt("Task_SubmitNeedReport", "Task_SendNeedReportReminder");
    }

    @Test
    void a_missed_deadline_goes_to_the_caseworker_who_extends_it_and_the_owner_then_reports() {
        ProcessInstance instance = start();

        execute(job("BoundaryEvent_DeadlinePassed"));
        assertThat(instance).isWaitingAt("Task_HandleMissedDeadline");
        assertThat(task()).hasCandidateGroup("saksbehandler-vestland");
        complete(task(), withVariables("fristValg", "FORLENG", "nyFrist", "2099-01-01"));

        assertThat(instance).isWaitingAt("Task_SubmitNeedReport").hasPassedInOrder("Task_HandleMissedDeadline",
                "Task_RecordDeadlineChoice", "Gateway_DeadlineExtended", "Gateway_DeadlineSet");
        complete(task(), needReport());
        complete(task(), withVariables("uhSvar", "BEKREFT"));
        assertThat(instance).isEnded().hasPassed("EndEvent_NeedReportReceived").hasNotPassed("EndEvent_NotTakingPart");
    }

    @Test
    void a_missed_deadline_can_record_the_owner_as_not_taking_part() {
        ProcessInstance instance = start();
        execute(job("BoundaryEvent_DeadlinePassed"));

        complete(task(), withVariables("fristValg", "DELTAR_IKKE",
                "begrunnelseIkkeDeltakelse", "Kommunen har meldt at den ikke har kapasitet."));

        assertThat(instance).isEnded().hasPassed("Task_RecordDeadlineChoice", "EndEvent_NotTakingPart")
                .hasNotPassed("Task_SaveNeedReport");
    }

    @Test
    void a_choice_outside_the_form_is_refused_and_the_task_stays() {
        ProcessInstance instance = start();
        execute(job("BoundaryEvent_DeadlinePassed"));

        assertThatThrownBy(() -> complete(task(), withVariables("fristValg", "KANSKJE")))
                .hasMessageContaining("fristValg [VALG]");

        assertThat(instance).isWaitingAt("Task_HandleMissedDeadline");
    }

}
