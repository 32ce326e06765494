package no.kompetansemidler.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static no.kompetansemidler.testkit.Organisations.BERGEN;
import static no.kompetansemidler.testkit.Organisations.VESTLAND_FK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caseworker approves the self-evaluations of Bergen and Vestland fylkeskommune at once: each is its own
 * completed task and settlement, by the caseworker; what is not a waiting review is refused with nothing done.
 */
@ApplicationTest
class SelfEvaluationReviewsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @LocalServerPort
    int port;

    HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(People.basic(request, user, People.PASSWORD).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Both owners have sent their self-evaluations; both wait for the caseworker. */
    CycleScenario bothWaiting(int year) {
        CycleScenario scenario = new CycleScenario(context).inScheme("KOMPETANSELOFTET");
        scenario.upTo(year, "Task_SubmitSelfEvaluation");
        scenario.complete(scenario.taskFor("Task_SubmitSelfEvaluation", BERGEN), People.OWNER_BERGEN, Map.of("brukt",
                "6 500 000", "egenfinansiering", "2 100 000", "gjennomforteTiltak", "Nettverk for lesing.",
                "deltakere", 120, "vurdering", "Godt."));
        return scenario;
    }

    Map<String, JsonNode> waiting(String cycleId) throws Exception {
        HttpResponse<String> answer = send(People.CASEWORKER, "GET", "/api/sykluser/" + cycleId + "/egenvurderinger", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<String, JsonNode> byOwner = new HashMap<>();
        new ObjectMapper().readTree(answer.body()).forEach(w -> byOwner.put(w.get("organisasjonsnummer").asText(), w));
        return byOwner;
    }

    @Test
    void several_are_approved_at_once_each_as_its_own_decision() throws Exception {
        CycleScenario scenario = bothWaiting(Years.forKompetanseloftet());
        String cycleId = scenario.cycleId();
        Map<String, JsonNode> waiting = waiting(cycleId);
        assertThat(waiting).containsOnlyKeys(BERGEN, VESTLAND_FK);
        JsonNode bergen = waiting.get(BERGEN);
        assertThat(bergen.get("tildeltOre").asLong()).isEqualTo(700_000_000L);
        assertThat(bergen.get("bruktOre").asLong()).isEqualTo(650_000_000L);
        assertThat(bergen.get("ubruktOre").asLong()).isEqualTo(50_000_000L);
        assertThat(bergen.get("vedGodkjenning").asText()).startsWith("Krav om tilbakebetaling av 500 000,00 kr");
        assertThat(waiting.get(VESTLAND_FK).get("vedGodkjenning").asText()).isEqualTo("Ingen ubrukte midler.");

        String body = "{\"oppgaver\": [\"" + bergen.get("oppgaveId").asText() + "\", \""
                + waiting.get(VESTLAND_FK).get("oppgaveId").asText() + "\"], \"overforing\": false}";
        HttpResponse<String> approved = send(People.CASEWORKER, "POST", "/api/sykluser/" + cycleId
                + "/egenvurderinger/godkjenning", body);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode outcomes = new ObjectMapper().readTree(approved.body());
        assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o.get("godkjent").asBoolean()).isTrue());

        List<Map<String, Object>> settled = jdbc.sql("""
                        select d.organisation_number, e.settlement, e.settlement_ore, e.reviewed_by from km_self_evaluation e
                        join km_decision d on d.id = e.decision_id where d.cycle_id = ? order by d.organisation_number""")
                .param(cycleId).query().listOfRows();
        assertThat(settled).hasSize(2).allSatisfy(row -> assertThat(row.get("REVIEWED_BY")).isEqualTo(People.CASEWORKER));
        assertThat(settled).anySatisfy(row -> {
            assertThat(row.get("ORGANISATION_NUMBER")).isEqualTo(BERGEN);
            assertThat(row.get("SETTLEMENT")).isEqualTo("REPAYMENT_CLAIM");
            assertThat(((Number) row.get("SETTLEMENT_ORE")).longValue()).isEqualTo(50_000_000L);
        });
        // two tasks, each completed by the caseworker, and the cycle goes on to its report
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(scenario.businessKey())
                .taskDefinitionKey("Task_ReviewSelfEvaluation").finished().list())
                .hasSize(2).allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo(People.CASEWORKER));
        // Bergen's unused 500 000 kr is claimed back by letter before the cycle goes on to its report
        assertThat(scenario.taskQuery().taskDefinitionKey("Task_SendReport").count()).isZero();
        scenario.deliverLetters();
        assertThat(jdbc.sql("select count(*) from km_letter where cycle_id = ? and kind = 'KRAV' and status = 'LEVERT'"
                + " and organisation_number = ?").params(cycleId, BERGEN).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select amount_ore from km_claim where cycle_id = ?").param(cycleId).query(Long.class)
                .list()).containsExactly(50_000_000L);
        scenario.countSelfEvaluations();
        assertThat(scenario.taskQuery().taskDefinitionKey("Task_SendReport").count()).isOne();

        // Bergen's receipt for what it sent, from the stored case
        JsonNode receipts = new ObjectMapper().readTree(send(People.OWNER_BERGEN, "GET", "/api/kvitteringer", null).body());
        JsonNode receipt = null;
        for (JsonNode r : receipts) {
            if (r.get("syklusId").asText().equals(cycleId) && r.get("hva").asText().equals("Egenvurdering og rapport")) {
                receipt = r;
            }
        }
        assertThat(receipt).as(receipts.toString()).isNotNull();
        assertThat(receipt.get("lenke").asText()).isEqualTo("/api/kvitteringer/" + cycleId + "/" + BERGEN
                + "/egenvurdering.pdf");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(People.basic(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + receipt.get("lenke").asText())), People.OWNER_BERGEN, People.PASSWORD).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Kvittering for egenvurdering og rapport").contains("Eier Bergen kommune (" + BERGEN + ")")
                    .contains("Tildelt 7 000 000,00 kr").contains("Brukt av tildelte midler 6 500 000,00 kr")
                    .contains("Ubrukt 500 000,00 kr").contains("Nettverk for lesing.")
                    .contains("Sendt av Ola Bergen kommune (demo-eier-bergen)").contains("Side 1 av");
        }
        assertThat(send(People.OWNER_VESTLAND_FK, "GET", receipt.get("lenke").asText(), null).statusCode()).isEqualTo(403);

        // again: nothing waits, nothing is done
        HttpResponse<String> again = send(People.CASEWORKER, "POST", "/api/sykluser/" + cycleId
                + "/egenvurderinger/godkjenning", body);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("\"ruleId\":\"OPPGAVE\"").contains("venter på vurdering");
    }

    @Test
    void a_task_another_caseworker_has_taken_is_left_to_them_and_strangers_are_refused() throws Exception {
        CycleScenario scenario = bothWaiting(Years.forKompetanseloftet());
        String cycleId = scenario.cycleId();
        Map<String, JsonNode> waiting = waiting(cycleId);
        People.ensureUser(identity, "test-saksbehandler-to", "saksbehandler-vestland");
        String bergensTask = waiting.get(BERGEN).get("oppgaveId").asText();
        tasks.claim(bergensTask, "test-saksbehandler-to");

        String body = "{\"oppgaver\": [\"" + bergensTask + "\", \"" + waiting.get(VESTLAND_FK).get("oppgaveId").asText()
                + "\"]}";
        for (String stranger : new String[]{People.OWNER_BERGEN, People.CASEWORKER_ROGALAND, People.AUDITOR, People.UDIR}) {
            assertThat(send(stranger, "POST", "/api/sykluser/" + cycleId + "/egenvurderinger/godkjenning", body)
                    .statusCode()).as(stranger).isEqualTo(403);
        }
        assertThat(send(People.CASEWORKER, "POST", "/api/sykluser/" + cycleId + "/egenvurderinger/godkjenning",
                "{\"oppgaver\": []}").body()).contains("\"ruleId\":\"PÅKREVD\"");
        assertThat(send(People.CASEWORKER, "GET", "/api/sykluser/" + cycleId + "/egenvurderinger", null).statusCode())
                .isEqualTo(200);

        JsonNode outcomes = new ObjectMapper().readTree(send(People.CASEWORKER, "POST", "/api/sykluser/" + cycleId
                + "/egenvurderinger/godkjenning", body).body());
        Map<String, JsonNode> byTask = new HashMap<>();
        outcomes.forEach(o -> byTask.put(o.get("oppgaveId").asText(), o));
        assertThat(byTask.get(bergensTask).get("godkjent").asBoolean()).isFalse();
        assertThat(byTask.get(bergensTask).get("melding").asText()).contains("test-saksbehandler-to har tatt oppgaven");
        assertThat(tasks.createTaskQuery().taskId(bergensTask).count()).isOne();
        assertThat(waiting(cycleId)).containsOnlyKeys(BERGEN);
    }
}
