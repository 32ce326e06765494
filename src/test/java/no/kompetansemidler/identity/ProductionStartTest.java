package no.kompetansemidler.identity;

import no.kompetansemidler.testkit.OwnJvmTest;
import no.kompetansemidler.testkit.Starts;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A production start (without the demo profile) needs a strong administrator password from the environment. */
@OwnJvmTest
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartTest {

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
