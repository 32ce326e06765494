package no.kompetansemidler.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.Applications;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.Http;
import no.kompetansemidler.testkit.LogCapture;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.Map;

import static no.kompetansemidler.testkit.Organisations.BERGEN;
import static no.kompetansemidler.testkit.Organisations.HVL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One forum meeting for several schemes: the caseworker prepares the forum of Vestland's DEKOM cycle and names the
 * REKOM cycle of the same year; the meeting has one agenda, both cycles go on to «Registrer forumets innstilling»
 * with the meeting shown, and each scheme's recommendation is recorded in its cycle and in the meeting's record.
 */
@ApplicationTest
class JointForumTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ApplicationContext context;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
        return Http.call(port, user, method, path, json);
    }

    HttpResponse<String> prepare(Task forum, String others, String agenda) throws Exception {
        String variables = "\"fellesMote\": {\"type\": \"Json\", \"value\": " + JSON.writeValueAsString(others) + "}"
                + (agenda == null ? "" : ", \"sakspapirer\": {\"value\": " + JSON.writeValueAsString(agenda) + "}");
        return send(People.CASEWORKER, "POST", "/engine-rest/task/" + forum.getId() + "/complete",
                "{\"variables\": {" + variables + "}}");
    }

    long meetings(String cycleId) {
        return jdbc.sql("select count(*) from km_joint_meeting_cycle where cycle_id = ?").param(cycleId)
                .query(Long.class).single();
    }

    @Test
    void one_meeting_for_dekom_and_rekom_with_a_recommendation_per_scheme() throws Exception {
        int year = Years.next();
        CycleScenario dekom = new CycleScenario(context).inScheme("DEKOM");
        dekom.upTo(year, "Task_PrepareForum");
        CycleScenario rekom = new CycleScenario(context).inScheme("REKOM");
        rekom.start("REKOM", year, "5 000 000");
        rekom.complete(rekom.taskFor("Task_SubmitNeedReport", BERGEN), People.OWNER_BERGEN, Applications.kindergarten(HVL));
        rekom.complete(rekom.taskFor("Task_ConfirmPartnership", BERGEN), People.UH_HVL, Map.of("uhSvar", "BEKREFT"));
        rekom.executeJobsOf("BoundaryEvent_DeadlinePassed");
        rekom.taskQuery().taskDefinitionKey("Task_HandleMissedDeadline").list().forEach(rekom::doesNotTakePart);
        rekom.countNeedReports();

        // DEKOM's forum task was made before REKOM's: each lists the other as a scheme the meeting may cover
        Task forum = dekom.taskQuery().taskDefinitionKey("Task_PrepareForum").singleResult();
        Task rekomForum = rekom.taskQuery().taskDefinitionKey("Task_PrepareForum").singleResult();
        assertThat(JSON.readTree(tasks.getVariableLocal(rekomForum.getId(), "fellesMoteValg").toString()))
                .anySatisfy(o -> assertThat(o.get("value").asText()).isEqualTo(dekom.cycleId()));
        assertThat(JSON.readTree(tasks.getVariableLocal(forum.getId(), "fellesMoteValg").toString()))
                .anySatisfy(o -> assertThat(o.get("value").asText()).isEqualTo(rekom.cycleId()));
        // and taking a task lists them again as they stand
        dekom.as(People.CASEWORKER, () -> {
            tasks.claim(forum.getId(), People.CASEWORKER);
            return null;
        });
        JsonNode options = JSON.readTree(tasks.getVariableLocal(forum.getId(), "fellesMoteValg").toString());
        assertThat(options).singleElement().satisfies(o -> {
            assertThat(o.get("value").asText()).isEqualTo(rekom.cycleId());
            assertThat(o.get("label").asText()).isEqualTo("REKOM " + year
                    + " – Regional ordning for kompetanseutvikling i barnehagen");
        });

        // a cycle that is not one of the embete's being prepared, or no agenda: refused on the field, nothing stored
        String rogaland = jdbc.sql("select id from km_cycle where embete_code <> 'VESTLAND' fetch first 1 rows only")
                .query(String.class).optional().orElse("ukjent-syklus");
        HttpResponse<String> refused = prepare(forum, "[\"" + rogaland + "\"]", "Sakliste.");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"fellesMote\"").contains("FELLES_MØTE")
                .contains("som forbereder forumet nå");
        refused = prepare(forum, "[\"" + rekom.cycleId() + "\"]", null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"sakspapirer\"").contains("Skriv saklisten");
        assertThat(meetings(dekom.cycleId()) + meetings(rekom.cycleId())).isZero();
        assertThat(tasks.createTaskQuery().taskId(forum.getId()).count()).isOne();

        // one meeting, one agenda: both cycles go on to their recommendation, which shows the meeting
        String agenda = "1. DEKOM: lesing i skolen. 2. REKOM: språkmiljø i barnehagen.";
        HttpResponse<String> prepared = prepare(forum, "[\"" + rekom.cycleId() + "\"]", agenda);
        assertThat(prepared.statusCode()).as(prepared.body()).isEqualTo(204);
        String meeting = jdbc.sql("select meeting_id from km_joint_meeting_cycle where cycle_id = ?")
                .param(rekom.cycleId()).query(String.class).single();
        assertThat(meetings(dekom.cycleId())).isOne();
        for (CycleScenario cycle : new CycleScenario[]{dekom, rekom}) {
            Task record = cycle.taskQuery().taskDefinitionKey("Task_RecordRecommendation").singleResult();
            assertThat((String) tasks.getVariable(record.getId(), "fellesMoteTekst"))
                    .startsWith("Felles møte i samarbeidsforumet for DEKOM, REKOM " + year + ", forberedt av ")
                    .endsWith("Sakliste: " + agenda);
            assertThat(tasks.getVariable(record.getId(), "sakspapirer")).isEqualTo(agenda);
        }

        // each scheme's recommendation is recorded in its own cycle, and the meeting's record has both
        dekom.saveDistribution(CycleScenario.twoLines(year, "2 100 000"));
        dekom.complete("Task_RecordRecommendation", People.CASEWORKER, Map.of("forumEnig", true,
                "prioriteringer", "Lesing i skolen", "begrunnelse", "Forumets innstilling."));
        rekom.saveDistribution(BERGEN + "; 1 000 000; 0; 0; 0; Språkløyper i barnehagen; etterutdanning; " + year
                + "; " + year);
        // a meeting tomorrow is refused on the field: a person's bad request, never an error in the log
        Task rekomRecord = rekom.taskQuery().taskDefinitionKey("Task_RecordRecommendation").singleResult();
        try (LogCapture log = LogCapture.start()) {
            HttpResponse<String> tomorrow = send(People.CASEWORKER, "POST", "/engine-rest/task/" + rekomRecord.getId()
                    + "/complete", """
                    {"variables": {"forumEnig": {"value": true}, "prioriteringer": {"value": "Språkmiljø"},
                     "begrunnelse": {"value": "Forumets innstilling."}, "motedato": {"value": "%s"}}}"""
                    .formatted(java.time.LocalDate.now().plusDays(1)));
            assertThat(tomorrow.statusCode()).as(tomorrow.body()).isEqualTo(400);
            assertThat(tomorrow.body()).contains("\"field\":\"motedato\"").contains("Møtedatoen kan ikke være etter i dag.");
            assertThat(log.events()).noneMatch(LogCapture::isFault);
        }
        assertThat(jdbc.sql("select count(*) from km_forum_meeting where cycle_id = ?").param(rekom.cycleId())
                .query(Long.class).single()).isZero();
        rekom.complete("Task_RecordRecommendation", People.CASEWORKER, Map.of("forumEnig", true,
                "prioriteringer", "Språkmiljø i barnehagen", "begrunnelse", "Forumets innstilling."));
        HttpResponse<String> record = send(People.CASEWORKER, "GET", "/api/forummoter/" + meeting, null);
        assertThat(record.statusCode()).as(record.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(record.body());
        assertThat(json.get("sakliste").asText()).isEqualTo(agenda);
        assertThat(json.get("aar").asInt()).isEqualTo(year);
        assertThat(json.get("ordninger")).satisfiesExactly(d -> {
            assertThat(d.get("ordning").asText()).isEqualTo("DEKOM");
            assertThat(d.get("syklusId").asText()).isEqualTo(dekom.cycleId());
            assertThat(d.at("/innstilling/prioriteringer").asText()).isEqualTo("Lesing i skolen");
            assertThat(d.at("/innstilling/enig").asBoolean()).isTrue();
        }, r -> {
            assertThat(r.get("ordning").asText()).isEqualTo("REKOM");
            assertThat(r.at("/innstilling/prioriteringer").asText()).isEqualTo("Språkmiljø i barnehagen");
        });
        // the overview names the meeting each cycle was prepared in
        JsonNode overview = JSON.readTree(send(People.CASEWORKER, "GET", "/api/oversikt/vestland?aar=" + year, null).body());
        assertThat(overview.get("sykluser")).filteredOn(c -> c.get("syklusId").asText().equals(rekom.cycleId())
                || c.get("syklusId").asText().equals(dekom.cycleId()))
                .hasSize(2).allSatisfy(c -> assertThat(c.get("forummote").asText()).isEqualTo(meeting));
        // the record is the embete's: not another embete's caseworker, not an owner
        assertThat(send(People.CASEWORKER_ROGALAND, "GET", "/api/forummoter/" + meeting, null).statusCode())
                .isEqualTo(403);
        assertThat(send(People.OWNER_BERGEN, "GET", "/api/forummoter/" + meeting, null).statusCode()).isEqualTo(403);
        assertThat(send(People.CASEWORKER, "GET", "/api/forummoter/ukjent", null).statusCode()).isEqualTo(404);
    }
}
