package no.kompetansemidler.security;

import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.Years;
import no.kompetansemidler.testkit.Http;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.EngineApi;
import no.kompetansemidler.testkit.People;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role × every action over real HTTP: allowed or denied as docs/sikkerhet.md says, and a denied action
 * changes nothing. A Vestland DEKOM cycle is running: Bergen's and Vestland fylkeskommune's need-report tasks are
 * open, and one missed deadline is with the Vestland caseworkers.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityMatrixTest {
    // (SecurityMatrixTokenTest runs every row again with tokens from an OpenID Connect provider instead of passwords)

    /** This test's cycle (a year of its own) and the years its starts use. */
    final int year = Years.next();
    final String key = "vestland-DEKOM-" + year;
    final Map<String, Integer> startYears = Map.of("nektet", Years.next(), "saksbehandler", Years.next(),
            "admin", Years.next());
    static final String DENIED = "DENIED";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    org.springframework.context.ApplicationContext context;

    String taskA;
    String taskB;
    String taskOther;
    String needReportA;
    String cycleId;
    String cycleToDelete;

    @BeforeAll
    void aCycleIsRunning() throws Exception {
        String cycle = People.as(identity, "demo-saksbehandler", () -> runtime.startProcessInstanceByKey("arssyklus",
                Map.of("embete", "vestland", "ordning", "DEKOM", "aar", year, "ramme", "1 000 000"))).getId();
        cycleId = (String) runtime.getVariable(cycle, "syklusId");
        taskA = ownerTask(CycleScenario.BERGEN).getId();
        needReportA = ownerTask(CycleScenario.BERGEN).getProcessInstanceId();
        taskB = ownerTask(CycleScenario.VESTLAND_FK).getId();
        String askoyInstance = ownerTask(CycleScenario.ASKOY).getProcessInstanceId();
        management.executeJob(management.createJobQuery().processInstanceId(askoyInstance)
                .activityId("BoundaryEvent_DeadlinePassed").singleResult().getId());
        taskOther = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("Task_SubmitNeedReport")
                .list().stream()
                .filter(t -> !t.getId().equals(taskA) && !t.getId().equals(taskB)).findFirst().orElseThrow().getId();
        cycleToDelete = People.as(identity, "demo-saksbehandler", () -> runtime.startProcessInstanceByKey("arssyklus",
                Map.of("embete", "vestland", "ordning", "REKOM", "aar", Years.next(), "ramme", "1 000"))).getId();
        // a task of every user task in the models, for the rows on what a completion may carry
        openTasks.put("Task_SubmitNeedReport", tasks.createTaskQuery().taskId(taskB).singleResult());
        openTasks.put("Task_HandleMissedDeadline", tasks.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey("Task_HandleMissedDeadline").singleResult());
        Map<String, CycleScenario> stages = new LinkedHashMap<>();
        for (String stage : List.of("Task_ConfirmPartnership", "Task_PrepareForum", "Task_RecordRecommendation", "Task_CorrectBreaches",
                "Task_FallbackDecision", "Task_SignOff", "Task_SendReport")) {
            CycleScenario scenario = new CycleScenario(context);
            scenario.upTo(Years.next(), stage);
            stages.put(stage, scenario);
            openTasks.put(stage, scenario.taskQuery().taskDefinitionKey(stage).singleResult());
        }
        CycleScenario blocked = new CycleScenario(context);
        blocked.upTo(Years.next(), "Task_RegisterAccount");
        openTasks.put("Task_RegisterAccount", blocked.taskQuery().taskDefinitionKey("Task_RegisterAccount").singleResult());
        CycleScenario failed = new CycleScenario(context);
        failed.upTo(Years.next(), "Task_PaymentFailed");
        openTasks.put("Task_PaymentFailed", failed.taskQuery().taskDefinitionKey("Task_PaymentFailed").singleResult());
        CycleScenario selfEvaluation = new CycleScenario(context);
        selfEvaluation.upTo(Years.next(), "Task_SubmitSelfEvaluation");
        openTasks.put("Task_SubmitSelfEvaluation", selfEvaluation.taskFor("Task_SubmitSelfEvaluation", CycleScenario.BERGEN));
        openTasks.put("Task_ReviewSelfEvaluation", selfEvaluation.taskFor("Task_ReviewSelfEvaluation",
                CycleScenario.VESTLAND_FK));
        // complaints on decisions whose letters are delivered: Bergen's waits for the caseworker, the county's for a
        // leader (upheld, lower), and in the other cycle the county's for Udir (kept)
        bergensDecision = selfEvaluation.businessKey() + "/" + CycleScenario.BERGEN;
        openTasks.put("Task_AssessComplaint", complain(bergensDecision, "demo-eier-bergen"));
        Task toLeader = complain(selfEvaluation.businessKey() + "/" + CycleScenario.VESTLAND_FK, "demo-eier-vestlandfk");
        selfEvaluation.complete(toLeader, "demo-saksbehandler", Map.of("klageUtfall", "OMGJORES", "nyttBelop",
                "2 000 000", "klageVurdering", "Fylkeskommunen har avlyst ett av tiltakene."));
        openTasks.put("Task_ApproveNewDecision", tasks.createTaskQuery().processInstanceId(toLeader.getProcessInstanceId())
                .singleResult());
        Task toUdir = complain(stages.get("Task_SendReport").businessKey() + "/" + CycleScenario.VESTLAND_FK,
                "demo-eier-vestlandfk");
        selfEvaluation.complete(toUdir, "demo-saksbehandler", Map.of("klageUtfall", "OPPRETTHOLDES",
                "klageVurdering", "Forumets prioritering står fast."));
        openTasks.put("Task_UdirDecides", tasks.createTaskQuery().processInstanceId(toUdir.getProcessInstanceId())
                .singleResult());
    }

    /** The reference of Bergen's decision in a cycle with its letters delivered («Klage på vedtak»). */
    String bergensDecision;

    /** The owner's user complains on the decision; the complaint's task for the caseworker. */
    Task complain(String reference, String user) {
        String definition = context.getBean(org.camunda.bpm.engine.RepositoryService.class)
                .createProcessDefinitionQuery().processDefinitionKey("klage").latestVersion().singleResult().getId();
        var instance = People.as(identity, user, () -> context.getBean(org.camunda.bpm.engine.FormService.class)
                .submitStartForm(definition, Map.of("referanse", reference, "klagegrunn",
                        "Vi mener vedtaket bygger på feil opplysninger om tiltaket.")));
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** An open task of each user task, by its definition key. */
    final Map<String, Task> openTasks = new LinkedHashMap<>();

    Task ownerTask(String owner) {
        return tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("Task_SubmitNeedReport")
                .processVariableValueEquals("eier", owner).singleResult();
    }

    // --- how a person reaches the system: with the demo's passwords here, with tokens in SecurityMatrixTokenTest ---

    HttpResponse<String> call(String user, String method, String path, String json) throws Exception {
        return Http.call(port, user, method, path, json);
    }

    /** A call below one of the engine's REST mounts (/engine-rest, or Tasklist's engine API in a logged-in session). */
    HttpResponse<String> api(EngineApi api, String user, String method, String path, String json) throws Exception {
        return api.call(port, user, method, path, json);
    }

    /** A deployment as Camunda Modeler sends it. */
    HttpResponse<String> deploy(String user, String fileName, String model) throws Exception {
        return Http.multipart(port, user, "/engine-rest/deployment/create", fileName, model);
    }

    /** The user id the engine knows the person by. */
    String idOf(String user) throws Exception {
        return user;
    }

    /** Refused as the role must be: 401 without a login, else 403 or 404; in Norwegian, saying nothing of the case. */
    static void assertDenied(HttpResponse<String> response, String user) {
        if (Http.ANONYMOUS.equals(user)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("\"type\":\"IkkeInnlogget\"").contains("Du må logge inn");
        } else {
            assertThat(response.statusCode()).as(response.body()).isIn(403, 404);
            assertThat(response.body()).startsWith("{\"status\":" + response.statusCode())
                    .doesNotContain("Bergen kommune").doesNotContain("\"value\"").doesNotContain("permission");
        }
    }

    static long count(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return Long.parseLong(response.body().replaceAll("\\D", ""));
    }

    @ParameterizedTest(name = "{0} lists {1} tasks of the cycle")
    @CsvSource({"demo-eier-bergen, 1", "demo-eier-vestlandfk, 1", "demo-saksbehandler, 1",
            "demo-saksbehandler-rogaland, 0", "demo-saksbehandler-fk, 0", "demo-revisor, -1", "demo-prosesseier, 0", "demo-admin, -1",
            "anonym, 401"})
    @Order(1)
    void list_tasks(String user, int expected) throws Exception {
        if (expected == -1) { // every task of the cycle: one per owner that may take part (44 in the demo)
            expected = (int) tasks.createTaskQuery().processInstanceBusinessKey(key).count();
            assertThat(expected).isGreaterThanOrEqualTo(44);
        }
        HttpResponse<String> response = call(user, "GET", "/engine-rest/task/count?processInstanceBusinessKey=" + key, null);
        if (expected == 401) {
            assertDenied(response, user);
        } else {
            assertThat(count(response)).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} reads Bergen's task and its variables: {1}")
    @CsvSource({"demo-eier-bergen, 200", "demo-eier-vestlandfk, DENIED", "demo-saksbehandler, DENIED",
            "demo-saksbehandler-rogaland, DENIED", "demo-saksbehandler-fk, DENIED", "demo-revisor, 200", "demo-prosesseier, DENIED", "demo-admin, 200",
            "anonym, DENIED"})
    @Order(2)
    void read_a_task_form_and_variables(String user, String expected) throws Exception {
        HttpResponse<String> task = call(user, "GET", "/engine-rest/task/" + taskA, null);
        HttpResponse<String> variables = call(user, "GET", "/engine-rest/task/" + taskA + "/form-variables", null);
        if (expected.equals(DENIED)) {
            assertDenied(task, user);
            assertDenied(variables, user);
        } else {
            assertThat(task.statusCode()).isEqualTo(200);
            assertThat(variables.statusCode()).isEqualTo(200);
            assertThat(variables.body()).contains("Bergen kommune");
        }
    }

    @ParameterizedTest(name = "{0} claims Bergen's task: {1}")
    @CsvSource({"demo-eier-vestlandfk, DENIED", "demo-saksbehandler, DENIED", "demo-saksbehandler-rogaland, DENIED", "demo-saksbehandler-fk, DENIED",
            "demo-revisor, DENIED", "demo-prosesseier, DENIED", "anonym, DENIED", "demo-eier-bergen, 204",
            "demo-admin, 204"})
    @Order(3)
    void claim(String user, String expected) throws Exception {
        HttpResponse<String> response = call(user, "POST", "/engine-rest/task/" + taskA + "/claim",
                "{\"userId\": \"" + idOf(user) + "\"}");
        if (expected.equals(DENIED)) {
            assertDenied(response, user);
            assertThat(tasks.createTaskQuery().taskId(taskA).singleResult().getAssignee()).isNull();
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
            assertThat(tasks.createTaskQuery().taskId(taskA).singleResult().getAssignee()).isEqualTo(idOf(user));
            HttpResponse<String> unclaim = call(user, "POST", "/engine-rest/task/" + taskA + "/unclaim", null);
            assertThat(unclaim.statusCode()).as(unclaim.body()).isEqualTo(204);
        }
    }

    static final String NEED_REPORT = """
            {"variables": {%s,
              "medvirkning": {"value": "Skoleledere og lærere deltok i kartleggingen."},
              "behov": {"value": "Lesing."}}}""".formatted(no.kompetansemidler.testkit.Applications.restMeasures("917641404"));

    @ParameterizedTest(name = "{0} completes {1}: {2}")
    @CsvSource({"demo-eier-vestlandfk, A, DENIED", "demo-saksbehandler, A, DENIED",
            "demo-saksbehandler-rogaland, A, DENIED", "demo-saksbehandler-fk, A, DENIED", "demo-revisor, A, DENIED", "demo-prosesseier, A, DENIED",
            "anonym, A, DENIED", "demo-eier-bergen, A, 204", "demo-admin, OTHER, 204"})
    @Order(4)
    void complete(String user, String which, String expected) throws Exception {
        String task = which.equals("A") ? taskA : taskOther;
        HttpResponse<String> response = call(user, "POST", "/engine-rest/task/" + task + "/complete", NEED_REPORT);
        if (expected.equals(DENIED)) {
            assertDenied(response, user);
            assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
        } else {
            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(tasks.createTaskQuery().taskId(task).count()).isZero();
        }
    }

    /**
     * The leader's sign-off: only the embete's leaders work it (the caseworker who prepared the distribution, the
     * other embete, the owners, the auditor and the process owner are refused, and nothing is decided); a leader who
     * prepared it is refused by the engine (LettersTest, DecisionDelegatesTest).
     */
    @ParameterizedTest(name = "{0} signs off the decisions: DENIED")
    @CsvSource({"demo-saksbehandler", "demo-saksbehandler-rogaland", "demo-saksbehandler-fk", "demo-eier-bergen", "demo-revisor",
            "demo-prosesseier", "anonym"})
    @Order(4)
    void sign_off_the_decisions(String user) throws Exception {
        Task signOff = openTasks.get("Task_SignOff");
        for (EngineApi api : EngineApi.values()) {
            HttpResponse<String> response = api(api, user, "POST", "/task/" + signOff.getId()
                    + (api == EngineApi.TASKLIST ? "/submit-form" : "/complete"),
                    EngineApi.variables(Map.of("godkjenning", "GODKJENT")));
            assertDenied(response, user);
        }
        assertThat(tasks.createTaskQuery().taskId(signOff.getId()).count()).isOne();
        assertThat(runtime.getVariable(signOff.getProcessInstanceId(), "vedtakGodkjent")).isNull();
    }

    /**
     * A complaint on Bergen's decision: only Bergen's users lodge it. Another owner is answered as if the decision
     * did not exist (400 EGNE_VEDTAK, the same as a reference that does not exist); the staff and the administrator
     * may not start it as an owner; nothing is stored for any of them.
     */
    @ParameterizedTest(name = "{0} complains on Bergen's decision: {1}")
    @CsvSource({"demo-eier-vestlandfk, 400", "demo-uh, 403", "demo-saksbehandler, 403", "demo-leder, 403",
            "demo-udir, 403", "demo-revisor, 403", "demo-prosesseier, 403", "demo-admin, 400", "anonym, 401"})
    @Order(4)
    void complain_on_bergens_decision(String user, int status) throws Exception {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("klage").count();
        for (EngineApi api : EngineApi.values()) {
            HttpResponse<String> response = api(api, user, "POST", "/process-definition/key/klage/submit-form",
                    EngineApi.variables(Map.of("referanse", bergensDecision, "klagegrunn",
                            "Vi klager på Bergens vedtak, som vi mener er for høyt.")));
            if (status == 400) {
                EngineApi.assertRefused(response, 400, "referanse:EGNE_VEDTAK");
            } else {
                assertDenied(response, user);
            }
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("klage").count()).isEqualTo(before);
    }

    /** Udir decides a complaint the Statsforvalter kept: no one else works the task. */
    @ParameterizedTest(name = "{0} decides the complaint as the complaint body: DENIED")
    @CsvSource({"demo-saksbehandler", "demo-leder", "demo-eier-vestlandfk", "demo-revisor", "demo-prosesseier",
            "anonym"})
    @Order(4)
    void decide_a_complaint_as_udir(String user) throws Exception {
        Task udir = openTasks.get("Task_UdirDecides");
        for (EngineApi api : EngineApi.values()) {
            assertDenied(api(api, user, "POST", "/task/" + udir.getId() + (api == EngineApi.TASKLIST
                    ? "/submit-form" : "/complete"), EngineApi.variables(Map.of("udirUtfall", "STADFESTET",
                    "udirBegrunnelse", "Prioriteringen er innenfor forumets skjønn."))), user);
        }
        assertThat(tasks.createTaskQuery().taskId(udir.getId()).count()).isOne();
    }

    @ParameterizedTest(name = "{0} reads the history of Bergen's need report: {1}")
    @CsvSource({"demo-eier-bergen, true", "demo-eier-vestlandfk, false", "demo-saksbehandler, true",
            "demo-saksbehandler-rogaland, false", "demo-saksbehandler-fk, false", "demo-revisor, true", "demo-prosesseier, false", "demo-admin, true"})
    @Order(5)
    void read_history(String user, boolean allowed) throws Exception {
        long instances = count(call(user, "GET", "/engine-rest/history/process-instance/count?processInstanceId="
                + needReportA, null));
        long variables = count(call(user, "GET", "/engine-rest/history/variable-instance/count?processInstanceId="
                + needReportA, null));
        long taskHistory = count(call(user, "GET", "/engine-rest/history/task/count?taskId=" + taskA, null));
        assertThat(instances).isEqualTo(allowed ? 1 : 0);
        assertThat(variables > 0).isEqualTo(allowed);
        assertThat(taskHistory).isEqualTo(allowed ? 1 : 0);
    }

    @Test
    @Order(5)
    void anonymous_reads_no_history() throws Exception {
        assertDenied(call(Http.ANONYMOUS, "GET", "/engine-rest/history/process-instance?processInstanceId=" + needReportA,
                null), Http.ANONYMOUS);
    }

    @ParameterizedTest(name = "{0} starts a cycle: {1}")
    @CsvSource({"demo-eier-bergen, nektet, DENIED", "demo-eier-vestlandfk, nektet, DENIED",
            "demo-saksbehandler-rogaland, nektet, 400", "demo-saksbehandler-fk, nektet, 400", "demo-revisor, nektet, DENIED",
            "demo-prosesseier, nektet, DENIED", "anonym, nektet, DENIED", "demo-saksbehandler, saksbehandler, 200",
            "demo-admin, admin, 200"})
    @Order(6)
    void start_a_cycle(String user, String whose, String expected) throws Exception {
        int year = startYears.get(whose);
        HttpResponse<String> response = call(user, "POST", "/engine-rest/process-definition/key/arssyklus/start", """
                {"variables": {"embete": {"value": "vestland"}, "ordning": {"value": "REKOM"},
                  "aar": {"value": %d, "type": "Integer"}, "ramme": {"value": "1 000"}}}""".formatted(year));
        long started = runtime.createProcessInstanceQuery().processDefinitionKey("arssyklus")
                .processInstanceBusinessKey("vestland-REKOM-" + year).count();
        if (expected.equals("200")) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(started).isEqualTo(1);
        } else if (expected.equals("400")) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("TILGANG");
            assertThat(started).isZero();
        } else {
            assertDenied(response, user);
            assertThat(started).isZero();
        }
    }

    /** The year of Udir's selection this test class sends (one kommune, Askøy). */
    final int selectionYear = Years.forSelection();

    @ParameterizedTest(name = "{0} sends Udir's selection to Oppfølgingsordningen: {1}")
    @CsvSource({"demo-eier-bergen, DENIED", "demo-saksbehandler, DENIED", "demo-saksbehandler-fk, DENIED",
            "demo-leder, DENIED", "demo-revisor, DENIED", "demo-prosesseier, DENIED", "anonym, DENIED",
            "demo-udir, 200"})
    @Order(6)
    void send_udirs_selection(String user, String expected) throws Exception {
        HttpResponse<String> response = call(user, "POST",
                "/engine-rest/process-definition/key/oppfolging-utvalg/submit-form", """
                        {"variables": {"utvalg": {"value": "%d;4627;%s"}}}""".formatted(selectionYear,
                        no.kompetansemidler.testkit.Organisations.ASKOY));
        long started = runtime.createProcessInstanceQuery().processInstanceBusinessKey(
                "oppfolging-utvalg-" + selectionYear).count();
        if (expected.equals("200")) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(started).isEqualTo(1);
        } else {
            assertDenied(response, user);
            assertThat(started).isZero();
        }
    }

    static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <bpmn:process id="matrise" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" /><bpmn:endEvent id="e" />
              </bpmn:process>
            </bpmn:definitions>""";

    @ParameterizedTest(name = "{0} deploys a model: {1}")
    @CsvSource({"demo-eier-bergen, DENIED", "demo-eier-vestlandfk, DENIED", "demo-saksbehandler, DENIED",
            "demo-saksbehandler-rogaland, DENIED", "demo-saksbehandler-fk, DENIED", "demo-revisor, DENIED", "anonym, DENIED", "demo-prosesseier, 200",
            "demo-admin, 200"})
    @Order(7)
    void deploy(String user, String expected) throws Exception {
        long before = repository.createDeploymentQuery().count();
        HttpResponse<String> response = deploy(user, "matrise.bpmn",
                MODEL.replace("id=\"matrise\"", "id=\"matrise\" name=\"" + user + "\""));
        if (expected.equals(DENIED)) {
            assertDenied(response, user);
            assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
        } else {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(repository.createDeploymentQuery().count()).isEqualTo(before + 1);
        }
    }

    @ParameterizedTest(name = "{0} deletes a cycle: {1}")
    @CsvSource({"demo-eier-bergen, DENIED", "demo-eier-vestlandfk, DENIED", "demo-saksbehandler, DENIED",
            "demo-saksbehandler-rogaland, DENIED", "demo-saksbehandler-fk, DENIED", "demo-revisor, DENIED", "demo-prosesseier, DENIED",
            "anonym, DENIED", "demo-admin, 204"})
    @Order(8)
    void delete_a_process_instance(String user, String expected) throws Exception {
        HttpResponse<String> response = call(user, "DELETE", "/engine-rest/process-instance/" + cycleToDelete, null);
        long remaining = runtime.createProcessInstanceQuery().processInstanceId(cycleToDelete).count();
        if (expected.equals(DENIED)) {
            assertDenied(response, user);
            assertThat(remaining).isEqualTo(1);
        } else {
            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(remaining).isZero();
        }
    }

    @ParameterizedTest(name = "{0} reads the project's endpoints: payments {1}, master data {2}")
    @CsvSource({"demo-eier-bergen, 403, 200", "demo-eier-vestlandfk, 403, 200", "demo-saksbehandler, 200, 200",
            "demo-saksbehandler-rogaland, 403, 200", "demo-saksbehandler-fk, 403, 200", "demo-revisor, 200, 200", "demo-prosesseier, 403, 200",
            "demo-admin, 200, 200", "anonym, 401, 401"})
    @Order(9)
    void read_the_projects_own_endpoints(String user, int payments, int masterData) throws Exception {
        HttpResponse<String> paid = call(user, "GET", "/api/sykluser/" + cycleId + "/utbetalinger", null);
        assertThat(paid.statusCode()).isEqualTo(payments);
        if (payments != 200) {
            assertThat(paid.body()).startsWith("{\"status\":" + payments).doesNotContain("kr");
        }
        HttpResponse<String> report = call(user, "GET", "/api/rapporter/" + cycleId, null);
        assertThat(report.statusCode()).isEqualTo(payments == 200 ? 404 : payments);
        assertThat(call(user, "GET", "/api/stamdata/uh", null).statusCode()).isEqualTo(masterData);
    }

    @Test
    @Order(10)
    void owner_a_cannot_find_owner_bs_tasks_by_id_query_business_key_or_history() throws Exception {
        String a = "demo-eier-bergen";
        assertDenied(call(a, "GET", "/engine-rest/task/" + taskB, null), a);
        assertThat(call(a, "GET", "/engine-rest/task?candidateGroup=eier-821311632", null).body()).isEqualTo("[]");
        assertThat(call(a, "GET", "/engine-rest/task?processInstanceBusinessKey=" + key, null).body())
                .doesNotContain(taskB);
        assertThat(call(a, "GET", "/engine-rest/history/task?taskId=" + taskB, null).body()).isEqualTo("[]");
        assertThat(call(a, "GET", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key, null).body())
                .contains(needReportA).doesNotContain(ownerTask(CycleScenario.VESTLAND_FK).getProcessInstanceId());
        assertThat(call(a, "GET", "/engine-rest/history/variable-instance?variableName=eierNavn", null).body())
                .contains("Bergen kommune").doesNotContain("Vestland fylkeskommune");
    }

    @ParameterizedTest(name = "{0} creates a Tasklist filter: {1}")
    @CsvSource({"demo-eier-bergen, DENIED", "demo-saksbehandler, 200", "demo-revisor, 200", "demo-prosesseier, DENIED"})
    @Order(11)
    void only_roles_that_run_their_own_queries_create_filters(String user, String expected) throws Exception {
        HttpResponse<String> response = call(user, "POST", "/engine-rest/filter/create",
                "{\"resourceType\": \"Task\", \"name\": \"Mine\", \"query\": {}}");
        if (expected.equals(DENIED)) {
            assertDenied(response, user);
        } else {
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    /** Who completes each user task, and a variable of the process the task's form does not have. */
    static final Map<String, String[]> COMPLETERS = new LinkedHashMap<>();

    static {
        COMPLETERS.put("Task_SubmitNeedReport", new String[]{"demo-eier-vestlandfk", "eier"});
        COMPLETERS.put("Task_HandleMissedDeadline", new String[]{"demo-saksbehandler", "eier"});
        COMPLETERS.put("Task_ConfirmPartnership", new String[]{"demo-uh", "eier"});
        COMPLETERS.put("Task_PrepareForum", new String[]{"demo-saksbehandler", "rammeOre"});
        COMPLETERS.put("Task_RecordRecommendation", new String[]{"demo-saksbehandler", "rammeOre"});
        COMPLETERS.put("Task_CorrectBreaches", new String[]{"demo-saksbehandler", "fordelingId"});
        COMPLETERS.put("Task_FallbackDecision", new String[]{"demo-saksbehandler", "vedtaksgrunnlag"});
        COMPLETERS.put("Task_SubmitSelfEvaluation", new String[]{"demo-eier-bergen", "tildeltBelop"});
        COMPLETERS.put("Task_ReviewSelfEvaluation", new String[]{"demo-saksbehandler", "vedtakId"});
        COMPLETERS.put("Task_SendReport", new String[]{"demo-saksbehandler", "antallVedtak"});
        COMPLETERS.put("Task_RegisterAccount", new String[]{"demo-saksbehandler", "utbetalingId"});
        COMPLETERS.put("Task_PaymentFailed", new String[]{"demo-saksbehandler", "vedtakId"});
        COMPLETERS.put("Task_SignOff", new String[]{"demo-leder", "fordelingId"});
        COMPLETERS.put("Task_AssessComplaint", new String[]{"demo-saksbehandler", "klageId"});
        COMPLETERS.put("Task_ApproveNewDecision", new String[]{"demo-leder", "klageId"});
        COMPLETERS.put("Task_UdirDecides", new String[]{"demo-udir", "klageId"});
    }

    static Stream<Arguments> every_task_every_role_that_completes_it_both_mounts() {
        List<Arguments> rows = new ArrayList<>();
        COMPLETERS.forEach((task, completer) -> {
            for (String user : List.of(completer[0], "demo-admin")) {
                for (EngineApi api : EngineApi.values()) {
                    rows.add(Arguments.of(task, user, api, completer[1]));
                }
            }
        });
        return rows.stream();
    }

    @ParameterizedTest(name = "{1} completes {0} on {2} with the extra variable {3}: 400")
    @MethodSource("every_task_every_role_that_completes_it_both_mounts")
    @Order(12)
    void a_completion_carries_only_its_forms_fields(String definitionKey, String user, EngineApi api, String extra)
            throws Exception {
        Task task = openTasks.get(definitionKey);
        Object before = runtime.getVariable(task.getExecutionId(), extra);
        HttpResponse<String> response = api(api, user, "POST", "/task/" + task.getId()
                + (api == EngineApi.TASKLIST ? "/submit-form" : "/complete"), EngineApi.variables(Map.of(extra, 2_000_000_000L)));
        EngineApi.assertRefused(response, 400, extra + ":SKJEMA");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(runtime.getVariable(task.getExecutionId(), extra)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} reads and changes the frame of a running cycle: {1}")
    @CsvSource({"demo-eier-bergen, DENIED", "demo-eier-vestlandfk, DENIED", "demo-saksbehandler-rogaland, DENIED", "demo-saksbehandler-fk, DENIED",
            "demo-prosesseier, DENIED", "anonym, DENIED", "demo-revisor, READ", "demo-saksbehandler, READ",
            "demo-admin, WRITE"})
    @Order(13)
    void the_cases_variables(String user, String expected) throws Exception {
        // finding 3 of the trust-boundary review: the process owner read every case and changed a cycle's frame
        String cycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key)
                .processDefinitionKey("arssyklus").singleResult().getId();
        Object frame = runtime.getVariable(cycle, "rammeOre");
        HttpResponse<String> read = call(user, "GET", "/engine-rest/process-instance/" + cycle + "/variables", null);
        HttpResponse<String> write = call(user, "PUT", "/engine-rest/process-instance/" + cycle + "/variables/rammeOre",
                "{\"value\": 1, \"type\": \"Long\"}");
        if (expected.equals(DENIED)) {
            assertDenied(read, user);
        } else {
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("rammeOre");
        }
        if (expected.equals("WRITE")) {
            assertThat(write.statusCode()).isEqualTo(204);
            runtime.setVariable(cycle, "rammeOre", frame);
        } else {
            assertDenied(write, user);
            assertThat(runtime.getVariable(cycle, "rammeOre")).isEqualTo(frame);
        }
        if (user.equals("demo-prosesseier")) { // nor through Cockpit's API, nor from the history
            assertDenied(api(EngineApi.TASKLIST, user, "GET", "/process-instance/" + cycle + "/variables", null), user);
            assertThat(call(user, "GET", "/engine-rest/history/variable-instance?processInstanceId=" + cycle, null).body())
                    .isEqualTo("[]");
        }
    }

    @ParameterizedTest(name = "{0} suspends and activates a cycle: {1}")
    @CsvSource({"demo-eier-bergen, DENIED", "demo-saksbehandler, DENIED", "demo-revisor, DENIED", "anonym, DENIED",
            "demo-prosesseier, 204", "demo-admin, 204"})
    @Order(7)
    void suspend(String user, String expected) throws Exception {
        HttpResponse<String> suspend = call(user, "PUT", "/engine-rest/process-instance/" + cycleToDelete + "/suspended",
                "{\"suspended\": true}");
        boolean suspended = runtime.createProcessInstanceQuery().processInstanceId(cycleToDelete).singleResult()
                .isSuspended();
        if (expected.equals(DENIED)) {
            assertDenied(suspend, user);
            assertThat(suspended).isFalse();
        } else {
            assertThat(suspend.statusCode()).isEqualTo(204);
            assertThat(suspended).isTrue();
            assertThat(call(user, "PUT", "/engine-rest/process-instance/" + cycleToDelete + "/suspended",
                    "{\"suspended\": false}").statusCode()).isEqualTo(204);
        }
    }

    @ParameterizedTest(name = "{0} changes the due date of Vestland fylkeskommune's task on {1}: {2}")
    @CsvSource({"demo-eier-vestlandfk, ENGINE_REST, DENIED", "demo-eier-vestlandfk, TASKLIST, DENIED",
            "demo-eier-bergen, ENGINE_REST, DENIED", "demo-saksbehandler, ENGINE_REST, DENIED",
            "demo-revisor, ENGINE_REST, DENIED", "demo-admin, TASKLIST, 204"})
    @Order(14)
    void change_a_tasks_due_date(String user, EngineApi api, String expected) throws Exception {
        // finding 4 of the trust-boundary review: an owner moved its own task's due date
        Task before = tasks.createTaskQuery().taskId(taskB).singleResult();
        HttpResponse<String> response = api(api, user, "PUT", "/task/" + taskB, """
                {"name": "%s", "due": "2099-12-31T00:00:00.000+0000", "priority": %d}"""
                .formatted(before.getName(), before.getPriority()));
        Task after = tasks.createTaskQuery().taskId(taskB).singleResult();
        if (expected.equals(DENIED)) {
            assertDenied(response, user);
            assertThat(after.getDueDate()).isEqualTo(before.getDueDate());
        } else {
            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(after.getDueDate()).isNotEqualTo(before.getDueDate());
            after.setDueDate(before.getDueDate());
            tasks.saveTask(after);
        }
    }

    @ParameterizedTest(name = "anonymous {0}: 401")
    @CsvSource({"/engine-rest/engine", "/engine-rest/version", "/engine-rest/process-definition", "/engine-rest/task",
            "/api/stamdata/uh", "/api/demo/epost", "/revisjon", "/camunda/api/engine/engine/default/task"})
    @Order(15)
    void anonymous_calls_need_a_login(String path) throws Exception {
        // finding 9 of the trust-boundary review: anonymous GET /engine-rest/engine answered 200
        assertDenied(call(Http.ANONYMOUS, "GET", path, null), Http.ANONYMOUS);
    }

    @Test
    @Order(15)
    void only_the_health_is_open() throws Exception {
        HttpResponse<String> health = call(Http.ANONYMOUS, "GET", "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("{\"status\":\"UP\"").doesNotContain("components", "details");
    }

    @ParameterizedTest(name = "{0} reads the demo's mailbox: {1}")
    @CsvSource({"demo-eier-bergen, DENIED", "demo-uh, DENIED", "demo-revisor, DENIED", "demo-prosesseier, DENIED",
            "anonym, DENIED", "demo-saksbehandler, 200", "demo-admin, 200"})
    @Order(15)
    void the_demo_mailbox(String user, String expected) throws Exception {
        // finding 9: every logged-in user, owners included, read all owners' reminders
        HttpResponse<String> response = call(user, "GET", "/api/demo/epost", null);
        if (expected.equals(DENIED)) {
            assertDenied(response, user);
        } else {
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    @Order(12)
    void the_administrator_administers() throws Exception {
        assertThat(call("demo-admin", "GET", "/engine-rest/authorization/count", null).statusCode()).isEqualTo(200);
        assertThat(call("demo-saksbehandler", "POST", "/engine-rest/user/create", """
                {"profile": {"id": "inntrenger"}, "credentials": {"password": "Hemmelig-1234"}}""").statusCode())
                .isEqualTo(403);
        assertThat(identity.createUserQuery().userId("inntrenger").count()).isZero();
    }
}
