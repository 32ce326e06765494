package no.kompetansemidler.security;

import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.Http;
import no.kompetansemidler.testkit.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Throttled logins, the webapps' CSRF protection and security headers, no Java serialization, sessions that end. */
@ApplicationTest
class HardeningTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ServerProperties server;

    @Test
    void after_a_failed_login_even_the_right_password_is_refused_for_a_while() throws Exception {
        User user = identity.newUser("treg-bruker");
        user.setPassword("Riktig-Passord-42");
        identity.saveUser(user);
        identity.createMembership("treg-bruker", "revisor");

        assertThat(Http.call(port, "treg-bruker", "GET", "/api/stamdata/uh", null).statusCode())
                .as("the demo password is wrong for this user").isEqualTo(401);
        assertThat(identity.checkPassword("treg-bruker", "Riktig-Passord-42")).as("throttled").isFalse();
        Thread.sleep(3_500); // loginDelayBase: 3 s after the first failure
        assertThat(identity.checkPassword("treg-bruker", "Riktig-Passord-42")).as("after the delay").isTrue();
    }

    @Test
    void the_webapps_keep_csrf_protection_and_security_headers() throws Exception {
        WebappSession browser = new WebappSession("http://localhost:" + port);
        HttpResponse<String> page = browser.get("/camunda/app/tasklist/default/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-XSRF-TOKEN")).isPresent();
        HttpResponse<String> withoutToken = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                                + "/camunda/api/admin/auth/user/default/login/tasklist"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=demo-admin&password=demo"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
    }

    @Test
    void java_serialized_variables_are_refused() throws Exception {
        String instance = no.kompetansemidler.testkit.People.as(identity, "demo-saksbehandler", () ->
                runtime.startProcessInstanceByKey("arssyklus", Map.of("embete", "vestland", "ordning", "REKOM",
                        "aar", no.kompetansemidler.testkit.Years.next(), "ramme", "1 000"))).getId();
        // a caseworker may not set a case's variables at all (403); an administrator may, but not Java objects
        assertThat(Http.call(port, "demo-saksbehandler", "PUT", "/engine-rest/process-instance/" + instance
                + "/variables/angrep", "{\"value\": \"x\", \"type\": \"String\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> response = Http.call(port, "demo-admin", "PUT",
                "/engine-rest/process-instance/" + instance + "/variables/angrep", """
                        {"value": "rO0ABXQABGZvbyE=", "type": "Object",
                         "valueInfo": {"objectTypeName": "java.lang.String",
                                       "serializationDataFormat": "application/x-java-serialized-object"}}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("{\"field\":\"angrep\",\"ruleId\":\"JSON\"")
                .contains("Java-objekter tas ikke imot");
        assertThat(runtime.getVariable(instance, "angrep")).isNull();
    }

    @Test
    void sessions_end_after_thirty_minutes_without_activity_and_cookies_are_http_only() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(server.getServlet().getSession().getCookie().getHttpOnly()).isTrue();
    }
}
