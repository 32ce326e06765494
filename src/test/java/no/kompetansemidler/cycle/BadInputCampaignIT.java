package no.kompetansemidler.cycle;

import no.kompetansemidler.testkit.Applications;
import no.kompetansemidler.testkit.CycleScenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.EngineApi;
import no.kompetansemidler.testkit.LogCapture;
import no.kompetansemidler.domain.money.Money;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign of invalid submissions over every form and endpoint, as a careless or hostile client would send them
 * over HTTP: missing fields, wrong types, negative and huge amounts, invalid organisation numbers, a commercial
 * recipient, 1 MB of text, markup and script. Each must get a clear error (4xx, in Norwegian) and leave the
 * database exactly as it was: no row added, removed or changed in any table, and the task still open.
 * <p>
 * The cases for each task form are generated from the form itself (forms/*.form): every field a person fills in is
 * broken in every way its type allows, one field at a time, in an otherwise valid submission.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCampaignIT {

    static final String CASEWORKER = "demo-saksbehandler";
    static final String BERGEN = CycleScenario.BERGEN;
    static final String FK = CycleScenario.VESTLAND_FK;
    static final String HVL = CycleScenario.HVL;
    static final String MEGABYTE = "a".repeat(1024 * 1024);
    static final String SCRIPT = "<script>alert('x')</script> Lærerne og skolelederne deltok i arbeidet.";
    /** Equinor ASA: a real, valid organisation number of a commercial company. */
    static final String COMMERCIAL = "923609016";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext context;
    CycleScenario scenario;

    final HttpClient http = HttpClient.newHttpClient();
    /** A task of each form, and who may complete it. */
    final Map<String, Task> taskOfForm = new TreeMap<>();
    final Map<String, String> userOfForm = new TreeMap<>();
    int cases;

    @BeforeAll
    void casesAtEveryStage() throws Exception {
        scenario = new CycleScenario(context);
        // each cycle is driven to one stage; the later stages first, so a timer of one cycle never moves another
        cycleUpTo(2034, "Task_CorrectBreaches");
        cycleUpTo(2033, "Task_SendReport");
        cycleUpTo(2032, "Task_SubmitSelfEvaluation");
        cycleUpTo(2031, "Task_FallbackDecision");
        cycleUpTo(2030, "Task_CorrectBreaches");
        cycleUpTo(2029, "Task_RecordRecommendation");
        cycleUpTo(2028, "Task_PrepareForum");
        start(2027);
        Job oneDeadline = management.createJobQuery().activityId("BoundaryEvent_DeadlinePassed").list().get(0);
        management.executeJob(oneDeadline.getId());

        record(Map.of("behovsmelding", "Task_SubmitNeedReport", "frist-passert", "Task_HandleMissedDeadline",
                "forbered-forum", "Task_PrepareForum", "innstilling", "Task_RecordRecommendation",
                "rett-regelbrudd", "Task_CorrectBreaches", "reservevedtak", "Task_FallbackDecision",
                "egenvurdering", "Task_SubmitSelfEvaluation", "vurder-egenvurdering", "Task_ReviewSelfEvaluation",
                "send-rapport", "Task_SendReport"));
        log = LogCapture.start();
    }

    /** What the server logs during the campaign: a refusal is one line, never an error with a stack trace. */
    LogCapture log;

    @AfterAll
    void count() {
        log.close();
        System.out.println("Bad-input campaign: " + cases + " invalid submissions, each refused with the database unchanged");
        assertThat(cases).isGreaterThanOrEqualTo(850);
        assertThat(log.events()).as("errors and stack traces logged for bad input").noneMatch(LogCapture::isFault);
    }

    @TestFactory
    Stream<DynamicTest> every_task_form_refuses_each_bad_field() throws Exception {
        List<DynamicTest> all = new ArrayList<>();
        for (String form : taskOfForm.keySet()) {
            JsonNode definition = JSON.readTree(Files.readString(Path.of("forms", form + ".form")));
            Map<String, Object> valid = VALID.get(form);
            for (JsonNode field : editableFields(definition)) {
                String key = field.path("key").asText();
                for (Map.Entry<String, Object> bad : badValues(field).entrySet()) {
                    if (bad.getValue() == MISSING && tasks.getVariable(taskOfForm.get(form).getId(), key) != null) {
                        continue; // the case holds the value from an earlier submission: leaving it out is no error
                    }
                    Map<String, Object> submission = new LinkedHashMap<>(valid);
                    if (bad.getValue() == MISSING) {
                        submission.remove(key);
                    } else {
                        submission.put(key, bad.getValue());
                    }
                    all.add(DynamicTest.dynamicTest(form + "." + key + ": " + bad.getKey(), () ->
                            refused(form + "." + key + ": " + bad.getKey(), userOfForm.get(form), "POST", "/engine-rest/task/" + taskOfForm.get(form).getId()
                                    + "/complete", variables(submission), taskOfForm.get(form).getId())));
                }
            }
        }
        // nothing at all, and a body that is not the engine's format
        for (String form : taskOfForm.keySet()) {
            if (form.equals("forbered-forum") || form.equals("send-rapport") || form.equals("vurder-egenvurdering")
                    || form.equals("rett-regelbrudd")) {
                continue; // nothing in them is required, or the case holds every value from the innstilling
            }
            all.add(DynamicTest.dynamicTest(form + ": tomt skjema", () -> refused(form + ": tomt skjema",
                    userOfForm.get(form), "POST", "/engine-rest/task/" + taskOfForm.get(form).getId() + "/complete",
                    "{\"variables\": {}}", taskOfForm.get(form).getId())));
        }
        for (String form : taskOfForm.keySet()) {
            all.add(DynamicTest.dynamicTest(form + ": ikke JSON", () -> refused(form + ": ikke JSON",
                    userOfForm.get(form), "POST", "/engine-rest/task/" + taskOfForm.get(form).getId() + "/complete",
                    "<variables/>", taskOfForm.get(form).getId())));
        }
        // what the form does not ask for: a variable of the process, a changed read-only field, a Java object
        for (String form : taskOfForm.keySet()) {
            String id = taskOfForm.get(form).getId();
            JsonNode definition = JSON.readTree(Files.readString(Path.of("forms", form + ".form")));
            Map<String, Object> undeclared = new LinkedHashMap<>(VALID.get(form));
            undeclared.put(form.equals("egenvurdering") ? "tildeltBelop" : "eier", 2_000_000_000L);
            all.add(DynamicTest.dynamicTest(form + ": udeklarert variabel", () -> refused(form + ": udeklarert variabel",
                    userOfForm.get(form), "POST", "/engine-rest/task/" + id + "/complete", variables(undeclared), id)));
            for (JsonNode field : definition.path("components")) {
                if (field.path("readonly").asBoolean(false) && field.hasNonNull("key")) {
                    Map<String, Object> changed = new LinkedHashMap<>(VALID.get(form));
                    changed.put(field.path("key").asText(), "Endret av innsenderen");
                    all.add(DynamicTest.dynamicTest(form + "." + field.path("key").asText() + ": endret lesefelt", () ->
                            refused(form + "." + field.path("key").asText() + ": endret lesefelt", userOfForm.get(form),
                                    "POST", "/engine-rest/task/" + id + "/complete", variables(changed), id)));
                }
            }
            String first = editableFields(definition).get(0).path("key").asText();
            all.add(DynamicTest.dynamicTest(form + ": Java-serialisert verdi", () -> refused(form + ": Java-serialisert verdi",
                    userOfForm.get(form), "POST", "/engine-rest/task/" + id + "/complete", """
                            {"variables": {"%s": {"value": "rO0ABXQABGhlaSE=", "type": "Object", "valueInfo": {
                             "serializationDataFormat": "application/x-java-serialized-object",
                             "objectTypeName": "java.lang.String"}}}}""".formatted(first), id)));
            all.add(DynamicTest.dynamicTest(form + ": samme nøkkel to ganger", () -> refused(form + ": samme nøkkel to ganger",
                    userOfForm.get(form), "POST", "/engine-rest/task/" + id + "/complete",
                    variables(VALID.get(form)).replace("{\"variables\":{", "{\"variables\":{\"" + first
                            + "\":{\"value\":\"x\",\"type\":\"String\"},"), id)));
            all.add(DynamicTest.dynamicTest(form + ": 2 MB", () -> refused(form + ": 2 MB", userOfForm.get(form), "POST",
                    "/engine-rest/task/" + id + "/complete", variables(Map.of(first, "a".repeat(2 * 1024 * 1024))), id)));
            all.add(DynamicTest.dynamicTest(form + ": feil innholdstype", () -> refused(form + ": feil innholdstype",
                    userOfForm.get(form), "POST", "/engine-rest/task/" + id + "/complete", "text/plain", first + "=x", id)));
            all.add(DynamicTest.dynamicTest(form + ": feil metode", () -> refused(form + ": feil metode",
                    userOfForm.get(form), "PATCH", "/engine-rest/task/" + id + "/complete", variables(VALID.get(form)), id)));
        }
        all.add(DynamicTest.dynamicTest("oppgave som ikke finnes", () -> refused("oppgave som ikke finnes", CASEWORKER,
                "POST", "/engine-rest/task/finnes-ikke/complete", variables(VALID.get("send-rapport")), null)));
        Task missed = taskOfForm.get("frist-passert");
        for (String deadline : List.of("9999-12-31T00:00:00.000+0000", "2000-01-01T00:00:00.000+0000")) {
            all.add(DynamicTest.dynamicTest("frist-passert.nyFrist: " + deadline, () -> refused("frist-passert.nyFrist: "
                    + deadline, CASEWORKER, "POST", "/engine-rest/task/" + missed.getId() + "/complete", """
                    {"variables": {"fristValg": {"value": "FORLENG"}, "nyFrist": {"value": "%s", "type": "Date"}}}"""
                    .formatted(deadline), missed.getId())));
        }
        // the distribution page's save, during each of the three tasks that take a distribution: every kind of bad row
        for (String form : List.of("innstilling", "rett-regelbrudd", "reservevedtak")) {
            String taskId = taskOfForm.get(form).getId();
            String path = "/api/sykluser/" + tasks.getVariable(taskId, "syklusId") + "/fordeling";
            for (Map.Entry<String, String> line : BAD_LINES.entrySet()) {
                all.add(DynamicTest.dynamicTest(form + ": fordelingen: " + line.getKey(), () ->
                        refused(form + ": fordelingen: " + line.getKey(), userOfForm.get(form), "POST", path,
                                rows("AMOUNTS", line.getValue()), taskId)));
            }
            all.add(DynamicTest.dynamicTest(form + ": fordelingen: vekt 1e3", () -> refused(form + ": fordelingen: vekt 1e3",
                    userOfForm.get(form), "POST", path, rows("WEIGHTS", BERGEN
                            + "; 1e3; 0; 0; 0; Lesing; etterutdanning; 2034; 2034"), taskId)));
            all.add(DynamicTest.dynamicTest(form + ": fordelingen: ukjent nøkkel", () -> refused(form
                    + ": fordelingen: ukjent nøkkel", userOfForm.get(form), "POST", path, rows("ALT", lines("2 100 000")), taskId)));
            all.add(DynamicTest.dynamicTest(form + ": fordelingen: som skjema", () -> refused(form
                    + ": fordelingen: som skjema", userOfForm.get(form), "POST", path, "application/x-www-form-urlencoded",
                    "nokkel=AMOUNTS", taskId)));
        }
        return all.stream();
    }

    @TestFactory
    Stream<DynamicTest> the_start_forms_and_the_projects_endpoints_refuse_bad_input() {
        List<DynamicTest> all = new ArrayList<>();
        Map<String, Object> cycle = Map.of("embete", "vestland", "ordning", "REKOM", "aar", 2027, "ramme", "5 000 000");
        Map<String, Object> badCycle = new LinkedHashMap<>();
        badCycle.put("ramme negativ", Map.of("ramme", "-5 000 000"));
        badCycle.put("ramme enorm", Map.of("ramme", "999999999999999999999999999"));
        badCycle.put("ramme tekst", Map.of("ramme", "fem millioner"));
        badCycle.put("ramme 1 MB", Map.of("ramme", MEGABYTE));
        badCycle.put("ramme skript", Map.of("ramme", "<script>alert(1)</script>"));
        badCycle.put("ramme mangler", Map.of("ramme", MISSING));
        badCycle.put("aar tekst", Map.of("aar", "i fjor"));
        badCycle.put("aar 1900", Map.of("aar", 1900));
        badCycle.put("aar mangler", Map.of("aar", MISSING));
        badCycle.put("embete ukjent", Map.of("embete", "atlantis"));
        badCycle.put("embete annet embete", Map.of("embete", "rogaland"));
        badCycle.put("embete 1 MB", Map.of("embete", MEGABYTE));
        badCycle.put("ordning ukjent", Map.of("ordning", "LOTTO"));
        badCycle.put("ordning tall", Map.of("ordning", 42));
        badCycle.put("ordning mangler", Map.of("ordning", MISSING));
        badCycle.put("ramme ett øre over maks", Map.of("ramme", "1 000 000 000 000,01"));
        badCycle.put("rammeOre ett øre over maks", Map.of("ramme", MISSING, "rammeOre", Money.MAX_ORE + 1));
        badCycle.put("rammeOre vitenskapelig", Map.of("ramme", MISSING, "rammeOre", new RawNumber("1e9", "Long")));
        badCycle.put("aar flyter over", Map.of("aar", new RawNumber("99999999999", "Integer")));
        badCycle.put("udeklarert variabel med skript", Map.of("notat", "<script>alert(1)</script>"));
        badCycle.put("udeklarert variabel på 900 kB", Map.of("vedlegg", "a".repeat(900 * 1024)));
        badCycle.put("ramme usynlige tegn", Map.of("ramme", "1\u200B000"));
        badCycle.forEach((name, change) -> all.add(DynamicTest.dynamicTest("arssyklus-start: " + name, () ->
                refused("arssyklus-start: " + name, CASEWORKER, "POST", "/engine-rest/process-definition/key/arssyklus/start",
                        variables(merged(cycle, (Map<String, Object>) change)), null))));

        Map<String, Object> owner = Map.of("organisasjonsnummer", "915 000 001", "navn", "Testskolen AS",
                "eiertype", "PRIVAT_SKOLEEIER", "embete", "vestland", "kontaktEpost", "post@testskolen.example");
        Map<String, Object> badOwner = new LinkedHashMap<>();
        badOwner.put("orgnr feil kontrollsiffer", Map.of("organisasjonsnummer", "123456789"));
        badOwner.put("orgnr for kort", Map.of("organisasjonsnummer", "12345"));
        badOwner.put("orgnr tekst", Map.of("organisasjonsnummer", "Equinor"));
        badOwner.put("orgnr tall", Map.of("organisasjonsnummer", 923609016));
        badOwner.put("orgnr finnes som kommune", Map.of("organisasjonsnummer", BERGEN));
        badOwner.put("navn skript", Map.of("navn", "<script>alert(1)</script>"));
        badOwner.put("navn 1 MB", Map.of("navn", MEGABYTE));
        badOwner.put("navn mangler", Map.of("navn", MISSING));
        badOwner.put("eiertype ukjent", Map.of("eiertype", "AKSJESELSKAP"));
        badOwner.put("embete ukjent", Map.of("embete", "atlantis"));
        badOwner.put("e-post ugyldig", Map.of("kontaktEpost", "ikke-en-adresse"));
        badOwner.put("e-post skript", Map.of("kontaktEpost", "<script>@x.no"));
        UNREADABLE.forEach((kind, text) -> badOwner.put("navn " + kind, Map.of("navn", text.substring(0, Math.min(text.length(), 30)))));
        badOwner.put("e-post nullbredde", Map.of("kontaktEpost", "post\u200B@testskolen.example"));
        badOwner.put("udeklarert variabel registrertAv", Map.of("registrertAv", "demo-admin"));
        badOwner.forEach((name, change) -> all.add(DynamicTest.dynamicTest("registrer-privat-eier: " + name, () ->
                refused("registrer-privat-eier: " + name, CASEWORKER, "POST", "/engine-rest/process-definition/key/registrer-privat-eier/start",
                        variables(merged(owner, (Map<String, Object>) change)), null))));

        Map<String, String> badAccounts = new LinkedHashMap<>();
        badAccounts.put("kontonummer feil kontrollsiffer", "{\"kontonummer\": \"1234.56.78901\"}");
        badAccounts.put("kontonummer for kort", "{\"kontonummer\": \"1234\"}");
        badAccounts.put("kontonummer tekst", "{\"kontonummer\": \"konto\"}");
        badAccounts.put("kontonummer tall", "{\"kontonummer\": 12345678901}");
        badAccounts.put("kontonummer skript", "{\"kontonummer\": \"<script>alert(1)</script>\"}");
        badAccounts.put("kontonummer 1 MB", "{\"kontonummer\": \"" + MEGABYTE + "\"}");
        badAccounts.put("kontonummer mangler", "{}");
        badAccounts.put("ikke JSON", "kontonummer=1");
        badAccounts.put("kontonummer bare nuller", "{\"kontonummer\": \"0000.00.00000\"}");
        badAccounts.put("samme nøkkel to ganger", "{\"kontonummer\": \"1503.12.34562\", \"kontonummer\": \"1234\"}");
        badAccounts.put("kontonummer med nullbredde", "{\"kontonummer\": \"1503.12.3456\u200B2\"}");
        badAccounts.forEach((name, body) -> all.add(DynamicTest.dynamicTest("PUT kontonummer: " + name, () ->
                refused("PUT kontonummer: " + name, CASEWORKER, "PUT", "/api/stamdata/kontonummer/" + BERGEN, body, null))));
        Map<String, String> badOrgnr = Map.of("orgnr feil", "123456789", "orgnr tekst", "bergen",
                "orgnr kommersiell", COMMERCIAL);
        badOrgnr.forEach((name, orgnr) -> all.add(DynamicTest.dynamicTest("PUT kontonummer: " + name, () ->
                refused("PUT kontonummer: " + name, CASEWORKER, "PUT", "/api/stamdata/kontonummer/" + orgnr, "{\"kontonummer\": \"1503.12.34562\"}", null))));

        Map<String, String> badMigrations = new LinkedHashMap<>();
        badMigrations.put("tom", "{}");
        badMigrations.put("ukjent prosess", "{\"prosess\": \"lotto\", \"fraVersjon\": 1, \"tilVersjon\": 2}");
        badMigrations.put("versjon tekst", "{\"prosess\": \"arssyklus\", \"fraVersjon\": \"en\", \"tilVersjon\": 2}");
        badMigrations.put("negativ versjon", "{\"prosess\": \"arssyklus\", \"fraVersjon\": -1, \"tilVersjon\": 2}");
        badMigrations.put("prosess skript", "{\"prosess\": \"<script>\", \"fraVersjon\": 1, \"tilVersjon\": 2}");
        badMigrations.put("prosess 1 MB", "{\"prosess\": \"" + MEGABYTE + "\", \"fraVersjon\": 1, \"tilVersjon\": 2}");
        badMigrations.put("ikke JSON", "<migrering/>");
        badMigrations.forEach((name, body) -> all.add(DynamicTest.dynamicTest("POST migrering: " + name, () ->
                refused("POST migrering: " + name, "demo-prosesseier", "POST", "/api/prosesseier/migrering", body, null))));

        // what no endpoint takes: unknown paths, wrong methods and content types, a NUL in the path, over 1 MiB
        List<String[]> requests = List.of(
                new String[]{"api: adresse som ikke finnes", CASEWORKER, "GET", "/api/finnes-ikke", null, ""},
                new String[]{"api: feil metode", CASEWORKER, "DELETE", "/api/stamdata/uh", null, ""},
                new String[]{"api: feil innholdstype", CASEWORKER, "PUT", "/api/stamdata/kontonummer/" + BERGEN, "text/plain",
                        "1503.12.34562"},
                new String[]{"api: NUL i adressen", CASEWORKER, "GET", "/api/stamdata/eiere/%00", null, ""},
                new String[]{"api: 2 MB", CASEWORKER, "PUT", "/api/stamdata/kontonummer/" + BERGEN, "application/json",
                        "{\"kontonummer\": \"" + MEGABYTE + MEGABYTE + "\"}"},
                new String[]{"revisjon: sak som ikke finnes", "demo-revisor", "GET", "/revisjon/sykluser/finnes-ikke", null, ""},
                new String[]{"engine: NUL i adressen", CASEWORKER, "GET", "/engine-rest/task/%00", null, null},
                new String[]{"engine: adresse som ikke finnes", CASEWORKER, "GET", "/engine-rest/finnes-ikke", null, null},
                new String[]{"engine: start med feil metode", CASEWORKER, "GET",
                        "/engine-rest/process-definition/key/arssyklus/start", null, null});
        for (String[] r : requests) {
            all.add(DynamicTest.dynamicTest(r[0], () -> refused(r[0], r[1], r[2], r[3], r[4] == null ? "application/json" : r[4],
                    r[5], null)));
        }
        return all.stream();
    }

    // --- the cases ---------------------------------------------------------------------------------------------

    static final Object MISSING = new Object();

    /** A dynamic list's rows as Tasklist sends them: a Json variable holding the JSON text. */
    record JsonText(String json) {
    }

    static JsonText rows(List<Map<String, Object>> rows) {
        try {
            return new JsonText(JSON.writeValueAsString(rows));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The valid measure with one field changed (or removed, when the value is MISSING). */
    static JsonText measureWith(String field, Object value) {
        Map<String, Object> row = Applications.measure(HVL);
        if (value == MISSING) {
            row.remove(field);
        } else {
            row.put(field, value);
        }
        return rows(List.of(row));
    }

    /** A number as it stands in the JSON (e.g. 1e3, 99999999999), with the type the client claims for it. */
    record RawNumber(String json, String type) {
    }

    /** Texts no person can read, or with nothing to read, by the class of character (docs/api.md, «Tekst»). */
    static final Map<String, String> UNREADABLE = new LinkedHashMap<>();

    static {
        String text = "Lærerne deltok i kartleggingen på hver skole.";
        UNREADABLE.put("kontrolltegn NUL", text.replace("deltok", "del\u0000tok"));
        UNREADABLE.put("retningsoverstyring", text.replace("deltok", "\u202Edeltok\u202C"));
        UNREADABLE.put("retningsisolat", text.replace("deltok", "\u2066deltok\u2069"));
        UNREADABLE.put("nullbredde tegn", text.replace("deltok", "del\u200Btok"));
        UNREADABLE.put("ensom surrogat", text.replace("deltok", "del\uD800tok"));
        UNREADABLE.put("ikke-tegn", text.replace("deltok", "del\uFFFFtok"));
        UNREADABLE.put("bare usynlige tegn", "\u200B".repeat(20));
    }

    /** Every way to break a field of this type, by name. */
    static Map<String, Object> badValues(JsonNode field) {
        Map<String, Object> bad = new LinkedHashMap<>();
        JsonNode validate = field.path("validate");
        boolean required = validate.path("required").asBoolean(false);
        switch (field.path("type").asText()) {
            case "textfield", "textarea" -> {
                if (required) {
                    bad.put("mangler", MISSING);
                    bad.put("tom", "");
                }
                bad.put("tall i stedet for tekst", 12345);
                bad.put("1 MB tekst", MEGABYTE);
                bad.put("skript", SCRIPT);
                bad.put("markup", "<b onmouseover=alert(1)>fet</b> og mer tekst som er lang nok.");
                bad.putAll(UNREADABLE);
                if (required) {
                    bad.put("bare mellomrom", "\u00A0".repeat(20));
                }
                if (validate.path("pattern").asText().contains("\\d{1,3}")) {
                    bad.put("negativt beløp", "-5 000");
                    bad.put("enormt beløp", "999999999999999999999999");
                    bad.put("beløp i tekst", "fem millioner");
                }
            }
            case "number" -> {
                if (required) {
                    bad.put("mangler", MISSING);
                }
                bad.put("tekst i stedet for tall", "tolv");
                bad.put("negativt", -1);
                bad.put("enormt", 1_000_000_000_000L);
                bad.put("heltall som flyter over", new RawNumber("99999999999", "Integer"));
                bad.put("vitenskapelig notasjon", new RawNumber("1.2e2", "Integer"));
                bad.put("desimaltall", new RawNumber("12.5", "Double"));
            }
            case "dynamiclist" -> {
                bad.put("ingen tiltak", rows(List.of()));
                bad.put("tekst i stedet for rader", "Lesing i alle fag");
                bad.put("rader som ikke er JSON", new JsonText("[{\"tittel\": "));
                bad.put("rad uten tittel", measureWith("tittel", MISSING));
                bad.put("skript i tittel", measureWith("tittel", SCRIPT));
                bad.put("ukjent felt i rad", measureWith("eierNavn", "Equinor ASA"));
                bad.put("ukjent mål", measureWith("mal", List.of("PROFITT")));
                bad.put("uten mål (R12)", measureWith("mal", List.of()));
                bad.put("negativt beløp", measureWith("belopAr1", "-1"));
                bad.put("tall i stedet for tekst i beløp", measureWith("belopAr1", 1_000_000));
                bad.put("beløp i ord", measureWith("belopAr1", "en million"));
                bad.put("fire år (R14)", measureWith("belopAr4", "100"));
                bad.put("UH-partner som ikke er UH (R10)", measureWith("uhPartner", "923609016"));
                bad.put("for lite egenfinansiering (R1)", measureWith("egenfinansiering", "1"));
                bad.put("for stor koordinatorandel (R4)", measureWith("koordinator", "1 000 000"));
                List<Map<String, Object>> many = new ArrayList<>();
                for (int i = 0; i < 21; i++) {
                    many.add(Applications.measure(HVL));
                }
                bad.put("21 tiltak", rows(many));
            }
            case "checklist" -> {
                // «Felles møte med»: the other cycles of a joint forum meeting
                bad.put("tekst i stedet for liste", "Alle ordningene");
                bad.put("tall i stedet for liste", 7);
                bad.put("liste av tall", new JsonText("[7]"));
                bad.put("liste som ikke er JSON", new JsonText("[\"a\", "));
                bad.put("ukjent syklus", new JsonText("[\"UKJENT\"]"));
                bad.put("skript som valg", new JsonText("[\"<script>alert(1)</script>\"]"));
            }
            case "checkbox" -> {
                bad.put("tekst i stedet for ja/nei", "ja");
                bad.put("tall i stedet for ja/nei", 1);
            }
            case "select", "radio" -> {
                if (required) {
                    bad.put("mangler", MISSING);
                }
                bad.put("ukjent valg", "UKJENT");
                bad.put("tall i stedet for valg", 7);
                bad.put("1 MB valg", MEGABYTE);
                bad.put("skript som valg", "<script>alert(1)</script>");
            }
            default -> {
            }
        }
        return bad;
    }

    /** A valid submission for each task form; each case breaks one field of it. */
    static final Map<String, Map<String, Object>> VALID = Map.of(
            "behovsmelding", Map.of("medvirkning", "Skoleledere og lærere deltok i kartleggingen.",
                    "behov", "Lesing og inkluderende læringsmiljø.", "tiltak", rows(List.of(Applications.measure(HVL)))),
            "frist-passert", Map.of("fristValg", "DELTAR_IKKE", "begrunnelseIkkeDeltakelse", "Svarte ikke på henvendelser."),
            "forbered-forum", Map.of("sakspapirer", "Møte 10. mars."),
            "innstilling", Map.of("forumEnig", true, "prioriteringer", "Lesing", "begrunnelse", "Forumets innstilling."),
            "rett-regelbrudd", Map.of("begrunnelse", "Rettet."),
            "reservevedtak", Map.of("prioriteringer", "Lesing", "begrunnelse", "Forumet ble ikke enig."),
            "egenvurdering", Map.of("brukt", "7 000 000", "egenfinansiering", "2 100 000", "gjennomforteTiltak", "Nettverk.",
                    "deltakere", 120, "vurdering", "God deltakelse."),
            "vurder-egenvurdering", Map.of("godkjent", true, "overforingVedtatt", false),
            "send-rapport", Map.of("merknad", "Sendt Udir."));

    /** Lines that cannot be read: refused like any bad field. */
    static final Map<String, String> BAD_LINES = new LinkedHashMap<>();
    /** Lines that can be read but break a rule: the case goes to "Rett regelbrudd" with the breach named. */
    static final Map<String, String> BREACHING_LINES = new LinkedHashMap<>();

    static {
        String rest = "; 0; 0; 0; Lesing; etterutdanning; 2034; 2034";
        BAD_LINES.put("ugyldig orgnr", "123456789; 10 000 000" + rest);
        BAD_LINES.put("beløp i tekst", BERGEN + "; ti millioner" + rest);
        BAD_LINES.put("for få felt", BERGEN + "; 10 000 000");
        BAD_LINES.put("tomt", " ");
        BAD_LINES.put("negativt beløp", BERGEN + "; -10 000 000; 3 000 000; 0; 0; Lesing; etterutdanning; 2034; 2034");
        BAD_LINES.put("enormt beløp", BERGEN + "; 999 999 999 999 999; 300 000 000 000 000; 0; 0; Lesing; etterutdanning; 2034; 2034");
        BAD_LINES.put("skript i tiltaket", BERGEN + "; 10 000 000; 3 000 000; 0; 0; <script>alert(1)</script>; etterutdanning; 2034; 2034");
        BREACHING_LINES.put("R2 kommersiell mottaker", COMMERCIAL + "; 10 000 000" + rest);
        BREACHING_LINES.put("R4 videreutdanning", BERGEN + "; 7 000 000; 2 100 000; 0; 0; Master; videreutdanning; 2034; 2034\n"
                + FK + "; 3 000 000; 900 000; 0; 0; Lesing; etterutdanning; 2034; 2034");
        BAD_LINES.put("R6 sum over rammen", BERGEN + "; 17 000 000; 5 100 000; 0; 0; Lesing; etterutdanning; 2034; 2034");
        BREACHING_LINES.put("R1 for lav egenfinansiering", BERGEN + "; 10 000 000; 1; 0; 0; Lesing; etterutdanning; 2034; 2034");
    }

    @TestFactory
    Stream<DynamicTest> a_distribution_that_breaks_a_rule_goes_to_correction_and_decides_nothing() {
        return BREACHING_LINES.entrySet().stream().map(line -> DynamicTest.dynamicTest(line.getKey(), () -> {
            cases++;
            Task correction = tasks.createTaskQuery().taskDefinitionKey("Task_CorrectBreaches")
                    .processVariableValueEquals("aar", 2034).singleResult();
            long decisions = jdbc.sql("select count(*) from km_decision").query(Long.class).single();
            HttpRequest save = People.basic(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sykluser/"
                    + tasks.getVariable(correction.getId(), "syklusId") + "/fordeling")), CASEWORKER, "demo")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(rows("AMOUNTS", line.getValue()))).build();
            HttpResponse<String> saved = http.send(save, HttpResponse.BodyHandlers.ofString());
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
            HttpRequest request = People.basic(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/engine-rest/task/" + correction.getId() + "/complete")), CASEWORKER, "demo")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(variables(Map.of("begrunnelse", "Forsøk."))))
                    .build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
            Task again = tasks.createTaskQuery().taskDefinitionKey("Task_CorrectBreaches")
                    .processVariableValueEquals("aar", 2034).singleResult();
            assertThat(again).isNotNull();
            assertThat((String) tasks.getVariable(again.getId(), "regelbruddRegler"))
                    .contains(line.getKey().substring(0, 2));
            assertThat(jdbc.sql("select count(*) from km_decision").query(Long.class).single()).isEqualTo(decisions);
            assertThat(management.createJobQuery().activityId("Task_Pay").count()).isZero();
        }));
    }

    /** The distribution page's body: the key and the spreadsheet lines as rows. */
    static String rows(String key, String spreadsheetLines) {
        try {
            return JSON.writeValueAsString(Map.of("nokkel", key, "rader", no.kompetansemidler.domain.funding.ProposalLines
                    .split(spreadsheetLines, no.kompetansemidler.domain.funding.DistributionKey.AMOUNTS)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String lines(String bergenCoFinancing) {
        return CycleScenario.twoLines(2030, bergenCoFinancing);
    }

    static List<JsonNode> editableFields(JsonNode form) {
        List<JsonNode> fields = new ArrayList<>();
        for (JsonNode c : form.path("components")) {
            if (c.hasNonNull("key") && !c.path("readonly").asBoolean(false) && !c.path("type").asText().equals("datetime")) {
                fields.add(c);
            } else if (c.path("type").asText().equals("dynamiclist")) {
                fields.add(((ObjectNode) c.deepCopy()).put("key", c.path("path").asText()));
            }
        }
        return fields;
    }

    // --- one case ----------------------------------------------------------------------------------------------

    private void refused(String name, String user, String method, String path, String body, String taskId) throws Exception {
        refused(name, user, method, path, "application/json", body, taskId);
    }

    /**
     * One bad request, sent to every mount it concerns: an engine path ("/engine-rest/...") both to /engine-rest and,
     * as Tasklist sends it, to the webapps' engine API; the project's own paths once.
     */
    private void refused(String name, String user, String method, String path, String contentType, String body,
                         String taskId) throws Exception {
        if (!path.startsWith("/engine-rest")) {
            HttpRequest request = People.basic(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)), user, "demo")
                    .header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
            once(name, () -> http.send(request, HttpResponse.BodyHandlers.ofString()), taskId);
            return;
        }
        String below = path.substring("/engine-rest".length());
        once(name + " (/engine-rest)", () -> EngineApi.ENGINE_REST.send(port, user, method, below, contentType, body), taskId);
        String asTasklist = below.endsWith("/complete") ? below.replace("/complete", "/submit-form") : below;
        once(name + " (Tasklist)", () -> EngineApi.TASKLIST.send(port, user, method, asTasklist, contentType, body), taskId);
    }

    private void once(String name, java.util.concurrent.Callable<HttpResponse<String>> send, String taskId) throws Exception {
        cases++;
        Map<String, Object> before = database();
        HttpResponse<String> answer = send.call();
        assertThat(answer.statusCode()).as(name + " → " + answer.body()).isBetween(400, 499);
        assertThat(answer.body()).as(name + ": a clear message").isNotBlank().doesNotContain("Exception:", "at org.", "SQL");
        JsonNode shape = JSON.readTree(answer.body());
        assertThat(shape.path("status").asInt()).as(name + ": the one shape " + answer.body()).isEqualTo(answer.statusCode());
        assertThat(shape.path("type").asText()).as(name).isNotBlank();
        assertThat(shape.path("violations").isArray()).as(name).isTrue();
        assertThat(shape.path("message").asText()).as(name + ": in Norwegian").containsAnyOf("må", "kan ", "ugyldig",
                "Ugyldig", "finnes", "ikke", "gyldig", "feil", "Oppgi", "for stor", "Send ", "Velg", "Forespørselen");
        assertThat(database()).as(name + ": the database is unchanged").isEqualTo(before);
        if (taskId != null) {
            assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        }
    }

    /** Every table's row count, and every runtime variable's value: what an invalid submission must not change. */
    private Map<String, Object> database() {
        Map<String, Object> state = new TreeMap<>();
        for (String table : jdbc.sql("select table_name from information_schema.tables where table_schema = 'PUBLIC'"
                + " and table_type = 'BASE TABLE'").query(String.class).list()) {
            state.put(table, jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single());
        }
        state.put("variables", jdbc.sql("select id_, rev_, text_, long_, double_ from act_ru_variable order by id_")
                .query().listOfRows().toString());
        return state;
    }

    private static String variables(Map<String, Object> values) throws Exception {
        ObjectNode variables = JSON.createObjectNode();
        values.forEach((name, value) -> {
            if (value == MISSING) {
                return;
            }
            ObjectNode typed = variables.putObject(name);
            if (value instanceof JsonText json) {
                typed.put("value", json.json());
                typed.put("type", "Json");
                return;
            }
            if (value instanceof RawNumber raw) {
                typed.putRawValue("value", new com.fasterxml.jackson.databind.util.RawValue(raw.json()));
                typed.put("type", raw.type());
                return;
            }
            typed.putPOJO("value", value);
            typed.put("type", value instanceof String ? "String" : value instanceof Boolean ? "Boolean"
                    : value instanceof Long ? "Long" : "Integer");
        });
        return EngineApi.escapeLoneSurrogates(JSON.writeValueAsString(Map.of("variables", variables)));
    }

    private static Map<String, Object> merged(Map<String, Object> valid, Map<String, Object> change) {
        Map<String, Object> all = new LinkedHashMap<>(valid);
        all.putAll(change);
        return all;
    }

    // --- driving cycles to a stage through the API ---------------------------------------------------------------

    private void cycleUpTo(int year, String stage) {
        scenario.upTo(year, stage);
    }

    private void start(int year) {
        scenario.start("DEKOM", year, "10 000 000");
    }

    private void record(Map<String, String> formToTask) {
        formToTask.forEach((form, definitionKey) -> {
            Task task = tasks.createTaskQuery().taskDefinitionKey(definitionKey).list().get(0);
            taskOfForm.put(form, task);
            String owner = (String) tasks.getVariable(task.getId(), "eier");
            boolean ownersTask = form.equals("behovsmelding") || form.equals("egenvurdering");
            userOfForm.put(form, !ownersTask ? CASEWORKER : BERGEN.equals(owner) ? "demo-eier-bergen"
                    : FK.equals(owner) ? "demo-eier-vestlandfk" : null);
            if (userOfForm.get(form) == null) {
                // a need report of an owner without a demo login: take Bergen's
                Task bergen = tasks.createTaskQuery().taskDefinitionKey(definitionKey)
                        .processVariableValueEquals("eier", BERGEN).list().get(0);
                taskOfForm.put(form, bergen);
                userOfForm.put(form, "demo-eier-bergen");
            }
        });
    }
}
