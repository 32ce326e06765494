package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.system.Acting;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/**
 * Every path of the model arssyklus, on YRKESFAG in Vestland, where Vestland fylkeskommune is the one owner taking
 * part, with Høgskulen på Vestlandet as UH partner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class YearlyCycleProcessTest {

    static final String VFK = "821311632";
    static final String HVL = "917641404";
    static final AtomicInteger YEAR = new AtomicInteger(2060);

    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    CycleRepository cycles;
    @LocalServerPort
    int port;
    int year;

    @BeforeEach
    void setUp() {
        init(engine);
        year = YEAR.incrementAndGet();
    }

    ProcessInstance start() throws Exception {
        ProcessInstance instance = ProcessTestSupport.as(identity, "demo-saksbehandler", () ->
                runtimeService().startProcessInstanceByKey("arssyklus", Map.of("embete", "vestland",
                        "ordning", "YRKESFAG", "aar", year, "ramme", "2 000 000")));
        assertThat(instance).isStarted();
        return instance;
    }

    /** Starts, the fylkeskommune reports, the forum is prepared: waiting for the innstilling. */
    ProcessInstance toRecommendation() throws Exception {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Activity_NeedMapping").hasBusinessKey("vestland-YRKESFAG-" + year);
        ProcessInstance needReport = calledProcessInstance("behovsmelding", instance);
        assertThat(needReport).isWaitingAt("Task_SubmitNeedReport");
        as("demo-eier-vestlandfk", () -> taskService().complete(task(needReport).getId(), Map.of("uhPartner", HVL,
                "medvirkning", "Skoleledere, lærere og arbeidslivet deltok.", "behov", "Praksisnær yrkesdidaktikk.")));
        assertThat(instance).isWaitingAt("Task_PrepareForum");
        org.assertj.core.api.Assertions.assertThat((String) runtimeService().getVariable(instance.getId(),
                "behovsmeldingOversikt")).startsWith("1 behovsmeldinger, 0 eiere deltar ikke.")
                .contains("Vestland fylkeskommune (821311632), UH-partner 917641404");
        as("demo-saksbehandler", () -> taskService().complete(task().getId(), Map.of()));
        assertThat(instance).isWaitingAt("Task_RecordRecommendation");
        return instance;
    }

    static String lines(int year, String amount, String kind) {
        return VFK + "; " + amount + "; 0; 0; 0; Yrkesfaglærerløftet; " + kind + "; " + year + "; " + year;
    }

    Map<String, Object> distribution(boolean agreed, String key, String lines) {
        Map<String, Object> form = new HashMap<>(Map.of("prioriteringer", "Yrkesfag", "fordelingsnokkel", key,
                "linjer", lines, "begrunnelse", "Forumets prioritering."));
        form.put("forumEnig", agreed);
        return form;
    }

    void as(String user, Runnable action) throws Exception {
        ProcessTestSupport.as(identity, user, () -> {
            action.run();
            return null;
        });
    }

    @Test
    void the_forum_agrees_and_the_cycle_runs_to_the_report() throws Exception {
        ProcessInstance instance = toRecommendation();
        assertThat(task()).hasCandidateGroup("saksbehandler-vestland");
        as("demo-saksbehandler", () -> taskService().complete(task().getId(),
                distribution(true, "AMOUNTS", lines(year, "2 000 000", "etterutdanning"))));

        assertThat(instance).isWaitingAt("Activity_Disbursement").hasPassed("Task_CheckFundingRules", "Task_MakeDecisions")
                .hasNotPassed("Task_FallbackDecision", "Task_CorrectBreaches");
        execute(job("Task_Pay", calledProcessInstance("utbetaling", instance)));
        assertThat(instance).isWaitingAt("Event_SelfEvaluationOpens");
        execute(job("Event_SelfEvaluationOpens", instance));
        ProcessInstance selfEvaluation = calledProcessInstance("egenvurdering", instance);
        as("demo-eier-vestlandfk", () -> taskService().complete(task(selfEvaluation).getId(), Map.of("brukt", "2 000 000",
                "egenfinansiering", "0", "gjennomforteTiltak", "Hospitering i bedrift.", "deltakere", 35,
                "vurdering", "Nyttig.")));
        as("demo-saksbehandler", () -> taskService().complete(task(selfEvaluation).getId(),
                Map.of("godkjent", true, "overforingVedtatt", false)));
        assertThat(instance).isWaitingAt("Task_SendReport");
        org.assertj.core.api.Assertions.assertThat((String) runtimeService().getVariable(instance.getId(), "rapportLenke"))
                .startsWith("/api/rapporter/");
        as("demo-saksbehandler", () -> taskService().complete(task().getId(), Map.of()));
        assertThat(instance).isEnded().hasPassed("Task_WriteReport", "EndEvent_ReportSent");
    }

    @Test
    void when_the_forum_does_not_agree_the_statsforvalter_decides_r7() throws Exception {
        ProcessInstance instance = toRecommendation();
        as("demo-saksbehandler", () -> taskService().complete(task().getId(), Map.of("forumEnig", false,
                "prioriteringer", "Uenighet om fordeling", "fordelingsnokkel", "AMOUNTS", "linjer", "x", "begrunnelse", "x")));
        assertThat(instance).isWaitingAt("Task_FallbackDecision").hasPassed("Gateway_ForumAgreed");
        as("demo-saksbehandler", () -> taskService().complete(task().getId(),
                distribution(false, "AMOUNTS", lines(year, "1 500 000", "etterutdanning"))));

        assertThat(instance).isWaitingAt("Activity_Disbursement");
        var decision = cycles.decisions(cycles.findCycle(Embete.VESTLAND, Scheme.YRKESFAG, year).orElseThrow().id())
                .get(0);
        org.assertj.core.api.Assertions.assertThat(decision.basis()).isEqualTo("RESERVEVEDTAK");
        org.assertj.core.api.Assertions.assertThat(decision.reasons()).contains("reservevedtak")
                .contains("ikke ble enig om fordelingen (R7)").contains("1 500 000,00 kr");
        org.assertj.core.api.Assertions.assertThat(decision.decidedBy()).isEqualTo("demo-saksbehandler");
    }

    @Test
    void a_distribution_over_the_frame_goes_to_correction_and_a_corrected_key_passes() throws Exception {
        ProcessInstance instance = toRecommendation();
        as("demo-saksbehandler", () -> taskService().complete(task().getId(),
                distribution(true, "AMOUNTS", lines(year, "2 000 000,01", "etterutdanning"))));

        assertThat(instance).isWaitingAt("Task_CorrectBreaches").hasPassed("BoundaryEvent_DistributionBreach");
        org.assertj.core.api.Assertions.assertThat((String) taskService().getVariable(task().getId(), "regelbruddTekst"))
                .isEqualTo("R6 Innenfor rammen: Summen 2 000 000,01 kr er 0,01 kr over rammen på 2 000 000,00 kr.");
        as("demo-saksbehandler", () -> taskService().complete(task().getId(),
                distribution(true, "EQUAL", lines(year, "", "etterutdanning"))));

        assertThat(instance).isWaitingAt("Activity_Disbursement");
        org.assertj.core.api.Assertions.assertThat(cycles.decisions(cycles.findCycle(Embete.VESTLAND, Scheme.YRKESFAG,
                year).orElseThrow().id()).get(0).amount().ore()).isEqualTo(200_000_000L);
    }

    @Test
    void a_rule_breach_is_shown_by_rule_id_and_loops_back_until_corrected() throws Exception {
        ProcessInstance instance = toRecommendation();
        as("demo-saksbehandler", () -> taskService().complete(task().getId(),
                distribution(true, "AMOUNTS", lines(year, "1 000 000", "videreutdanning"))));
        assertThat(instance).isWaitingAt("Task_CorrectBreaches").hasPassed("BoundaryEvent_RuleBreach");
        assertThat(instance).variables().containsEntry("regelbruddRegler", "R4");

        as("demo-saksbehandler", () -> taskService().complete(task().getId(),
                distribution(true, "AMOUNTS", lines(year, "1 000 000", "videreutdanning"))));
        assertThat(instance).isWaitingAt("Task_CorrectBreaches");
        as("demo-saksbehandler", () -> taskService().complete(task().getId(),
                distribution(true, "AMOUNTS", lines(year, "1 000 000", "etterutdanning"))));
        assertThat(instance).isWaitingAt("Activity_Disbursement");
    }

    @Test
    void bad_distribution_lines_are_refused_by_line_and_field_and_the_task_stays() throws Exception {
        ProcessInstance instance = toRecommendation();
        assertThatThrownBy(() -> as("demo-saksbehandler", () -> taskService().complete(task().getId(),
                distribution(true, "AMOUNTS", VFK + "; tusen; 0; 0; 0; Tiltak; etterutdanning; " + year + "; " + year
                        + "\n974767881; 5; 0; 0; 0; Tiltak; kurs; 20x6; " + year))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Linje 1: beløp: «tusen» er ikke et beløp")
                .hasMessageContaining("Linje 2: Organisasjonsnummeret 974767881 er ugyldig")
                .hasMessageContaining("Linje 2: «kurs» må være etterutdanning eller videreutdanning")
                .hasMessageContaining("Linje 2: fra år: «20x6» er ikke et årstall");
        assertThat(instance).isWaitingAt("Task_RecordRecommendation");
    }

    @Test
    void only_a_caseworker_of_the_embete_starts_a_cycle_once_with_a_valid_frame() throws Exception {
        assertThatThrownBy(() -> ProcessTestSupport.as(identity, "demo-eier-bergen", () ->
                runtimeService().startProcessInstanceByKey("arssyklus", Map.of("embete", "vestland", "ordning", "REKOM",
                        "aar", year, "ramme", "1 000"))))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        assertThatThrownBy(() -> ProcessTestSupport.as(identity, "demo-saksbehandler-rogaland", () ->
                runtimeService().startProcessInstanceByKey("arssyklus", Map.of("embete", "vestland", "ordning", "REKOM",
                        "aar", year, "ramme", "1 000"))))
                .hasMessageContaining("embete [TILGANG]: Bare saksbehandlere hos Statsforvalteren i Vestland");
        assertThatThrownBy(() -> ProcessTestSupport.as(identity, "demo-saksbehandler", () ->
                runtimeService().startProcessInstanceByKey("arssyklus", Map.of("embete", "oslo", "ordning", "SKOLE",
                        "aar", 1999, "ramme", "12,345"))))
                .hasMessageContaining("embete [PÅKREVD]").hasMessageContaining("ordning [PÅKREVD]")
                .hasMessageContaining("aar [ÅR]").hasMessageContaining("ramme [BELØP]");
        start();
        assertThatThrownBy(this::start).hasMessageContaining("aar [DUPLIKAT]: Det finnes allerede en syklus for YRKESFAG");
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("arssyklus").processInstanceBusinessKey("vestland-YRKESFAG-" + year).count())
                .isEqualTo(1);
    }

    @Test
    void an_integration_starts_a_cycle_through_the_rest_api_with_the_frame_in_ore() throws Exception {
        String body = """
                {"businessKey": "ignored-the-cycle-sets-its-own",
                 "variables": {
                   "embete": {"value": "vestland", "type": "String"},
                   "ordning": {"value": "YRKESFAG", "type": "String"},
                   "aar": {"value": %d, "type": "Integer"},
                   "rammeOre": {"value": 123456789, "type": "Long"}}}""".formatted(year);
        HttpResponse<String> started = HttpClient.newHttpClient().send(Acting.basic(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/engine-rest/process-definition/key/arssyklus/start")),
                        "demo-saksbehandler", "demo")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(started.statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(started.body()).contains("\"businessKey\":\"vestland-YRKESFAG-" + year + "\"");
        org.assertj.core.api.Assertions.assertThat(cycles.findCycle(Embete.VESTLAND, Scheme.YRKESFAG, year).orElseThrow()
                .frame().format()).isEqualTo("1 234 567,89 kr");

        HttpResponse<String> refused = HttpClient.newHttpClient().send(Acting.basic(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/engine-rest/process-definition/key/arssyklus/start")),
                        "demo-saksbehandler", "demo")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        body.replace("123456789", "-1"))).build(), HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(refused.statusCode()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(refused.body()).contains("Rammen må være større enn 0 kr");
    }
}
