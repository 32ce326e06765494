package no.kompetansemidler.security;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.EngineApi;
import no.kompetansemidler.testkit.Http;
import no.kompetansemidler.testkit.LogCapture;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.Years;
import org.apache.pdfbox.Loader;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static no.kompetansemidler.testkit.EngineApi.assertRefused;
import static no.kompetansemidler.testkit.EngineApi.variables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trust-boundary review's findings (issue 14), each as the client did it, over real HTTP on both engine mounts
 * where the finding concerns the engine: /engine-rest as an integration, and the webapps' engine API as Tasklist.
 * What the review found, and where each finding is tested:
 * <ol>
 *   <li>an owner rewrote the money with an extra variable on completion: {@link #an_owner_cannot_send_what_was_granted}
 *   and {@link #the_settlement_claims_back_what_the_decision_granted_and_was_not_used};</li>
 *   <li>an owner filed a need report in another owner's name: {@link #an_owner_reports_only_in_its_own_name};</li>
 *   <li>the process owner read and changed cases, and 4. an owner changed its task's due date: rows of
 *   {@link SecurityMatrixTest};</li>
 *   <li value="5">a recipient from another embete passed R5: {@link #a_recipient_of_another_embete_breaks_r5};</li>
 *   <li>a NUL character broke the auditor's PDF: {@link #a_nul_character_is_refused} and
 *   {@link #every_export_renders_any_text_ever_stored};</li>
 *   <li>invisible and reversing characters met the text rules: {@link #texts_count_what_a_person_reads};</li>
 *   <li>bad input gave server errors and English answers: {@link #numbers_dates_and_bodies_are_refused_in_norwegian}
 *   and {@link #a_refused_tasklist_submission_is_a_bad_request_logged_on_one_line};</li>
 *   <li>anonymous /engine-rest/engine and everyone's mail page: rows of {@link SecurityMatrixTest}.</li>
 * </ol>
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustBoundaryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BERGEN = CycleScenario.BERGEN;
    static final String OWNER = People.OWNER_BERGEN;
    static final String CASEWORKER = People.CASEWORKER;
    /** Oslo kommune: an owner of Statsforvalteren i Østfold, Buskerud, Oslo og Akershus. */
    static final String OSLO = "958935420";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;

    /** Need reports open, and Askøy's deadline missed. */
    CycleScenario needs;
    /** Decided and paid: Bergen's self-evaluation open (granted 7 000 000 kr). */
    CycleScenario money;
    /** At the forum's innstilling. */
    CycleScenario forum;
    String moneyCycleId;

    @BeforeAll
    void threeCycles() {
        needs = new CycleScenario(context);
        needs.upTo(Years.next(), "Task_SubmitNeedReport");
        String askoy = needs.taskFor("Task_SubmitNeedReport", CycleScenario.ASKOY).getProcessInstanceId();
        management.executeJob(management.createJobQuery().processInstanceId(askoy)
                .activityId("BoundaryEvent_DeadlinePassed").singleResult().getId());
        money = new CycleScenario(context);
        moneyCycleId = (String) runtime.getVariable(money.upTo(Years.next(), "Task_SubmitSelfEvaluation").getId(),
                "syklusId");
        forum = new CycleScenario(context);
        forum.upTo(Years.next(), "Task_RecordRecommendation");
        everything = LogCapture.start();
    }

    /** What the server logs while the tests send what they send: every refusal must be a refusal, not a fault. */
    LogCapture everything;

    @Test
    @Order(99)
    void no_refusal_was_logged_as_a_fault() {
        everything.close();
        assertThat(everything.events()).as("errors and stack traces in the log").noneMatch(LogCapture::isFault);
    }

    HttpResponse<String> complete(EngineApi api, String user, Task task, Map<String, ?> values) throws Exception {
        // Tasklist submits the form; an integration completes the task: both are checked alike
        String action = api == EngineApi.TASKLIST ? "/submit-form" : "/complete";
        return api.call(port, user, "POST", "/task/" + task.getId() + action, variables(values));
    }

    static Map<String, Object> selfEvaluation(String used) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("brukt", used);
        values.put("egenfinansiering", "2 100 000");
        values.put("gjennomforteTiltak", "Nettverk for lesing på alle skoler.");
        values.put("deltakere", 120);
        values.put("vurdering", "God deltakelse; fortsetter neste år.");
        return values;
    }

    static Map<String, Object> needReport() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tiltak", no.kompetansemidler.testkit.Applications.rows(java.util.List.of(
                no.kompetansemidler.testkit.Applications.measure(CycleScenario.HVL))));
        values.put("medvirkning", "Skoleledere og lærere deltok i kartleggingen på hver skole.");
        values.put("behov", "Lesing og inkluderende læringsmiljø.");
        return values;
    }

    // --- finding 1 ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(EngineApi.class)
    @Order(1)
    void an_owner_cannot_send_what_was_granted(EngineApi api) throws Exception {
        Task task = money.taskFor("Task_SubmitSelfEvaluation", BERGEN);
        Map<String, Object> forged = selfEvaluation("6 866 666,66");
        forged.put("tildeltBelop", 2_000_000_000L);
        assertRefused(complete(api, OWNER, task, forged), 400, "tildeltBelop:SKJEMA");

        Map<String, Object> changed = selfEvaluation("6 866 666,66");
        changed.put("tildeltTekst", "20 000 000,00 kr");
        JsonNode answer = assertRefused(complete(api, OWNER, task, changed), 400, "tildeltTekst:LESEFELT");
        assertThat(answer.path("message").asText()).contains("skrivebeskyttet");

        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(runtime.getVariable(task.getProcessInstanceId(), "tildeltBelop")).isNull();
        assertThat(jdbc.sql("select count(*) from km_self_evaluation e join km_decision d on d.id = e.decision_id"
                + " where d.cycle_id = ? and d.organisation_number = ?").params(moneyCycleId, BERGEN)
                .query(Long.class).single()).isZero();
    }

    @Test
    @Order(2)
    void the_settlement_claims_back_what_the_decision_granted_and_was_not_used() throws Exception {
        Task task = money.taskFor("Task_SubmitSelfEvaluation", BERGEN);
        // as Tasklist submits the form: the read-only fields come back as they were shown
        JsonNode shown = JSON.readTree(EngineApi.TASKLIST.call(port, OWNER, "GET", "/task/" + task.getId()
                + "/form-variables", null).body());
        Map<String, Object> submitted = selfEvaluation("6 866 666,66");
        for (String readOnly : new String[]{"eierNavn", "tildeltTekst", "vedtakTekst"}) {
            submitted.put(readOnly, shown.path(readOnly).path("value").asText());
        }
        long shownBefore = updatesOf(task.getProcessInstanceId(), "tildeltTekst");
        HttpResponse<String> sent = complete(EngineApi.TASKLIST, OWNER, task, submitted);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
        // what the owner only saw is not recorded as set by the owner
        assertThat(updatesOf(task.getProcessInstanceId(), "tildeltTekst")).isEqualTo(shownBefore);

        money.complete(money.taskFor("Task_ReviewSelfEvaluation", BERGEN), CASEWORKER,
                Map.of("godkjent", true, "overforingVedtatt", false));
        Map<String, Object> settled = jdbc.sql("select e.settlement, e.settlement_ore from km_self_evaluation e"
                        + " join km_decision d on d.id = e.decision_id where d.cycle_id = ? and d.organisation_number = ?")
                .params(moneyCycleId, BERGEN).query().singleRow();
        assertThat(settled.get("SETTLEMENT")).isEqualTo("REPAYMENT_CLAIM");
        assertThat(Money.ofOre(((Number) settled.get("SETTLEMENT_ORE")).longValue())).isEqualTo(Money.parse("133 333,34"));
    }

    long updatesOf(String processInstanceId, String variable) {
        return history.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().list()
                .stream().filter(d -> variable.equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d)
                        .getVariableName())).count();
    }

    // --- finding 2 ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(EngineApi.class)
    @Order(3)
    void an_owner_reports_only_in_its_own_name(EngineApi api) throws Exception {
        Task task = needs.taskFor("Task_SubmitNeedReport", BERGEN);
        Map<String, Object> otherOwner = needReport();
        otherOwner.put("eier", CycleScenario.VESTLAND_FK);
        assertRefused(complete(api, OWNER, task, otherOwner), 400, "eier:SKJEMA");
        Map<String, Object> otherName = needReport();
        otherName.put("eierNavn", "Vestland fylkeskommune");
        assertRefused(complete(api, OWNER, task, otherName), 400, "eierNavn:LESEFELT");

        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(runtime.getVariable(task.getProcessInstanceId(), "eier")).isEqualTo(BERGEN);
        assertThat(runtime.getVariable(task.getProcessInstanceId(), "eierNavn")).isEqualTo("Bergen kommune");
        assertThat(jdbc.sql("select count(*) from km_need_report where cycle_id = ?")
                .param(needs.cycleId()).query(Long.class).single()).isZero();
    }

    // --- finding 5 ---------------------------------------------------------------------------------------------

    /**
     * The distribution page's API as each person calls it: the embete's caseworker saves a version (and the forms'
     * summary with it, although the caseworker holds no grant on the cycle's variables); the embete's auditor reads
     * it; another embete's caseworker, an owner and the auditor cannot save, and nothing of theirs is stored.
     */
    @Test
    @Order(4)
    void only_the_embetes_caseworker_saves_the_distribution() throws Exception {
        String path = "/api/sykluser/" + forum.cycleId() + "/fordeling";
        int year = (int) runtime.getVariable(forum.taskQuery().taskDefinitionKey("Task_RecordRecommendation")
                .singleResult().getProcessInstanceId(), "aar");
        String body = JSON.writeValueAsString(Map.of("nokkel", "AMOUNTS", "rader", no.kompetansemidler.domain.funding
                .ProposalLines.split(CycleScenario.twoLines(year, "2 100 000"),
                        no.kompetansemidler.domain.funding.DistributionKey.AMOUNTS)));
        for (String outsider : new String[]{People.CASEWORKER_ROGALAND, OWNER, People.AUDITOR}) {
            assertRefused(Http.call(port, outsider, "POST", path, body), 403);
        }
        assertRefused(Http.call(port, People.ANONYMOUS, "POST", path, body), 401);
        assertRefused(Http.call(port, People.CASEWORKER_ROGALAND, "GET", path, null), 403);
        assertRefused(Http.call(port, OWNER, "GET", path, null), 403);
        assertThat(jdbc.sql("select count(*) from km_proposal where cycle_id = ?").param(forum.cycleId())
                .query(Long.class).single()).isZero();

        HttpResponse<String> saved = Http.call(port, CASEWORKER, "POST", path, body);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(JSON.readTree(saved.body()).path("versjoner").size()).isOne();
        String instance = forum.taskQuery().taskDefinitionKey("Task_RecordRecommendation").singleResult()
                .getProcessInstanceId();
        assertThat((String) runtime.getVariable(instance, "fordelingOppsummering"))
                .startsWith("Versjon 1, lagret ").contains(" av Kari Saksbehandler (demo-saksbehandler)").contains("2 rader, til sammen 10 000 000,00 kr");
        HttpResponse<String> read = Http.call(port, People.AUDITOR, "GET", path, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Bergen kommune");
    }

    @Test
    @Order(5)
    void a_recipient_of_another_embete_breaks_r5() {
        int year = (int) runtime.getVariable(forum.taskQuery().taskDefinitionKey("Task_RecordRecommendation")
                .singleResult().getProcessInstanceId(), "aar");
        forum.saveDistribution(BERGEN + "; 7 000 000; 2 100 000; 0; 0; Lesing; etterutdanning; " + year + "; " + year
                + "\n" + OSLO + "; 100 000; 30 000; 0; 0; Lesing; etterutdanning; " + year + "; " + year);
        forum.complete("Task_RecordRecommendation", CASEWORKER, Map.of("forumEnig", true, "prioriteringer", "Lesing",
                "begrunnelse", "Forumets innstilling."));
        Task correction = forum.taskQuery().taskDefinitionKey("Task_CorrectBreaches").singleResult();
        assertThat((String) tasks.getVariable(correction.getId(), "regelbruddRegler")).isEqualTo("R5");
        assertThat((String) tasks.getVariable(correction.getId(), "regelbruddTekst"))
                .contains("Oslo kommune (" + OSLO + ") hører til Statsforvalteren i Østfold, Buskerud, Oslo og Akershus");
        assertThat(jdbc.sql("select count(*) from km_decision where cycle_id = ?").param(forum.cycleId())
                .query(Long.class).single()).isZero();
    }

    // --- findings 6 and 7 ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(EngineApi.class)
    @Order(6)
    void a_nul_character_is_refused(EngineApi api) throws Exception {
        Task task = needs.taskFor("Task_SubmitNeedReport", BERGEN);
        Map<String, Object> values = needReport();
        values.put("behov", "Lesing\u0000 og skriving.");
        JsonNode answer = assertRefused(complete(api, OWNER, task, values), 400, "behov:TEGN");
        assertThat(answer.toString()).contains("U+0000");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    @Test
    @Order(6)
    void every_export_renders_any_text_ever_stored() throws Exception {
        // a text stored before today's rules: a NUL, a right-to-left override and a lone surrogate
        String bad = "\u0000\u202E\uD800";
        String needReport = history.createHistoricProcessInstanceQuery().processDefinitionKey("behovsmelding")
                .processInstanceBusinessKey(money.businessKey()).variableValueEquals("eier", BERGEN).singleResult().getId();
        jdbc.sql("update km_need_report set needs = needs || ? where cycle_id = ? and organisation_number = ?")
                .params(bad, moneyCycleId, BERGEN).update();
        jdbc.sql("update act_hi_detail set text_ = text_ || ? where proc_inst_id_ = ? and name_ = 'behov'")
                .params(bad, needReport).update();
        try {
            for (String export : new String[]{"", "/csv", "/json", "/pdf"}) {
                HttpResponse<String> answer = Http.call(port, People.AUDITOR, "GET", "/revisjon/sykluser/" + moneyCycleId
                        + export, null);
                assertThat(answer.statusCode()).as(export + ": " + answer.body()).isEqualTo(200);
                if (!export.equals("/pdf")) {
                    assertThat(answer.body()).doesNotContain("\u0000").doesNotContain("\u202E");
                }
            }
            byte[] pdf = java.net.http.HttpClient.newHttpClient().send(People.basic(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/revisjon/sykluser/" + moneyCycleId + "/pdf")),
                    People.AUDITOR, People.PASSWORD).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            try (var document = Loader.loadPDF(pdf)) {
                assertThat(document.getNumberOfPages()).isPositive();
            }
            // the administrator's list names the stored text; nothing is changed by it
            HttpResponse<String> list = Http.call(port, People.ADMIN, "GET", "/api/drift/tekstkontroll", null);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("km_need_report").contains(moneyCycleId + " / " + BERGEN).contains("U+0000");
            assertThat(Http.call(port, CASEWORKER, "GET", "/api/drift/tekstkontroll", null).statusCode()).isEqualTo(403);
            assertThat(jdbc.sql("select needs from km_need_report where cycle_id = ? and organisation_number = ?")
                    .params(moneyCycleId, BERGEN).query(String.class).single()).endsWith(bad);
        } finally {
            jdbc.sql("update km_need_report set needs = replace(needs, ?, '') where cycle_id = ?")
                    .params(bad, moneyCycleId).update();
            jdbc.sql("update act_hi_detail set text_ = replace(text_, ?, '') where proc_inst_id_ = ?")
                    .params(bad, needReport).update();
        }
    }

    /** What the review typed where R10 asks for at least 20 characters, and more that no one can read. */
    static final Map<String, String> UNREADABLE = new LinkedHashMap<>();

    static {
        UNREADABLE.put("20 nullbredde mellomrom", "\u200B".repeat(20));
        UNREADABLE.put("20 hardt mellomrom", "\u00A0".repeat(20));
        UNREADABLE.put("10 emoji", "\uD83D\uDC4D".repeat(10));
        UNREADABLE.put("én bokstav med 19 aksenter", "a" + "\u0301".repeat(19));
        UNREADABLE.put("høyre-til-venstre-overstyring", "Lærerne deltok \u202Eikke\u202C i kartleggingen.");
        UNREADABLE.put("isolat", "Lærerne deltok \u2066i kartleggingen\u2069 på hver skole.");
        UNREADABLE.put("ensom surrogat", "Lærerne deltok i kartleggingen \uD800 på hver skole.");
        UNREADABLE.put("kontrolltegn", "Lærerne deltok i kartleggingen\u0007 på hver skole.");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EngineApi.class)
    @Order(7)
    void texts_count_what_a_person_reads(EngineApi api) throws Exception {
        Task task = needs.taskFor("Task_SubmitNeedReport", BERGEN);
        for (Map.Entry<String, String> text : UNREADABLE.entrySet()) {
            Map<String, Object> values = needReport();
            values.put("medvirkning", text.getValue());
            HttpResponse<String> answer = complete(api, OWNER, task, values);
            assertThat(answer.statusCode()).as(text.getKey() + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).as(text.getKey()).contains("\"field\":\"medvirkning\"")
                    // the label is the scheme's words (an expression): a message never shows the expression
                    .doesNotContain("medvirkere").doesNotContain("=if");
        }
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
        Map<String, Object> script = needReport();
        script.put("medvirkning", "<b>Lærerne</b> deltok i kartleggingen på hver skole.");
        assertThat(complete(api, OWNER, task, script).body()).as("the form contract names the field plainly")
                .contains("«Medvirkning» kan ikke inneholde HTML eller skript");

        long owners = jdbc.sql("select count(*) from km_owner").query(Long.class).single();
        for (String name : new String[]{"\u200B".repeat(20), "Skolen \u202ESA\u202C", "Skolen\u0000 AS"}) {
            HttpResponse<String> answer = api.call(port, CASEWORKER, "POST",
                    "/process-definition/key/registrer-privat-eier/start", variables(Map.of("organisasjonsnummer",
                            "915 000 001", "navn", name, "eiertype", "PRIVAT_SKOLEEIER", "embete", "vestland",
                            "kontaktEpost", "post@skolen.example")));
            assertRefused(answer, 400, "navn:TEGN");
        }
        assertRefused(api.call(port, CASEWORKER, "POST", "/process-definition/key/registrer-privat-eier/start",
                variables(Map.of("organisasjonsnummer", "915 000 001", "navn", "Skolen AS", "eiertype",
                        "PRIVAT_SKOLEEIER", "embete", "vestland", "kontaktEpost", "post\u200B@skolen.example"))),
                400, "kontaktEpost:EPOST");
        assertThat(jdbc.sql("select count(*) from km_owner").query(Long.class).single()).isEqualTo(owners);
    }

    // --- finding 8 ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(EngineApi.class)
    @Order(8)
    void numbers_dates_and_bodies_are_refused_in_norwegian(EngineApi api) throws Exception {
        String start = "/process-definition/key/arssyklus/start";
        int year = Years.next();
        long cycles = runtime.createProcessInstanceQuery().processDefinitionKey("arssyklus").count();
        // a frame one øre above the largest amount, given in øre or typed
        assertRefused(api.call(port, CASEWORKER, "POST", start, variables(Map.of("embete", "vestland", "ordning", "REKOM",
                "aar", year, "rammeOre", Money.MAX_ORE + 1))), 400, "rammeOre:BELØP");
        assertRefused(api.call(port, CASEWORKER, "POST", start, variables(Map.of("embete", "vestland", "ordning", "REKOM",
                "aar", year, "ramme", "1 000 000 000 000,01"))), 400, "ramme:BELØP");
        // an integer that overflows, a number in scientific notation, a key given twice
        assertRefused(api.call(port, CASEWORKER, "POST", start, """
                {"variables": {"embete": {"value": "vestland"}, "ordning": {"value": "REKOM"},
                 "aar": {"value": 99999999999, "type": "Integer"}, "ramme": {"value": "1 000"}}}"""), 400);
        assertRefused(api.call(port, CASEWORKER, "POST", start, """
                {"variables": {"embete": {"value": "vestland"}, "ordning": {"value": "REKOM"},
                 "aar": {"value": %d, "type": "Integer"}, "rammeOre": {"value": 1e3, "type": "Long"}}}""".formatted(year)), 400);
        assertRefused(api.call(port, CASEWORKER, "POST", start, """
                {"variables": {"embete": {"value": "vestland"}, "ordning": {"value": "REKOM"}, "ordning": {"value": "DEKOM"},
                 "aar": {"value": %d, "type": "Integer"}, "ramme": {"value": "1 000"}}}""".formatted(year)), 400);
        // script in a start variable no form or model declares
        assertRefused(api.call(port, CASEWORKER, "POST", start, variables(Map.of("embete", "vestland", "ordning", "REKOM",
                "aar", year, "ramme", "1 000", "notat", "<script>alert(1)</script>"))), 400, "notat:SKJEMA");
        // an undeclared variable of 900 KB, and a body over the limit of 1 MiB
        assertRefused(api.call(port, CASEWORKER, "POST", start, variables(Map.of("embete", "vestland", "ordning", "REKOM",
                "aar", year, "ramme", "1 000", "vedlegg", "a".repeat(900 * 1024)))), 400, "vedlegg:SKJEMA");
        assertRefused(api.call(port, CASEWORKER, "POST", start, variables(Map.of("embete", "vestland", "ordning", "REKOM",
                "aar", year, "ramme", "1 000", "vedlegg", "a".repeat(5 * 1024 * 1024)))), 413);
        // not JSON, and a form post where JSON belongs
        assertRefused(api.call(port, CASEWORKER, "POST", start, "{\"variables\": "), 400);
        assertRefused(api.send(port, CASEWORKER, "POST", start, "text/plain", "embete=vestland"), 415);
        // a wrong method, an unknown path
        assertRefused(api.call(port, CASEWORKER, "GET", start, null), 405);
        assertRefused(api.call(port, CASEWORKER, "GET", "/finnes-ikke", null), 404);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("arssyklus").count()).isEqualTo(cycles);

        // a deadline far beyond the cycle's window
        Task missed = needs.taskQuery().taskDefinitionKey("Task_HandleMissedDeadline").singleResult();
        assertRefused(complete(api, CASEWORKER, missed, Map.of("fristValg", "FORLENG", "nyFrist", "9999-12-31")), 400,
                "nyFrist:FRIST");
        assertThat(tasks.createTaskQuery().taskId(missed.getId()).count()).isOne();

        // a variable serialized as a Java object
        String cycle = needs.taskQuery().taskDefinitionKey("Task_HandleMissedDeadline").singleResult().getProcessInstanceId();
        assertRefused(api.call(port, People.ADMIN, "PUT", "/process-instance/" + cycle + "/variables/x", """
                {"value": "rO0ABXQABGhlaSE=", "type": "Object", "valueInfo": {
                 "serializationDataFormat": "application/x-java-serialized-object", "objectTypeName": "java.lang.String"}}"""),
                400, "x:JSON");
        assertThat(runtime.getVariable(cycle, "x")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EngineApi.class)
    @Order(8)
    void a_signal_or_a_message_carries_no_values_from_a_person(EngineApi api) throws Exception {
        // no model catches them today; a model that does must not open a way around the forms
        String instance = needs.taskFor("Task_SubmitNeedReport", BERGEN).getProcessInstanceId();
        assertRefused(api.call(port, OWNER, "POST", "/signal", """
                {"name": "fristForlenget", "variables": {"eier": {"value": "821311632"}}}"""), 400, "eier:SKJEMA");
        assertRefused(api.call(port, CASEWORKER, "POST", "/message", """
                {"messageName": "behovsmeldingMottatt", "processInstanceId": "%s",
                 "processVariables": {"eier": {"value": "821311632"}}}""".formatted(instance)), 400, "eier:SKJEMA");
        assertThat(runtime.getVariable(instance, "eier")).isEqualTo(BERGEN);
    }

    @Test
    @Order(8)
    void the_projects_endpoints_refuse_alike() throws Exception {
        String account = "/api/stamdata/kontonummer/" + BERGEN;
        String before = jdbc.sql("select account_number from km_owner where organisation_number = ?").param(BERGEN)
                .query(String.class).optional().orElse(null);
        assertRefused(Http.call(port, CASEWORKER, "PUT", account, "{\"kontonummer\": \"0000.00.00000\"}"), 400,
                "kontonummer:KONTONR");
        assertRefused(Http.call(port, CASEWORKER, "PUT", account,
                "{\"kontonummer\": \"1503.12.34562\", \"kontonummer\": \"1234.56.78903\"}"), 400);
        assertRefused(Http.call(port, CASEWORKER, "PUT", account, "{\"kontonummer\": 1e3}"), 400);
        assertRefused(Http.call(port, CASEWORKER, "DELETE", account, null), 405);
        assertRefused(Http.call(port, CASEWORKER, "GET", "/api/stamdata/eiere/%00", null), 400);
        assertRefused(Http.call(port, CASEWORKER, "GET", "/api/finnes-ikke", null), 404);
        assertRefused(Http.call(port, People.AUDITOR, "GET", "/revisjon/sykluser/finnes-ikke", null), 404);
        assertThat(jdbc.sql("select account_number from km_owner where organisation_number = ?").param(BERGEN)
                .query(String.class).optional().orElse(null)).isEqualTo(before);
    }

    @Test
    @Order(9)
    void a_refused_tasklist_submission_is_a_bad_request_logged_on_one_line() throws Exception {
        LogCapture log = LogCapture.from(Level.INFO);
        try (log) {
            Task task = needs.taskFor("Task_SubmitNeedReport", BERGEN);
            Map<String, Object> values = needReport();
            values.put("medvirkning", "For kort.");
            assertRefused(complete(EngineApi.TASKLIST, OWNER, task, values), 400, "medvirkning:R10");
        }
        assertThat(log.events()).noneMatch(LogCapture::isFault)
                .anyMatch(e -> e.getFormattedMessage().startsWith("Avvist 400 POST")
                        && e.getFormattedMessage().contains("medvirkning [R10]"));
    }
}
