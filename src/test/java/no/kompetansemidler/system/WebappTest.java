package no.kompetansemidler.system;

import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.WebappSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasklist, Cockpit and Admin are served where the README says, and the demo logins work. */
@ApplicationTest
class WebappTest {

    @LocalServerPort
    int port;

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void the_root_url_leads_to_the_webapps() throws Exception {
        HttpResponse<Void> root = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/"))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/camunda/app/"));
    }

    @ParameterizedTest
    @CsvSource({"tasklist", "cockpit", "admin"})
    void each_webapp_is_served(String app) throws Exception {
        HttpResponse<String> page = new WebappSession(base()).get("/camunda/app/" + app + "/default/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html");
    }

    @ParameterizedTest
    @CsvSource({"demo-saksbehandler, tasklist", "demo-eier-bergen, tasklist", "demo-eier-vestlandfk, tasklist",
            "demo-uh, tasklist", "demo-revisor, tasklist", "demo-revisor, cockpit", "demo-prosesseier, cockpit",
            "demo-admin, admin", "demo-saksbehandler-rogaland, tasklist", "demo-leder, tasklist", "demo-udir, tasklist"})
    void every_demo_login_works_in_its_webapp(String user, String app) throws Exception {
        WebappSession browser = new WebappSession(base());
        assertThat(browser.login(user, "demo", app)).isEqualTo(200);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"" + user + "\"");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @Test
    void a_wrong_password_is_refused() throws Exception {
        // a user of its own: a failed login throttles the user, and the demo logins are shared by every test
        if (identity.createUserQuery().userId("feil-passord").count() == 0) {
            var user = identity.newUser("feil-passord");
            user.setPassword("Riktig-Passord-42");
            identity.saveUser(user);
            identity.createMembership("feil-passord", "saksbehandler-vestland");
        }
        assertThat(new WebappSession(base()).login("feil-passord", "feil")).isEqualTo(401);
    }

    @Test
    void the_master_data_endpoints_answer_and_refuse_bad_input_in_norwegian() throws Exception {
        assertThat(new WebappSession(base()).get("/api/stamdata/uh").statusCode()).isEqualTo(401);
        WebappSession client = new WebappSession(base());
        assertThat(client.login("demo-eier-bergen", "demo")).isEqualTo(200);
        HttpResponse<String> owners = client.get("/api/stamdata/eiere?embete=vestland&ordning=YRKESFAG");
        assertThat(owners.statusCode()).isEqualTo(200);
        assertThat(owners.body()).contains("Opplæringskontoret for bygg- og anleggsfag i Vestland (demo)",
                "\"kind\":\"OPPLAERINGSKONTOR\"").doesNotContain("Bergen kommune", "Vestland fylkeskommune");

        HttpResponse<String> badNumber = client.get("/api/stamdata/eiere/964338532");
        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(badNumber.body()).contains("kontrollsifferet (MOD11)");

        HttpResponse<String> badScheme = client.get("/api/stamdata/eiere?embete=vestland&ordning=SKOLE");
        assertThat(badScheme.statusCode()).isEqualTo(400);
        assertThat(badScheme.body()).contains("Ugyldig verdi «SKOLE» for ordning");

        assertThat(client.get("/api/stamdata/eiere/974767880").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/stamdata/uh").body()).contains("Høgskulen på Vestlandet");
    }
}
