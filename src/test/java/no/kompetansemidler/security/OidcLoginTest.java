package no.kompetansemidler.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.audit.AuditTrail;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.Http;
import no.kompetansemidler.testkit.IdentityProvider;
import no.kompetansemidler.testkit.LogCapture;
import no.kompetansemidler.testkit.Organisations;
import no.kompetansemidler.testkit.WebappSession;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static no.kompetansemidler.testkit.IdentityProvider.CITIZENS;
import static no.kompetansemidler.testkit.IdentityProvider.MACHINES;
import static no.kompetansemidler.testkit.IdentityProvider.STAFF;
import static no.kompetansemidler.testkit.IdentityProvider.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in through a real OpenID Connect provider over HTTP (the test kit's), as a caseworker and as a
 * municipality; bearer tokens on /engine-rest and /api, and every way a token is refused; logout; who did it in the
 * audit trail, without the national identity number anywhere.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcLoginTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SUBSTANTIAL = "idporten-loa-substantial";
    static final String PID = IdentityProvider.PID;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    AuditTrail trail;

    final HttpClient http = HttpClient.newHttpClient();
    LogCapture log;
    CycleScenario scenario;

    @BeforeAll
    void aCycleIsRunning() {
        log = LogCapture.start();
        scenario = new CycleScenario(context);
        scenario.upTo(Years.next(), "Task_SubmitNeedReport");
    }

    @AfterAll
    void nothingLoggedTheNationalIdentityNumber() {
        log.close();
        assertThat(log.events()).noneMatch(e -> e.getFormattedMessage().contains(PID));
    }

    HttpResponse<String> bearer(String token, String method, String path, String json) throws Exception {
        return Http.callWithToken(port, token, method, path, json);
    }

    WebappSession session() {
        return new WebappSession("http://127.0.0.1:" + port);
    }

    // --- logging in through the provider -------------------------------------------------------------------------

    @Test
    void a_caseworker_logs_in_through_the_staffs_provider_and_works_in_tasklist() throws Exception {
        WebappSession browser = session();
        HttpResponse<String> landed = browser.loginThrough(STAFF, "kari.nordmann@sfvl.no", (IdentityProvider.staff(
                "kari.nordmann@sfvl.no", "Kari Nordmann", IdentityProvider.ENTRA_VESTLAND)));
        assertThat(landed.uri().getPath()).startsWith("/camunda/app/tasklist/");
        HttpResponse<String> user = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        JsonNode who = JSON.readTree(user.body());
        assertThat(who.path("userId").asText()).isEqualTo("kari.nordmann.sfvl.no");
        assertThat(who.path("authorizedApps").toString()).contains("tasklist").contains("cockpit");
        assertThat(identity.createUserQuery().userId("kari.nordmann.sfvl.no").singleResult().getFirstName())
                .isEqualTo("Kari Nordmann");
        // the Vestland caseworkers' tasks, through the webapps' engine API, with the session alone
        HttpResponse<String> count = browser.get("/camunda/api/engine/engine/default/task/count?candidateGroup="
                + "saksbehandler-vestland&processInstanceBusinessKey=" + scenario.businessKey());
        assertThat(count.statusCode()).isEqualTo(200);
        // the project's pages in the same session
        assertThat(browser.get("/api/stamdata/uh").statusCode()).isEqualTo(200);
        // the status the webapps' script reads
        assertThat(browser.get("/innlogging/status").body()).contains("\"innloggetGjennom\":\"ansatte\"");
    }

    @Test
    void a_municipality_logs_in_through_id_porten_for_its_organisation_and_sends_its_need_report() throws Exception {
        WebappSession browser = session();
        browser.loginThrough(CITIZENS, "ola-sub", (IdentityProvider.citizen("Ola Nordmann", SUBSTANTIAL,
                Organisations.BERGEN)));
        JsonNode who = JSON.readTree(browser.get("/camunda/api/admin/auth/user/default").body());
        String userId = who.path("userId").asText();
        assertThat(userId).matches("ip-[0-9a-f]{16}-" + Organisations.BERGEN).doesNotContain(PID);
        Task task = scenario.taskFor("Task_SubmitNeedReport", Organisations.BERGEN);
        HttpResponse<String> sent = browser.postJson("/camunda/api/engine/engine/default/task/" + task.getId()
                + "/submit-form", """
                {"variables": {%s,
                 "medvirkning": {"value": "Skoleledere og lærere deltok i kartleggingen på hver skole."},
                 "behov": {"value": "Lesing og inkluderende læringsmiljø."}}}""".formatted(
                no.kompetansemidler.testkit.Applications.restMeasures("917641404")));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
        // another owner's task stays out of reach
        Task other = scenario.taskFor("Task_SubmitNeedReport", Organisations.VESTLAND_FK);
        assertThat(browser.get("/camunda/api/engine/engine/default/task/" + other.getId()).statusCode()).isIn(403, 404);

        // the auditor sees the person's name and the organisation they acted for, never the identity number
        String cycleId = scenario.cycleId();
        var events = trail.account(cycleId).events();
        assertThat(events).anyMatch(e -> userId.equals(e.user()) && e.role().contains("Ola Nordmann")
                && e.role().contains("Bergen kommune"));
        assertThat(events).noneMatch(e -> String.valueOf(e.what()).contains(PID) || e.role().contains(PID));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "level too low|idporten-loa-low|964338531|krever «idporten-loa-substantial»",
            "no organisation|idporten-loa-high|''|hvilken organisasjon",
            "an organisation that is no owner|idporten-loa-high|987654325|er ikke en eier"})
    void a_login_without_what_it_needs_is_refused_with_a_reason(String name, String level, String organisation,
                                                                 String reason) throws Exception {
        WebappSession browser = session();
        HttpResponse<String> landed = browser.loginThrough(CITIZENS, "nektet-" + level, (organisation.isEmpty()
                ? IdentityProvider.citizen("Per Nektet", level) : IdentityProvider.citizen("Per Nektet", level, organisation)));
        assertThat(landed.uri().getPath()).isEqualTo("/innlogging/avvist");
        assertThat(landed.body()).contains(reason).contains("Du er ikke logget inn").doesNotContain(PID);
        // no partial login: neither the webapps nor the project's pages know the person
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isIn(401, 404);
        assertThat(browser.get("/api/stamdata/uh").statusCode()).isEqualTo(401);
        assertThat(browser.get("/innlogging/status").body()).contains("\"innloggetGjennom\":null");
    }

    @Test
    void an_auditor_opening_revisjon_in_a_browser_logs_in_and_comes_back() throws Exception {
        WebappSession browser = session();
        // not logged in: a browser is sent to the login page; a program gets 401
        HttpResponse<String> page = browser.get("/revisjon");
        HttpResponse<String> asBrowser = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/revisjon")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(asBrowser.statusCode()).isEqualTo(302);
        assertThat(asBrowser.headers().firstValue("Location").orElseThrow()).endsWith("/innlogging");
        browser.loginThrough(STAFF, "randi.revisor@sfvl.no", IdentityProvider.staff("randi.revisor@sfvl.no",
                "Randi Revisor", "revisor"));
        HttpResponse<String> search = browser.get("/revisjon");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("Revisjon: finn saker");
    }

    @Test
    void a_staff_member_without_a_role_is_refused() throws Exception {
        HttpResponse<String> landed = session().loginThrough(STAFF, "uten.rolle@sfvl.no", (IdentityProvider.staff(
                "uten.rolle@sfvl.no", "Uten Rolle", "alle-ansatte")));
        assertThat(landed.body()).contains("ingen rolle i Kompetansemidler");
    }

    @Test
    void logout_ends_the_session_here_and_at_the_provider() throws Exception {
        WebappSession browser = session();
        browser.loginThrough(STAFF, "logg.ut@sfvl.no", (IdentityProvider.staff("logg.ut@sfvl.no", "Logg Ut",
                "saksbehandler-vestland")));
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
        HttpResponse<String> out = browser.follow("/logout");
        assertThat(out.uri().getPath()).isEqualTo("/innlogging/logget-ut");
        assertThat(out.body()).contains("Du er logget ut");
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isIn(401, 404);
        assertThat(browser.get("/api/stamdata/uh").statusCode()).isEqualTo(401);
    }

    @Test
    void logging_out_of_tasklist_ends_the_providers_login_here_too() throws Exception {
        WebappSession browser = session();
        browser.loginThrough(STAFF, "tasklist.ut@sfvl.no", (IdentityProvider.staff("tasklist.ut@sfvl.no",
                "Tasklist Ut", "saksbehandler-vestland")));
        assertThat(browser.postJson("/camunda/api/admin/auth/user/default/logout", "").statusCode()).isIn(200, 204);
        assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isIn(401, 404);
    }

    // --- bearer tokens -----------------------------------------------------------------------------------------

    @Test
    void a_caseworkers_token_works_on_the_engine_and_the_api() throws Exception {
        String token = IdentityProvider.token(STAFF, "kari", IdentityProvider.staff("kari.nordmann@sfvl.no",
                "Kari Nordmann", "saksbehandler-vestland"));
        HttpResponse<String> count = bearer(token, "GET", "/engine-rest/task/count?processInstanceBusinessKey="
                + scenario.businessKey() + "&candidateGroup=saksbehandler-vestland", null);
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
        assertThat(bearer(token, "GET", "/api/stamdata/uh", null).statusCode()).isEqualTo(200);
        // the same authorizations as with a password: a caseworker reads no owner's task
        Task bergens = scenario.taskFor("Task_SubmitNeedReport", Organisations.BERGEN);
        assertThat(bearer(token, "GET", "/engine-rest/task/" + bergens.getId(), null).statusCode()).isIn(403, 404);
    }

    @Test
    void the_integration_starts_a_cycle_with_its_machine_token() throws Exception {
        String token = IdentityProvider.token(MACHINES, "udir-klient", IdentityProvider.machine(IdentityProvider.UDIR,
                "statsforvalteren:kompetansemidler"));
        int year = Years.next();
        HttpResponse<String> started = bearer(token, "POST", "/engine-rest/process-definition/key/arssyklus/start", """
                {"variables": {"embete": {"value": "vestland"}, "ordning": {"value": "REKOM"},
                 "aar": {"value": %d, "type": "Integer"}, "rammeOre": {"value": 100000000, "type": "Long"}}}"""
                .formatted(year));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instance = JSON.readTree(started.body()).path("id").asText();
        assertThat(runtime.getVariable(instance, "syklusId")).isNotNull();
        String cycleId = (String) runtime.getVariable(instance, "syklusId");
        assertThat(trail.account(cycleId).events()).anyMatch(e -> "integrasjon-udir".equals(e.user())
                && e.role().contains("Udirs tildelingsbrev-integrasjon"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "expired|utløpt",
            "another audience|aud",
            "an issuer not trusted|ikke stoler på",
            "a tampered signature|signatur",
            "too low a level|krever «idporten-loa-substantial»",
            "no organisation|hvilken organisasjon",
            "a machine without the scope|omfanget",
            "a machine not registered|ikke registrert",
            "not a token|Tokenet kan ikke brukes"})
    void a_token_that_gives_no_role_is_refused_with_a_reason(String kind, String reason) throws Exception {
        Map<String, Object> caseworker = IdentityProvider.staff("kari.nordmann@sfvl.no", "Kari", "saksbehandler-vestland");
        String token = switch (kind) {
            case "expired" -> IdentityProvider.token(STAFF, "kari", IdentityProvider.AUDIENCE, caseworker, -120);
            case "another audience" -> IdentityProvider.token(STAFF, "kari", "et-annet-system", caseworker, 3600);
            case "an issuer not trusted" -> IdentityProvider.token(STRANGER, "kari", caseworker);
            case "a tampered signature" -> {
                String real = IdentityProvider.token(STAFF, "kari", caseworker);
                String[] parts = real.split("\\.");
                String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(
                        Map.of("iss", IdentityProvider.issuer(STAFF), "sub", "kari", "aud", IdentityProvider.AUDIENCE,
                                "exp", System.currentTimeMillis() / 1000 + 3600, "preferred_username", "kari",
                                "groups", java.util.List.of("camunda-admin"))));
                yield parts[0] + "." + forged + "." + parts[2];
            }
            case "too low a level" -> IdentityProvider.token(CITIZENS, "ola", IdentityProvider.citizen("Ola",
                    "idporten-loa-low", Organisations.BERGEN));
            case "no organisation" -> IdentityProvider.token(CITIZENS, "ola", IdentityProvider.citizen("Ola", SUBSTANTIAL));
            case "a machine without the scope" -> IdentityProvider.token(MACHINES, "udir",
                    IdentityProvider.machine(IdentityProvider.UDIR, "noe:annet"));
            case "a machine not registered" -> IdentityProvider.token(MACHINES, "bergen",
                    IdentityProvider.machine(Organisations.BERGEN, "statsforvalteren:kompetansemidler"));
            default -> "dette-er-ikke-et-token";
        };
        for (String path : new String[]{"/engine-rest/task/count", "/api/stamdata/uh"}) {
            HttpResponse<String> refused = bearer(token, "GET", path, null);
            assertThat(refused.statusCode()).as(kind + " " + path + ": " + refused.body()).isEqualTo(401);
            JsonNode answer = JSON.readTree(refused.body());
            assertThat(answer.path("type").asText()).isEqualTo("UgyldigToken");
            assertThat(answer.path("message").asText()).contains(reason).doesNotContain(PID);
            assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        }
    }

    @Test
    void the_demos_local_users_still_log_in_with_their_password() throws Exception {
        WebappSession browser = session();
        assertThat(browser.login("demo-saksbehandler", "demo")).isEqualTo(200);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).contains("demo-saksbehandler");
        assertThat(browser.get("/innlogging").body()).contains("/oauth2/authorization/ansatte")
                .contains("/oauth2/authorization/innbyggere").contains("brukernavn og passord");
    }
}
