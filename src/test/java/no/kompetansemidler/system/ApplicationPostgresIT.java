package no.kompetansemidler.system;

import no.kompetansemidler.testkit.PostgresSupport;
import no.kompetansemidler.testkit.Starts;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.OwnerKind;
import no.kompetansemidler.masterdata.MasterDataRepository;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application on a real PostgreSQL (the production database): the postgres profile, configured by the same
 * environment variables as docker-compose.yml. Needs PostgreSQL on 127.0.0.1:5432 (see .ci/run); each run
 * works in a fresh database.
 */
class ApplicationPostgresIT {

    static final String DATABASE = "kompetansemidler_it";

    @BeforeAll
    static void freshDatabase() throws Exception {
        PostgresSupport.freshDatabase(DATABASE);
    }

    private static ConfigurableApplicationContext start(List<String> profiles, String... extra) {
        return PostgresSupport.start(DATABASE, profiles, extra);
    }

    @Test
    void the_application_runs_on_postgresql_keeps_its_data_and_a_production_start_drops_demo_logins() {
        String instance;
        try (ConfigurableApplicationContext demo = start(List.of("postgres", "demo"))) {
            assertThat(demo.getBean(javax.sql.DataSource.class).toString()).isNotNull();
            MasterDataRepository masterData = demo.getBean(MasterDataRepository.class);
            assertThat(masterData.countEmbeter()).isEqualTo(10);
            assertThat(masterData.countMunicipalities()).isEqualTo(357);
            assertThat(masterData.countOwnersOfKind(OwnerKind.FYLKESKOMMUNE, OwnerKind.KOMMUNE_MED_FYLKESROLLE))
                    .isEqualTo(15);
            assertThat(masterData.countUhInstitutions()).isEqualTo(27);
            IdentityService identity = demo.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().memberOfGroup("saksbehandler-vestland").list())
                    .extracting(u -> u.getId()).containsExactly("demo-saksbehandler");
            no.kompetansemidler.testkit.People.authenticate(identity, "demo-saksbehandler");
            instance = demo.getBean(RuntimeService.class).startProcessInstanceByKey("registrer-privat-eier",
                    Map.of("organisasjonsnummer", "922222223", "navn", "Sunnfjord Friskule AS",
                            "eiertype", "PRIVAT_SKOLEEIER", "embete", "vestland",
                            "kontaktEpost", "post@sunnfjord.example")).getId();
            identity.clearAuthentication();
            assertThat(demo.getBean(org.springframework.core.env.Environment.class)
                    .getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
            assertThat(org.springframework.jdbc.core.simple.JdbcClient.create(demo.getBean(javax.sql.DataSource.class))
                    .sql("show jit").query(String.class).single()).as("JIT off on the pool's connections")
                    .isEqualTo("off");
        }
        try (ConfigurableApplicationContext production = start(List.of("postgres"),
                "--KOMPETANSEMIDLER_ADMIN_PASSWORD=" + Starts.STRONG_ADMIN_PASSWORD)) {
            assertThat(production.getBean(MasterDataRepository.class).findOwner(new OrganisationNumber("922222223")))
                    .hasValueSatisfying(o -> assertThat(o.name()).isEqualTo("Sunnfjord Friskule AS"));
            assertThat(production.getBean(HistoryService.class).createHistoricProcessInstanceQuery()
                    .processInstanceId(instance).singleResult().getState()).isEqualTo("COMPLETED");
            assertThat(production.getBean(IdentityService.class).createUserQuery().list())
                    .extracting(u -> u.getId()).containsExactly("admin");
            assertThat(production.getBean(MasterDataRepository.class).countMunicipalities()).isEqualTo(357);
        }
    }
}
