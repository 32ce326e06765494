package no.kompetansemidler.models;

import no.kompetansemidler.testkit.ModelTest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/**
 * Every path of the model klage: upheld and approved by a leader (the difference paid and put in a file, or claimed
 * back), sent back by the leader and assessed again, not upheld and decided by Udir (confirmed, or changed), and
 * each ends with the letter. The called payment and letter run as stand-ins that record they were called.
 */
@ModelTest
@Deployment(resources = {"bpmn/klage.bpmn", "forms/klage.form", "forms/vurder-klage.form",
        "forms/godkjenn-klage.form", "forms/avgjor-klage.form"})
class ComplaintModelTest {

    static final String REASONS = "Begrunnelsen for vurderingen, lang nok.";
    /** What the model did, in order: the stand-ins' names. */
    final List<String> steps = new ArrayList<>();
    /** The difference the decision's change makes, in øre, as the recording steps set it. */
    long difference;

    @BeforeEach
    void standIns() {
        repositoryService().createDeployment().addModelInstance("utbetaling.bpmn", Bpmn.createExecutableProcess(
                        "utbetaling").camundaHistoryTimeToLive(1).startEvent().serviceTask()
                .camundaDelegateExpression("${paid}").endEvent().done())
                .addModelInstance("vedtaksbrev.bpmn", Bpmn.createExecutableProcess("vedtaksbrev")
                        .camundaHistoryTimeToLive(1).startEvent().serviceTask()
                        .camundaDelegateExpression("${letter}").endEvent().done()).deploy();
        Mocks.register("paid", step("utbetalt"));
        Mocks.register("letter", (JavaDelegate) execution -> steps.add("brev " + execution.getVariable("brevType")
                + " " + execution.getVariable("klageId")));
        Mocks.register("registerComplaintDelegate", (JavaDelegate) execution -> {
            execution.setVariable("klageId", "klage-1");
            execution.setVariable("syklusId", "syklus-1");
            execution.setVariable("mottaker", "994627007");
            execution.setVariable("mottakerNavn", "Askøy kommune");
            execution.setVariable("embeteNavn", "Statsforvalteren i Vestland");
            execution.setVariable("ordning", "DEKOM");
            execution.setVariable("aar", 2027);
            execution.setVariable("saksbehandlerGruppe", "saksbehandler-vestland");
            execution.setVariable("lederGruppe", "leder-vestland");
        });
        Mocks.register("recordComplaintAssessmentDelegate", step("vurdert"));
        Mocks.register("recordComplaintApprovalDelegate", (JavaDelegate) execution -> {
            boolean approved = "GODKJENT".equals(execution.getVariable("klageGodkjenning"));
            execution.setVariable("klageGodkjent", approved);
            if (approved) {
                decided(execution, "OMGJORT");
            }
            steps.add(approved ? "godkjent" : "sendt tilbake");
        });
        Mocks.register("recordUdirDecisionDelegate", (JavaDelegate) execution -> {
            decided(execution, "OMGJORT".equals(execution.getVariable("udirUtfall")) ? "OMGJORT_AV_UDIR"
                    : "STADFESTET");
            steps.add("udir " + execution.getVariable("klageResultat"));
        });
        Mocks.register("complaintClaimDelegate", step("krav"));
        Mocks.register("complaintPaymentBatchDelegate", step("utbetalingsfil"));
    }

    JavaDelegate step(String name) {
        return execution -> steps.add(name);
    }

    void decided(DelegateExecution execution, String result) {
        execution.setVariable("klageResultat", result);
        execution.setVariable("forskjellOre", result.equals("STADFESTET") ? 0L : difference);
        execution.setVariable("vedtakId", "vedtak-1");
    }

    ProcessInstance lodge() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("klage", Map.of("referanse",
                "vestland-DEKOM-2027/994627007", "klagegrunn", "Vi trenger mer til alle skolene i kommunen."));
        assertThat(instance).isWaitingAt("Task_AssessComplaint");
        assertThat(task()).hasCandidateGroup("saksbehandler-vestland")
                .hasName("Vurder klagen fra Askøy kommune (DEKOM 2027)");
        return instance;
    }

    @Test
    void upheld_sent_back_once_then_approved_the_difference_is_paid_put_in_a_file_and_the_letter_sent() {
        difference = 20_000_000L;
        ProcessInstance instance = lodge();
        complete(task(), Map.of("klageUtfall", "OMGJORES", "nyttBelop", "700 000", "klageVurdering", REASONS));
        assertThat(instance).isWaitingAt("Task_ApproveNewDecision");
        assertThat(task()).hasCandidateGroup("leder-vestland")
                .hasName("Godkjenn nytt vedtak etter klage fra Askøy kommune (DEKOM 2027)");
        complete(task(), Map.of("klageGodkjenning", "TILBAKE", "lederMerknad", "Se på rammen."));
        assertThat(instance).isWaitingAt("Task_AssessComplaint");
        complete(task(), Map.of("klageUtfall", "OMGJORES", "nyttBelop", "700 000", "klageVurdering", REASONS));
        complete(task(), Map.of("klageGodkjenning", "GODKJENT"));

        assertThat(instance).isEnded().hasPassed("Activity_PayDifference", "Task_PaymentBatch", "Activity_Letter")
                .hasNotPassed("Task_OpenClaim", "Task_UdirDecides");
        org.assertj.core.api.Assertions.assertThat(steps).containsExactly("vurdert", "sendt tilbake", "vurdert",
                "godkjent", "utbetalt", "utbetalingsfil", "brev KLAGE klage-1");
    }

    @Test
    void upheld_with_less_the_difference_is_claimed_back_and_nothing_paid() {
        difference = -50_000_000L;
        ProcessInstance instance = lodge();
        complete(task(), Map.of("klageUtfall", "OMGJORES", "nyttBelop", "8 000 000", "klageVurdering", REASONS));
        complete(task(), Map.of("klageGodkjenning", "GODKJENT"));

        assertThat(instance).isEnded().hasPassed("Task_OpenClaim", "Activity_Letter")
                .hasNotPassed("Activity_PayDifference");
        org.assertj.core.api.Assertions.assertThat(steps).containsExactly("vurdert", "godkjent", "krav",
                "brev KLAGE klage-1");
    }

    @Test
    void not_upheld_udir_decides_confirmed_only_the_letter_goes_out() {
        ProcessInstance instance = lodge();
        complete(task(), Map.of("klageUtfall", "OPPRETTHOLDES", "klageVurdering", REASONS));
        assertThat(instance).isWaitingAt("Task_UdirDecides");
        assertThat(task()).hasCandidateGroup("udir")
                .hasName("Avgjør klagen fra Askøy kommune (Statsforvalteren i Vestland, DEKOM 2027)");
        complete(task(), Map.of("udirUtfall", "STADFESTET", "udirBegrunnelse", REASONS));

        assertThat(instance).isEnded().hasPassed("Activity_Letter")
                .hasNotPassed("Task_ApproveNewDecision", "Activity_PayDifference", "Task_OpenClaim");
        org.assertj.core.api.Assertions.assertThat(steps).containsExactly("vurdert", "udir STADFESTET",
                "brev KLAGE klage-1");
    }

    @Test
    void not_upheld_and_changed_by_udir_the_difference_is_paid_without_a_leader() {
        difference = 30_000_000L;
        ProcessInstance instance = lodge();
        complete(task(), Map.of("klageUtfall", "OPPRETTHOLDES", "klageVurdering", REASONS));
        complete(task(), Map.of("udirUtfall", "OMGJORT", "udirNyttBelop", "300 000", "udirBegrunnelse", REASONS));

        assertThat(instance).isEnded().hasPassed("Activity_PayDifference", "Activity_Letter")
                .hasNotPassed("Task_ApproveNewDecision");
        org.assertj.core.api.Assertions.assertThat(steps).containsExactly("vurdert", "udir OMGJORT_AV_UDIR",
                "utbetalt", "utbetalingsfil", "brev KLAGE klage-1");
        org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
    }
}
