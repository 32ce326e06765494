package no.kompetansemidler.cycle;

import com.icegreen.greenmail.util.GreenMail;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.funding.ProposalRepository;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/** Every path of the model egenvurdering (R11, R15). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SelfEvaluationProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    CycleRepository cycles;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    IdentityService identity;
    @Autowired
    GreenMail mail;
    String cycleId;
    String decision;
    Date deadline;

    @BeforeEach
    void setUp() {
        init(engine);
        cycleId = ProcessTestSupport.cycle(cycles, Scheme.DEKOM, 100_000_000);
        decision = ProcessTestSupport.decision(cycles, proposals, cycleId, "964338531", "Bergen kommune", "OWNER",
                100_000_000);
        deadline = ProcessTestSupport.inDays(60);
    }

    ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("egenvurdering", new HashMap<>(Map.of(
                "syklusId", cycleId, "vedtakId", decision, "ordning", "DEKOM", "aar", 2027,
                "saksbehandlerGruppe", "saksbehandler-vestland", "rapportFrist", deadline,
                "egenvurderingPaminnelse", ProcessTestSupport.inDays(45))));
        assertThat(instance).isStarted();
        return instance;
    }

    void report(String used) throws Exception {
        ProcessTestSupport.as(identity, "demo-eier-bergen", () -> {
            taskService().complete(task().getId(), Map.of("brukt", used, "egenfinansiering", "300 000",
                    "gjennomforteTiltak", "Lesenettverk på 12 skoler.", "deltakere", 240,
                    "vurdering", "Godt gjennomført."));
            return null;
        });
    }

    void review(boolean approved, boolean carryOver) throws Exception {
        ProcessTestSupport.as(identity, "demo-saksbehandler", () -> {
            taskService().complete(task().getId(), Map.of("godkjent", approved, "overforingVedtatt", carryOver));
            return null;
        });
    }

    @ParameterizedTest(name = "[{index}] used {0}, carry-over {1} -> {2} {3} øre")
    @CsvSource({
            "1 000 000, false, NONE, 0",
            "750 000, false, REPAYMENT_CLAIM, 25000000",
            "'750 000,50', true, CARRY_OVER, 24999950"})
    void the_owner_reports_the_caseworker_approves_and_unused_money_is_settled(String used, boolean carryOver,
                                                                             String settlement, long amount)
            throws Exception {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_SubmitSelfEvaluation");
        assertThat(task()).hasCandidateGroup("eier-964338531").hasDueDate(deadline);
        assertThat(instance).variables().containsEntry("tildeltTekst", "1 000 000,00 kr")
                .containsEntry("overforingVedtatt", false);
        report(used);
        assertThat(instance).isWaitingAt("Task_ReviewSelfEvaluation");
        assertThat(task()).hasCandidateGroup("saksbehandler-vestland");
        review(true, carryOver);

        assertThat(instance).isEnded().hasPassed("Task_SettleUnusedMoney", "Task_RecordSettlement",
                "EndEvent_SelfEvaluationApproved");
        var evaluation = cycles.selfEvaluation(decision).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(evaluation.settlement()).isEqualTo(settlement);
        org.assertj.core.api.Assertions.assertThat(evaluation.settlementAmount().ore()).isEqualTo(amount);
        org.assertj.core.api.Assertions.assertThat(evaluation.participants()).isEqualTo(240);
    }

    @Test
    void a_self_evaluation_not_approved_goes_back_to_the_owner() throws Exception {
        ProcessInstance instance = start();
        report("900 000");
        review(false, false);
        assertThat(instance).isWaitingAt("Task_SubmitSelfEvaluation").hasPassed("Gateway_Approved")
                .hasNotPassed("Task_SettleUnusedMoney");
        report("1 000 000");
        review(true, false);
        assertThat(instance).isEnded();
    }

    @Test
    void more_used_than_granted_is_an_r15_breach_back_to_the_owner_with_the_rule_named() throws Exception {
        ProcessInstance instance = start();
        report("1 000 000,01");
        review(true, false);
        assertThat(instance).isWaitingAt("Task_SubmitSelfEvaluation").hasPassed("BoundaryEvent_SettlementBreach");
        org.assertj.core.api.Assertions.assertThat((String) taskService().getVariable(task().getId(), "regelbruddTekst"))
                .startsWith("R15 Ubrukte midler: 964338531 rapporterer 1 000 000,01 kr brukt");
    }

    @Test
    void a_report_with_bad_values_is_refused_and_the_task_stays() {
        ProcessInstance instance = start();
        assertThatThrownBy(() -> ProcessTestSupport.as(identity, "demo-eier-bergen", () -> {
            taskService().complete(task().getId(), Map.of("brukt", "mye", "egenfinansiering", "-5",
                    "gjennomforteTiltak", "<script>alert(1)</script>", "deltakere", -3, "vurdering", ""));
            return null;
        })).isInstanceOf(ValidationException.class)
                // the form's own contract (FormContract) refuses these before the rules are applied
                .hasMessageContaining("brukt [FORMAT]").hasMessageContaining("egenfinansiering [FORMAT]")
                .hasMessageContaining("gjennomforteTiltak [TEGN]").hasMessageContaining("deltakere [VERDI]")
                .hasMessageContaining("vurdering [PÅKREVD]");
        assertThat(instance).isWaitingAt("Task_SubmitSelfEvaluation");
        org.assertj.core.api.Assertions.assertThat(cycles.selfEvaluation(decision)).isEmpty();
    }

    @Test
    void a_reminder_is_e_mailed_before_the_report_deadline() {
        ProcessInstance instance = start();
        int before = mail.getReceivedMessages().length;
        execute(job("BoundaryEvent_SelfEvaluationReminderDue"));
        execute(job("Task_SendSelfEvaluationReminder"));
        assertThat(instance).isWaitingAt("Task_SubmitSelfEvaluation").hasPassed("EndEvent_SelfEvaluationReminderSent");
        org.assertj.core.api.Assertions.assertThat(mail.getReceivedMessages()).hasSize(before + 1);
        org.assertj.core.api.Assertions.assertThat(cycles.reminders(cycleId)).singleElement()
                .satisfies(r -> org.assertj.core.api.Assertions.assertThat(r.kind()).isEqualTo("EGENVURDERING"));
    }
}
