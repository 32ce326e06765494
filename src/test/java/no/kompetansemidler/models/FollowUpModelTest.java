package no.kompetansemidler.models;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.testkit.ModelTest;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** Every path of the models oppfolging-utvalg and oppfolging, on an engine of their own; the delegates are stand-ins. */
@ModelTest
@Deployment(resources = {"bpmn/oppfolging-utvalg.bpmn", "bpmn/oppfolging.bpmn", "forms/oppfolging-utvalg.form",
        "forms/tildel-veileder.form", "forms/oppfolging-analyse.form", "forms/ny-analysefrist.form",
        "forms/vurder-oppfolging.form", "forms/oppfolging-arsrapport.form"})
class FollowUpModelTest {

    static final Date LATER = new Date(System.currentTimeMillis() + 60L * 24 * 3600 * 1000);
    static final Date SOONER = new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000);

    final List<String> ran = new ArrayList<>();
    /** The follow-ups the selection made. */
    List<String> selected = List.of("f-1", "f-2");

    /** The stand-in for the scheme's collections: the ids of the selection. */
    public class Collections {
        public List<String> ofSelection(Object year) {
            return selected;
        }

        public String businessKey(String id) {
            return "oppfolging-" + id;
        }
    }

    @BeforeEach
    void standIns() {
        Mocks.register("followUps", new Collections());
        Mocks.register("importSelectionDelegate", (JavaDelegate) execution -> {
            ran.add("import");
            execution.setVariable("utvalgsaar", 2027);
        });
        Mocks.register("prepareFollowUpDelegate", (JavaDelegate) execution -> {
            ran.add("prepare");
            execution.setVariable("kommuneNavn", "Bergen kommune");
            execution.setVariable("eierGruppe", "eier-964338531");
            execution.setVariable("saksbehandlerGruppe", "saksbehandler-vestland");
        });
        Mocks.register("assignVeilederDelegate", (JavaDelegate) execution -> {
            ran.add("veileder");
            execution.setVariable("analyseFristTid", LATER);
            execution.setVariable("analysePaminnelse", SOONER);
        });
        Mocks.register("analysisDeadlineDelegate", recorder("new deadline"));
        Mocks.register("saveAnalysisDelegate", recorder("analysis"));
        Mocks.register("recordFollowUpReviewDelegate", (JavaDelegate) execution -> {
            ran.add("review " + execution.getVariable("vurdering"));
            execution.setVariable("godkjent", "GODKJENT".equals(execution.getVariable("vurdering")));
        });
        Mocks.register("recordFollowUpGrantDelegate", (JavaDelegate) execution -> {
            ran.add("grant");
            reportDates(execution, 1);
        });
        Mocks.register("saveYearlyReportDelegate", recorder("report"));
        Mocks.register("nextYearlyReportDelegate", (JavaDelegate) execution -> {
            int next = (Integer) execution.getVariable("rapportNr") + 1;
            ran.add("next " + next);
            reportDates(execution, next);
        });
        Mocks.register("followUpReminderDelegate", recorder("reminder"));
        Mocks.register("endFollowUpDelegate", recorder("end"));
    }

    static void reportDates(org.camunda.bpm.engine.delegate.DelegateExecution execution, int number) {
        execution.setVariable("rapportNr", number);
        execution.setVariable("rapportApner", SOONER);
        execution.setVariable("rapportFrist", LATER);
        execution.setVariable("rapportPaminnelse", SOONER);
        execution.setVariable("sisteRapport", number >= 3);
    }

    static org.camunda.bpm.engine.runtime.Job timer(String activityId) {
        return managementService().createJobQuery().activityId(activityId).singleResult();
    }

    JavaDelegate recorder(String name) {
        return execution -> ran.add(name);
    }

    static final Map<String, Object> ANALYSIS = Map.of("analyseSituasjon", "Situasjonen.", "analysePrioriteringer",
            "Lesing.", "analyseVeileder", "Fire møter.");
    static final Map<String, Object> REPORT = Map.of("rapportGjennomfort", "Lesekurs.", "rapportResultater",
            "Bedre lesing.", "rapportVidere", "Mer av det samme.");

    ProcessInstance followUp() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("oppfolging", "oppfolging-f-1",
                Map.of("oppfolgingId", "f-1"));
        assertThat(instance).isWaitingAt("Task_AssignVeileder");
        complete(task(instance), withVariables("veilederNavn", "Vera Veileder", "veilederEpost", "vera@hvl.example",
                "analyseFrist", "2027-06-01"));
        assertThat(instance).isWaitingAt("Task_Analysis");
        return instance;
    }

    @Test
    void udirs_selection_starts_one_case_per_kommune() {
        ProcessInstance selection = runtimeService().startProcessInstanceByKey("oppfolging-utvalg",
                Map.of("utvalg", "2027;4601;964338531"));
        assertThat(selection).isWaitingAt("Activity_FollowUp");
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .superProcessInstanceId(selection.getId()).list()).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder("oppfolging-f-1", "oppfolging-f-2");
        org.assertj.core.api.Assertions.assertThat(ran).containsExactly("import", "prepare", "prepare");
    }

    @Test
    void a_refused_selection_leaves_no_case() {
        Mocks.register("importSelectionDelegate", (JavaDelegate) execution -> {
            throw new ValidationException(List.of(new Violation("utvalg", "UTVALG", "Linje 1: feil.")));
        });
        long before = historyService().createHistoricProcessInstanceQuery().count();
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("oppfolging-utvalg",
                Map.of("utvalg", "feil"))).isInstanceOf(no.kompetansemidler.forms.Refusal.class);
        org.assertj.core.api.Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().count())
                .isEqualTo(before);
    }

    @Test
    void the_analysis_returned_then_approved_waits_for_the_grant_then_three_reports_end_it() {
        ProcessInstance instance = followUp();
        complete(task(instance), ANALYSIS);
        assertThat(instance).isWaitingAt("Task_ReviewAnalysis");
        complete(task(instance), withVariables("vurdering", "TILBAKE"));
        assertThat(instance).isWaitingAt("Task_Analysis");
        complete(task(instance), ANALYSIS);
        complete(task(instance), withVariables("vurdering", "GODKJENT"));
        assertThat(instance).isWaitingAt("Event_GrantDecided");

        runtimeService().createMessageCorrelation("oppfolging-vedtak").processInstanceId(instance.getId()).correlate();
        for (int n = 1; n <= 3; n++) {
            assertThat(instance).isWaitingAt("Event_ReportOpens");
            execute(job());
            assertThat(instance).isWaitingAt("Task_YearlyReport");
            complete(task(instance), REPORT);
            if (n == 2) { // the second report goes back once
                complete(task(instance), withVariables("vurdering", "TILBAKE"));
                assertThat(instance).isWaitingAt("Task_YearlyReport");
                complete(task(instance), REPORT);
            }
            complete(task(instance), withVariables("vurdering", "GODKJENT"));
        }
        assertThat(instance).isEnded().hasPassed("Task_EndFollowUp", "EndEvent_FollowedUp");
        org.assertj.core.api.Assertions.assertThat(ran).containsExactly("prepare", "veileder", "analysis",
                "review TILBAKE", "analysis", "review GODKJENT", "grant", "report", "review GODKJENT", "next 2",
                "report", "review TILBAKE", "report", "review GODKJENT", "next 3", "report", "review GODKJENT", "end");
    }

    @Test
    void a_reminder_before_the_deadline_and_a_new_deadline_after_it() {
        ProcessInstance instance = followUp();
        execute(timer("BoundaryEvent_AnalysisReminder"));
        execute(job("Task_AnalysisReminder"));
        assertThat(instance).isWaitingAt("Task_Analysis");
        execute(timer("BoundaryEvent_AnalysisDeadline"));
        assertThat(instance).isWaitingAt("Task_NewAnalysisDeadline").isNotWaitingAt("Task_Analysis");
        complete(task(instance), withVariables("nyFrist", "2027-08-01"));
        assertThat(instance).isWaitingAt("Task_Analysis");
        org.assertj.core.api.Assertions.assertThat(ran).containsExactly("prepare", "veileder", "reminder",
                "new deadline");
    }
}
