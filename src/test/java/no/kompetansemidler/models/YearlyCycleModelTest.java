package no.kompetansemidler.models;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Every path of the model arssyklus with its called models, on an engine of its own: one owner takes part, the
 * forum agrees or not, breaches loop back to correction, each decision is paid, the owner evaluates, the report
 * goes to Udir. The delegates are stand-ins; what they do is tested in the delegate tests.
 */
@ModelTest
@Deployment(resources = {"bpmn/arssyklus.bpmn", "bpmn/behovsmelding.bpmn", "bpmn/utbetaling.bpmn",
        "bpmn/egenvurdering.bpmn", "bpmn/vedtaksbrev.bpmn", "forms/godkjenn-vedtak.form", "forms/brev-feilet.form", "forms/arssyklus-start.form", "forms/behovsmelding.form",
        "forms/frist-passert.form", "forms/bekreft-partnerskap.form", "forms/forbered-forum.form", "forms/innstilling.form", "forms/reservevedtak.form",
        "forms/rett-regelbrudd.form", "forms/egenvurdering.form", "forms/vurder-egenvurdering.form",
        "forms/send-rapport.form"})
public class YearlyCycleModelTest {

    static final String VFK = "821311632";
    static final Date SOON = new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000);

    /** The collections the multi-instance activities run over: one owner, one decision. */
    public static class Collections {
        public List<String> owners(String cycleId) {
            return List.of(VFK);
        }

        public List<String> decisions(String cycleId) {
            return List.of("vedtak-1");
        }

        public List<String> ownerDecisions(String cycleId) {
            return List.of("vedtak-1");
        }

        public List<String> letterRecipients(String cycleId) {
            return List.of(VFK);
        }
    }

    final List<String> ran = new ArrayList<>();

    @BeforeEach
    void standIns() {
        Mocks.register("cycleCollections", new Collections());
        Mocks.register("caseAccess", (ExecutionListener) execution -> { });
        Mocks.register("paymentFacts", (ExecutionListener) execution -> { });
        Mocks.register("forumMeetingListener", (ExecutionListener) execution -> ran.add("forumMeeting"));
        Mocks.register("jointMeetingListener", new NoJointMeeting());
        Mocks.register("startCycleDelegate", (JavaDelegate) execution -> {
            execution.setProcessBusinessKey("vestland-YRKESFAG-2027");
            Map.of("syklusId", "syklus-1", "saksbehandlerGruppe", "saksbehandler-vestland",
                    "behovsmeldingFrist", SOON, "paminnelseDato", SOON, "innstillingFrist", SOON, "vedtakFrist", SOON,
                    "egenvurderingApner", SOON, "egenvurderingPaminnelse", SOON, "rapportFrist", SOON)
                    .forEach(execution::setVariable);
            execution.setVariable("lederGruppe", "leder-vestland");
        });
        Mocks.register("prepareNeedReportDelegate", (JavaDelegate) execution ->
                execution.setVariable("eierGruppe", "eier-" + execution.getVariable("eier")));
        Mocks.register("prepareSelfEvaluationDelegate", (JavaDelegate) execution -> {
            execution.setVariable("eier", VFK);
            execution.setVariable("eierGruppe", "eier-" + VFK);
        });
        Mocks.register("saveNeedReportDelegate", (JavaDelegate) execution -> {
            ran.add("saveNeedReport");
            execution.setVariable("uhPartnere", new ArrayList<>(List.of("917641404")));
            execution.setVariable("bekreftelsesFrist", SOON);
        });
        Mocks.register("partnerTaskListener", (org.camunda.bpm.engine.delegate.TaskListener) task ->
                task.setVariableLocal("uhTiltak", "Tiltak 1: Hospitering"));
        Mocks.register("signOffTaskListener", (org.camunda.bpm.engine.delegate.TaskListener) task ->
                task.setVariableLocal("sumTekst", "1 vedtak"));
        Mocks.register("recordSignOffDelegate", (JavaDelegate) execution -> {
            ran.add("recordSignOff");
            execution.setVariable("vedtakGodkjent", "GODKJENT".equals(execution.getVariable("godkjenning")));
        });
        Mocks.register("writeLetterDelegate", (JavaDelegate) execution -> {
            ran.add("writeLetter");
            execution.setVariable("brevStatusIntervall", "PT5M");
        });
        Mocks.register("recordSettlementDelegate", (JavaDelegate) execution -> {
            ran.add("recordSettlement");
            execution.setVariable("kravbrev", false);
        });
        Mocks.register("checkLetterStatusDelegate", (JavaDelegate) execution -> {
            ran.add("checkLetterStatus");
            execution.setVariable("brevStatus", "LEVERT");
        });
        for (String delegate : List.of("sendLetterDelegate", "paymentBatchDelegate", "recordPartnerAnswerDelegate", "sendReminderDelegate", "deadlineChoiceDelegate",
                "summariseNeedReportsDelegate", "recordProposalDelegate", "distributeFrameDelegate",
                "checkFundingRulesDelegate", "makeDecisionsDelegate", "payDelegate", "saveSelfEvaluationDelegate",
                "settleUnusedMoneyDelegate", "writeReportDelegate")) {
            Mocks.register(delegate, recorder(delegate.replace("Delegate", "")));
        }
    }

    JavaDelegate recorder(String name) {
        return execution -> ran.add(name);
    }

    ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("arssyklus", Map.of("embete", "vestland",
                "ordning", "YRKESFAG", "aar", 2027, "ramme", "2 000 000"));
        assertThat(instance).isStarted().hasBusinessKey("vestland-YRKESFAG-2027");
        return instance;
    }

    /** Starts; the owner reports; the forum is prepared: waiting for the innstilling. */
    ProcessInstance toRecommendation() {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Activity_NeedMapping");
        ProcessInstance needReport = calledProcessInstance("behovsmelding", instance);
        assertThat(needReport).isWaitingAt("Task_SubmitNeedReport").hasBusinessKey("vestland-YRKESFAG-2027");
        assertThat(task(needReport)).hasCandidateGroup("eier-" + VFK);
        complete(task(needReport), no.kompetansemidler.testkit.Applications.needReport("917641404"));
        assertThat(needReport).isWaitingAt("Task_ConfirmPartnership");
        assertThat(task(needReport)).hasCandidateGroup("uh-917641404");
        complete(task(needReport), withVariables("uhSvar", "BEKREFT"));
        countNeedReports(instance);

        assertThat(instance).isWaitingAt("Task_PrepareForum").hasPassed("Task_SummariseNeedReports");
        assertThat(task()).hasCandidateGroup("saksbehandler-vestland").hasDueDate(SOON);
        complete(task(), withVariables("sakspapirer", "Notat."));
        assertThat(instance).isWaitingAt("Task_RecordRecommendation");
        return instance;
    }

    /** The leader approves the decisions: they are made, paid and written. */
    static void approve(ProcessInstance instance) {
        assertThat(instance).isWaitingAt("Task_SignOff");
        assertThat(task(instance)).hasCandidateGroup("leder-vestland");
        complete(task(instance), withVariables("godkjenning", "GODKJENT"));
    }

    static Map<String, Object> distribution(boolean agreed) {
        Map<String, Object> form = new HashMap<>(Map.of("prioriteringer", "Yrkesfag",
                "begrunnelse", "Forumets prioritering."));
        form.put("forumEnig", agreed);
        return form;
    }

    @Test
    void the_forum_agrees_and_the_cycle_runs_to_the_report() {
        ProcessInstance instance = toRecommendation();
        complete(task(), distribution(true));

        assertThat(instance).isWaitingAt("Task_SignOff").hasPassedInOrder("Task_RecordProposal",
                "Task_DistributeFrame", "Task_CheckFundingRules").hasNotPassed("Task_MakeDecisions");
        approve(instance);
        assertThat(instance).isWaitingAt("Activity_Disbursement", "Activity_Letters").hasPassedInOrder(
                "Task_RecordSignOff", "Task_MakeDecisions").hasNotPassed("Task_FallbackDecision", "Task_CorrectBreaches");
        ProcessInstance payment = calledProcessInstance("utbetaling", instance);
        assertThat(payment).hasBusinessKey("vestland-YRKESFAG-2027");
        execute(job("Task_Pay", payment));
        assertThat(instance).isWaitingAt("Activity_Letters").hasPassed("Task_PaymentBatch");
        ProcessInstance letter = calledProcessInstance("vedtaksbrev", instance);
        assertThat(letter).hasBusinessKey("vestland-YRKESFAG-2027").isWaitingAt("Task_WriteLetter");
        execute(job("Task_WriteLetter", letter));
        assertThat(letter).isWaitingAt("Task_SendLetter");
        execute(job("Task_SendLetter", letter));
        assertThat(letter).isWaitingAt("Event_WaitForStatus");
        execute(job("Event_WaitForStatus", letter));
        assertThat(letter).isEnded().hasPassed("EndEvent_Delivered");
        assertThat(instance).isWaitingAt("Event_SelfEvaluationOpens");

        execute(job("Event_SelfEvaluationOpens", instance));
        ProcessInstance selfEvaluation = calledProcessInstance("egenvurdering", instance);
        complete(task(selfEvaluation), withVariables("brukt", "2 000 000", "egenfinansiering", "0",
                "gjennomforteTiltak", "Hospitering i bedrift.", "deltakere", 35, "vurdering", "Nyttig."));
        complete(task(selfEvaluation), withVariables("godkjent", true, "overforingVedtatt", false));
        // the review ends the owner's self-evaluation only: the cycle counts it in a job of its own, so that a
        // review and another owner's claim letter ending at once do not collide on the cycle's counter
        assertThat(selfEvaluation).isEnded();
        assertThat(instance).hasNotPassed("Task_WriteReport");
        execute(job("Activity_SelfEvaluation", instance));

        assertThat(instance).isWaitingAt("Task_SendReport").hasPassed("Task_WriteReport");
        complete(task(), withVariables("merknad", "Sendt Udir."));
        assertThat(instance).isEnded().hasPassed("EndEvent_ReportSent");
        org.assertj.core.api.Assertions.assertThat(ran).containsSubsequence("saveNeedReport", "summariseNeedReports",
                "forumMeeting", "recordProposal", "distributeFrame", "checkFundingRules", "recordSignOff",
                "makeDecisions", "pay", "paymentBatch",
                "saveSelfEvaluation", "settleUnusedMoney", "recordSettlement", "writeReport");
    }

    @Test
    void when_the_forum_does_not_agree_the_statsforvalter_decides_r7() {
        ProcessInstance instance = toRecommendation();
        complete(task(), distribution(false));

        assertThat(instance).isWaitingAt("Task_FallbackDecision").hasPassed("Gateway_ForumAgreed")
                .hasNotPassed("Task_RecordProposal");
        Map<String, Object> fallback = distribution(false);
        fallback.remove("forumEnig");
        complete(task(), fallback);
        approve(instance);

        assertThat(instance).isWaitingAt("Activity_Disbursement").hasPassed("Task_FallbackDecision",
                "Task_RecordProposal", "Task_MakeDecisions");
    }

    @Test
    void a_distribution_that_cannot_be_made_goes_to_correction_and_back() {
        int[] calls = {0};
        Mocks.register("distributeFrameDelegate", (JavaDelegate) execution -> {
            if (calls[0]++ == 0) {
                throw new BpmnError("REGELBRUDD", "1 regelbrudd (R6)");
            }
        });
        ProcessInstance instance = toRecommendation();
        complete(task(), distribution(true));

        assertThat(instance).isWaitingAt("Task_CorrectBreaches").hasPassed("BoundaryEvent_DistributionBreach")
                .hasNotPassed("Task_CheckFundingRules");
        Map<String, Object> correction = distribution(true);
        correction.keySet().removeAll(List.of("forumEnig", "prioriteringer"));
        complete(task(), correction);
        approve(instance);

        assertThat(instance).isWaitingAt("Activity_Disbursement").hasPassed("Task_CheckFundingRules");
    }

    @Test
    void a_rule_breach_loops_back_to_correction_until_the_rules_are_kept() {
        int[] calls = {0};
        Mocks.register("checkFundingRulesDelegate", (JavaDelegate) execution -> {
            if (calls[0]++ < 2) {
                execution.setVariable("regelbruddRegler", "R4");
                throw new BpmnError("REGELBRUDD", "1 regelbrudd (R4)");
            }
        });
        ProcessInstance instance = toRecommendation();
        complete(task(), distribution(true));
        assertThat(instance).isWaitingAt("Task_CorrectBreaches").hasPassed("BoundaryEvent_RuleBreach");
        assertThat(instance).variables().containsEntry("regelbruddRegler", "R4");

        Map<String, Object> correction = distribution(true);
        correction.keySet().removeAll(List.of("forumEnig", "prioriteringer"));
        complete(task(), correction);
        assertThat(instance).isWaitingAt("Task_CorrectBreaches");
        complete(task(), correction);
        approve(instance);

        assertThat(instance).isWaitingAt("Activity_Disbursement");
        org.assertj.core.api.Assertions.assertThat(calls[0]).isEqualTo(3);
    }

    @Test
    void the_leader_sends_the_distribution_back_and_no_decision_is_made_until_it_is_approved() {
        ProcessInstance instance = toRecommendation();
        complete(task(), distribution(true));
        assertThat(instance).isWaitingAt("Task_SignOff");
        complete(task(instance), withVariables("godkjenning", "TILBAKE", "lederMerknad", "Halver Askøys rad."));

        assertThat(instance).isWaitingAt("Task_RecordRecommendation").hasNotPassed("Task_MakeDecisions");
        assertThat(task(instance)).hasCandidateGroup("saksbehandler-vestland");
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("utbetaling").count()).isZero();
        complete(task(), distribution(true));
        approve(instance);
        assertThat(instance).isWaitingAt("Activity_Disbursement", "Activity_Letters");
        org.assertj.core.api.Assertions.assertThat(ran).containsSubsequence("recordSignOff", "recordProposal",
                "recordSignOff", "makeDecisions");
    }

    @Test
    void a_start_the_start_step_refuses_leaves_no_cycle() {
        Mocks.register("startCycleDelegate", (JavaDelegate) execution -> {
            throw new ValidationException(List.of(new Violation("aar", "DUPLIKAT", "Det finnes allerede en syklus.")));
        });
        assertThatThrownBy(this::start).isInstanceOf(no.kompetansemidler.forms.Refusal.class);
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("arssyklus").count()).isZero();
    }

    @Test
    void every_owner_gets_a_need_report_and_a_missed_deadline_can_end_it_without_the_owner() {
        Mocks.register("cycleCollections", new Collections() {
            @Override
            public List<String> owners(String cycleId) {
                return List.of(VFK, "964338531");
            }
        });
        ProcessInstance instance = start();
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("behovsmelding").superProcessInstanceId(instance.getId()).count()).isEqualTo(2);
        for (var sub : runtimeService().createProcessInstanceQuery().processDefinitionKey("behovsmelding").list()) {
            execute(job("BoundaryEvent_DeadlinePassed", sub));
            complete(task(sub), withVariables("fristValg", "DELTAR_IKKE", "begrunnelseIkkeDeltakelse", "Ingen svar."));
        }
        // each ended need report is counted into the cycle by a job of its own
        assertThat(instance).isWaitingAt("Activity_NeedMapping").hasNotPassed("Task_SummariseNeedReports");
        countNeedReports(instance);
        assertThat(instance).isWaitingAt("Task_PrepareForum");
    }

    /**
     * Two owners' need mappings end at once: the caseworker records that one does not take part while the other's
     * choice is still being recorded (its step, having read the cycle's count, waits in another thread). Each is
     * counted into the cycle by a job of its own, so neither collides with the other on the cycle's counter; without
     * the jobs the second fails with the engine's optimistic lock, the owner would get 409 and have to send again.
     */
    @Test
    void two_need_reports_ending_at_once_do_not_collide_on_the_cycle() throws Exception {
        Mocks.register("cycleCollections", new Collections() {
            @Override
            public List<String> owners(String cycleId) {
                return List.of(VFK, "964338531");
            }
        });
        var engine = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine();
        ProcessInstance instance = start();
        List<String> missed = new java.util.ArrayList<>();
        for (var sub : runtimeService().createProcessInstanceQuery().processDefinitionKey("behovsmelding").list()) {
            execute(job("BoundaryEvent_DeadlinePassed", sub));
            missed.add(task(sub).getId());
        }
        java.util.concurrent.CountDownLatch recording = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch otherStored = new java.util.concurrent.CountDownLatch(1);
        Map<String, Object> notTakingPart = withVariables("fristValg", "DELTAR_IKKE",
                "begrunnelseIkkeDeltakelse", "Ingen svar.");
        var first = java.util.concurrent.Executors.newSingleThreadExecutor().submit(() -> {
            standIns(); // the stand-ins are the thread's own
            Mocks.register("deadlineChoiceDelegate", (JavaDelegate) execution -> {
                // this transaction has read the cycle's count of ended need mappings when the other one ends
                execution.getProcessInstance().getSuperExecution().getVariable("nrOfCompletedInstances");
                recording.countDown();
                if (!otherStored.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other choice was not stored");
                }
            });
            engine.getTaskService().complete(missed.get(0), notTakingPart);
            return null;
        });
        org.assertj.core.api.Assertions.assertThat(recording.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        complete(engine.getTaskService().createTaskQuery().taskId(missed.get(1)).singleResult(), notTakingPart);
        otherStored.countDown();
        first.get(30, java.util.concurrent.TimeUnit.SECONDS);

        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("behovsmelding").count()).isZero();
        assertThat(instance).hasNotPassed("Task_SummariseNeedReports");
        countNeedReports(instance);
        assertThat(instance).isWaitingAt("Task_PrepareForum").hasPassed("Task_SummariseNeedReports");
    }

    private static void countNeedReports(ProcessInstance instance) {
        for (var counted : org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService()
                .createJobQuery().processInstanceId(instance.getId()).activityId("Activity_NeedMapping").list()) {
            execute(counted);
        }
    }

    /** The forum prepared for this cycle alone: no options to list, no meeting to record. */
    /**
     * Two owners' self-evaluations end at once: the caseworker's review of one while the other's is still being
     * settled (here: its settlement, having read the cycle's count, waits in another thread until the review is
     * stored). Each is counted into the cycle by a job of its own, so neither collides with the other on the cycle's
     * counter; without the jobs the settlement fails with the engine's optimistic lock.
     */
    @Test
    void two_self_evaluations_ending_at_once_do_not_collide_on_the_cycle() throws Exception {
        Mocks.register("cycleCollections", new Collections() {
            @Override
            public List<String> ownerDecisions(String cycleId) {
                return List.of("vedtak-1", "vedtak-2");
            }
        });
        var engine = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine();
        ProcessInstance instance = runtimeService().createProcessInstanceByKey("arssyklus")
                .businessKey("vestland-YRKESFAG-2027").setVariables(Map.of("syklusId", "syklus-1", "ordning", "YRKESFAG",
                        "aar", 2027, "saksbehandlerGruppe", "saksbehandler-vestland", "rapportFrist", SOON,
                        "egenvurderingPaminnelse", SOON))
                .startBeforeActivity("Activity_SelfEvaluation#multiInstanceBody").execute();
        Map<String, String> reviewOf = new HashMap<>();
        for (ProcessInstance evaluation : runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("egenvurdering").list()) {
            complete(task(evaluation), withVariables("brukt", "2 000 000", "egenfinansiering", "0",
                    "gjennomforteTiltak", "Hospitering i bedrift.", "deltakere", 35, "vurdering", "Nyttig."));
            reviewOf.put((String) runtimeService().getVariable(evaluation.getId(), "vedtakId"), task(evaluation).getId());
        }

        java.util.concurrent.CountDownLatch settling = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch reviewStored = new java.util.concurrent.CountDownLatch(1);
        Map<String, Object> approved = withVariables("godkjent", true, "overforingVedtatt", false);
        var first = java.util.concurrent.Executors.newSingleThreadExecutor().submit(() -> {
            standIns(); // the stand-ins are the thread's own
            Mocks.register("recordSettlementDelegate", (JavaDelegate) execution -> {
                // this transaction has read the cycle's count of ended self-evaluations when the other review ends
                execution.getProcessInstance().getSuperExecution().getVariable("nrOfCompletedInstances");
                settling.countDown();
                if (!reviewStored.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other review was not stored");
                }
                execution.setVariable("kravbrev", false);
            });
            engine.getTaskService().complete(reviewOf.get("vedtak-1"), approved);
            return null;
        });
        org.assertj.core.api.Assertions.assertThat(settling.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        complete(engine.getTaskService().createTaskQuery().taskId(reviewOf.get("vedtak-2")).singleResult(), approved);
        reviewStored.countDown();
        first.get(30, java.util.concurrent.TimeUnit.SECONDS);

        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("egenvurdering").count()).isZero();
        assertThat(instance).hasNotPassed("Task_WriteReport");
        for (var counted : engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("Activity_SelfEvaluation").list()) {
            execute(counted);
        }
        assertThat(instance).isWaitingAt("Task_SendReport").hasPassed("Task_WriteReport");
    }

    static final class NoJointMeeting implements org.camunda.bpm.engine.delegate.TaskListener, ExecutionListener {
        @Override
        public void notify(org.camunda.bpm.engine.delegate.DelegateTask task) {
        }

        @Override
        public void notify(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        }
    }
}
