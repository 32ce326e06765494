package no.kompetansemidler.identity;

import no.kompetansemidler.testkit.IdentityProvider;
import no.kompetansemidler.testkit.OwnJvmTest;
import no.kompetansemidler.testkit.WebappSession;
import no.kompetansemidler.testkit.Starts;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A production start (without the demo profile) needs a strong administrator password from the environment, and a
 * way for people to log in: local users, or an identity provider.
 */
@OwnJvmTest
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String freshDatabase() {
        return "jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @ParameterizedTest(name = "[{index}] password «{0}» -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|Administratorpassordet mangler",
            "demo|for kort",
            "Passord-2026-Vinter|for lett å gjette",
            "abcdefghijklmnop|for svakt"})
    void a_production_start_with_a_missing_or_weak_password_fails_with_a_clear_message(
            String password, String reason, CapturedOutput output) {
        assertThatThrownBy(() -> Starts.production(freshDatabase(), "--KOMPETANSEMIDLER_ADMIN_PASSWORD=" + password))
                .isInstanceOf(ProductionStartGuard.ProductionStartRefusedException.class)
                .hasMessageStartingWith("Produksjonsstart nektet: ")
                .hasMessageContaining(reason);
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Produksjonsstart nektet")
                .contains("KOMPETANSEMIDLER_ADMIN_PASSWORD");
    }

    @Test
    void a_production_start_in_which_nobody_could_log_in_fails_with_a_clear_message(CapturedOutput output) {
        assertThatThrownBy(() -> Starts.production(freshDatabase(), "--KOMPETANSEMIDLER_LOKALE_BRUKERE=false",
                "--KOMPETANSEMIDLER_ADMIN_PASSWORD=" + Starts.STRONG_ADMIN_PASSWORD))
                .isInstanceOf(ProductionStartGuard.ProductionStartRefusedException.class)
                .hasMessageContaining("Ingen kan logge inn")
                .hasMessageContaining("KOMPETANSEMIDLER_ANSATTE_ISSUER");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains("Ingen kan logge inn");
    }

    @Test
    void with_local_users_off_only_the_identity_provider_logs_people_in() throws Exception {
        try (ConfigurableApplicationContext app = Starts.production(freshDatabase(),
                "--KOMPETANSEMIDLER_ADMIN_PASSWORD=" + Starts.STRONG_ADMIN_PASSWORD,
                "--KOMPETANSEMIDLER_LOKALE_BRUKERE=false",
                "--KOMPETANSEMIDLER_ANSATTE_ISSUER=" + IdentityProvider.issuer(IdentityProvider.STAFF),
                "--KOMPETANSEMIDLER_ANSATTE_CLIENT_ID=" + IdentityProvider.CLIENT_ID,
                "--KOMPETANSEMIDLER_ANSATTE_CLIENT_SECRET=" + IdentityProvider.CLIENT_SECRET)) {
            int port = ((org.springframework.boot.web.context.WebServerApplicationContext) app).getWebServer().getPort();
            String admin = "admin:" + Starts.STRONG_ADMIN_PASSWORD;
            // the administrator's password opens nothing: not /engine-rest, not /api, not Tasklist's form
            HttpResponse<String> basic = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/engine-rest/task/count")).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString(admin.getBytes())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(basic.statusCode()).isEqualTo(401);
            WebappSession browser = new WebappSession("http://127.0.0.1:" + port);
            assertThat(browser.login("admin", Starts.STRONG_ADMIN_PASSWORD)).isEqualTo(403);
            // the staff's provider does
            browser.loginThrough(IdentityProvider.STAFF, "drift@sfvl.no", IdentityProvider.staff("drift@sfvl.no",
                    "Drift Ansvarlig", "camunda-admin"));
            assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).contains("drift.sfvl.no");
            // and a bearer token from it
            HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/engine-rest/task/count")).header("Authorization", "Bearer " + IdentityProvider.token(
                            IdentityProvider.STAFF, "drift", IdentityProvider.staff("drift@sfvl.no", "Drift", "camunda-admin")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(browser.get("/innlogging").body()).contains("/oauth2/authorization/ansatte")
                    .doesNotContain("brukernavn og passord");
        }
    }

    @Test
    void a_production_start_with_a_strong_password_creates_the_administrator_and_no_demo_login() {
        try (ConfigurableApplicationContext app = Starts.production(freshDatabase(),
                "--KOMPETANSEMIDLER_ADMIN_USER=driftsadmin",
                "--KOMPETANSEMIDLER_ADMIN_PASSWORD=" + Starts.STRONG_ADMIN_PASSWORD)) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.checkPassword("driftsadmin", Starts.STRONG_ADMIN_PASSWORD)).isTrue();
            assertThat(identity.createUserQuery().memberOfGroup(IdentityGroups.ADMINISTRATORS).list())
                    .extracting(u -> u.getId()).containsExactly("driftsadmin");
            assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("driftsadmin");
            // the groups come from the master data in production too
            assertThat(identity.createGroupQuery().groupId("saksbehandler-vestland").count()).isEqualTo(1);
        }
    }
}
