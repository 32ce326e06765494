package no.kompetansemidler.models;

import no.kompetansemidler.testkit.ModelTest;
import org.camunda.bpm.engine.delegate.BpmnError;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** Every path of the model egenvurdering (R11, R15), on an engine of its own; the delegates are stand-ins. */
@ModelTest
@Deployment(resources = {"bpmn/egenvurdering.bpmn", "bpmn/vedtaksbrev.bpmn", "forms/egenvurdering.form",
        "forms/vurder-egenvurdering.form", "forms/brev-feilet.form"})
class SelfEvaluationModelTest {

    static final Date DEADLINE = new Date(System.currentTimeMillis() + 60L * 24 * 3600 * 1000);

    final List<String> ran = new ArrayList<>();

    @BeforeEach
    void standIns() {
        Mocks.register("caseAccess", (ExecutionListener) execution -> { });
        Mocks.register("prepareSelfEvaluationDelegate", (JavaDelegate) execution -> {
            execution.setVariable("eierGruppe", "eier-964338531");
            execution.setVariable("overforingVedtatt", false);
        });
        Mocks.register("saveSelfEvaluationDelegate", (JavaDelegate) execution -> ran.add("save"));
        Mocks.register("settleUnusedMoneyDelegate", (JavaDelegate) execution -> ran.add("settle"));
        Mocks.register("recordSettlementDelegate", (JavaDelegate) execution -> {
            ran.add("record");
            execution.setVariable("kravbrev", false);
        });
        Mocks.register("sendReminderDelegate", (JavaDelegate) execution -> ran.add("reminder"));
    }

    ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("egenvurdering", new HashMap<>(Map.of(
                "syklusId", "syklus-1", "vedtakId", "vedtak-1", "saksbehandlerGruppe", "saksbehandler-vestland",
                "rapportFrist", DEADLINE, "egenvurderingPaminnelse", new Date(DEADLINE.getTime() - 86_400_000L))));
        assertThat(instance).isWaitingAt("Task_SubmitSelfEvaluation");
        return instance;
    }

    static Map<String, Object> report(String used) {
        return withVariables("brukt", used, "egenfinansiering", "300 000", "gjennomforteTiltak",
                "Lesenettverk på 12 skoler.", "deltakere", 240, "vurdering", "Godt gjennomført.");
    }

    @Test
    void the_owner_reports_the_caseworker_approves_and_unused_money_is_settled() {
        ProcessInstance instance = start();
        assertThat(task()).hasCandidateGroup("eier-964338531").hasDueDate(DEADLINE);
        complete(task(), report("750 000"));

        assertThat(instance).isWaitingAt("Task_ReviewSelfEvaluation");
        assertThat(task()).hasCandidateGroup("saksbehandler-vestland").hasDueDate(DEADLINE);
        complete(task(), withVariables("godkjent", true, "overforingVedtatt", true));

        assertThat(instance).isEnded().hasPassedInOrder("Task_SaveSelfEvaluation", "Task_ReviewSelfEvaluation",
                "Task_SettleUnusedMoney", "Task_RecordSettlement", "EndEvent_SelfEvaluationApproved");
        org.assertj.core.api.Assertions.assertThat(ran).containsExactly("save", "settle", "record");
    }

    @Test
    void unused_money_claimed_back_is_a_letter_to_the_owner_before_the_case_ends() {
        Mocks.register("recordSettlementDelegate", (JavaDelegate) execution -> {
            ran.add("record");
            execution.setVariable("kravbrev", true);
        });
        Mocks.register("writeLetterDelegate", (JavaDelegate) execution -> {
            ran.add("write " + execution.getVariable("brevType") + " to " + execution.getVariable("brevMottaker"));
            execution.setVariable("brevStatusIntervall", "PT5M");
        });
        Mocks.register("sendLetterDelegate", (JavaDelegate) execution -> ran.add("send"));
        Mocks.register("checkLetterStatusDelegate", (JavaDelegate) execution -> execution.setVariable("brevStatus",
                "LEVERT"));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("egenvurdering", new HashMap<>(Map.of(
                "syklusId", "syklus-1", "vedtakId", "vedtak-1", "saksbehandlerGruppe", "saksbehandler-vestland",
                "eier", "964338531", "rapportFrist", DEADLINE,
                "egenvurderingPaminnelse", new Date(DEADLINE.getTime() - 86_400_000L))));
        complete(task(instance), report("750 000"));
        complete(task(instance), withVariables("godkjent", true, "overforingVedtatt", false));

        assertThat(instance).isWaitingAt("Activity_ClaimLetter").hasPassed("Task_RecordSettlement", "Gateway_Claim");
        ProcessInstance letter = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance(
                "vedtaksbrev", instance);
        for (int step = 0; step < 3; step++) {
            execute(job(letter));
        }
        assertThat(instance).isEnded().hasPassed("EndEvent_ClaimSent").hasNotPassed("EndEvent_SelfEvaluationApproved");
        org.assertj.core.api.Assertions.assertThat(ran).containsExactly("save", "settle", "record",
                "write KRAV to 964338531", "send");
    }

    @Test
    void a_self_evaluation_not_approved_goes_back_to_the_owner() {
        ProcessInstance instance = start();
        complete(task(), report("900 000"));
        complete(task(), withVariables("godkjent", false, "overforingVedtatt", false));

        assertThat(instance).isWaitingAt("Task_SubmitSelfEvaluation").hasPassed("Gateway_Approved")
                .hasNotPassed("Task_SettleUnusedMoney");
        complete(task(), report("1 000 000"));
        complete(task(), withVariables("godkjent", true, "overforingVedtatt", false));
        assertThat(instance).isEnded();
    }

    @Test
    void a_settlement_breach_goes_back_to_the_owner_with_the_breach() {
        Mocks.register("settleUnusedMoneyDelegate", (JavaDelegate) execution -> {
            execution.setVariable("regelbruddTekst", "R15 Ubrukte midler: mer brukt enn tildelt.");
            throw new BpmnError("REGELBRUDD", "1 regelbrudd (R15)");
        });
        ProcessInstance instance = start();
        complete(task(), report("1 000 000,01"));
        complete(task(), withVariables("godkjent", true, "overforingVedtatt", false));

        assertThat(instance).isWaitingAt("Task_SubmitSelfEvaluation").hasPassed("BoundaryEvent_SettlementBreach")
                .hasNotPassed("Task_RecordSettlement");
        assertThat(instance).variables().containsEntry("regelbruddTekst", "R15 Ubrukte midler: mer brukt enn tildelt.");
    }

    @Test
    void a_report_that_breaks_the_form_is_refused_and_the_task_stays() {
        ProcessInstance instance = start();

        assertThatThrownBy(() -> complete(task(), withVariables("brukt", "mye", "egenfinansiering", "-5",
                "gjennomforteTiltak", "<script>alert(1)</script>", "deltakere", -3, "vurdering", "")))
                .hasMessageContaining("brukt [FORMAT]").hasMessageContaining("egenfinansiering [FORMAT]")
                .hasMessageContaining("gjennomforteTiltak [TEGN]").hasMessageContaining("deltakere [VERDI]")
                .hasMessageContaining("vurdering [PÅKREVD]");

        assertThat(instance).isWaitingAt("Task_SubmitSelfEvaluation");
        org.assertj.core.api.Assertions.assertThat(ran).isEmpty();
    }

    @Test
    void a_reminder_goes_out_before_the_report_deadline() {
        ProcessInstance instance = start();
        execute(job("BoundaryEvent_SelfEvaluationReminderDue"));
        execute(job("Task_SendSelfEvaluationReminder"));

        assertThat(instance).isWaitingAt("Task_SubmitSelfEvaluation").hasPassed("EndEvent_SelfEvaluationReminderSent");
        org.assertj.core.api.Assertions.assertThat(ran).containsExactly("reminder");
    }
}
