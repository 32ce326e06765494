package no.kompetansemidler.system;

import no.kompetansemidler.testkit.OwnJvmTest;
import no.kompetansemidler.testkit.Starts;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.masterdata.MasterDataRepository;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps its data in an H2 file across restarts; a later production start drops demo logins. */
@OwnJvmTest
class RestartTest {

    @TempDir
    Path folder;

    @Test
    void data_survives_a_restart_and_demo_logins_do_not_survive_a_production_start() {
        String url = "jdbc:h2:file:" + folder.resolve("kompetansemidler");
        String processInstanceId;
        long deployments;
        try (ConfigurableApplicationContext first = Starts.demo(url)) {
            no.kompetansemidler.testkit.People.authenticate(first.getBean(IdentityService.class), "demo-saksbehandler");
            processInstanceId = first.getBean(RuntimeService.class).startProcessInstanceByKey("registrer-privat-eier",
                    Map.of("organisasjonsnummer", "944444440", "navn", "Fjordbarnehagen AS",
                            "eiertype", "PRIVAT_BARNEHAGEEIER", "embete", "vestland",
                            "kontaktEpost", "post@fjord.example")).getId();
            first.getBean(IdentityService.class).clearAuthentication();
            deployments = first.getBean(RepositoryService.class).createDeploymentQuery().count();
        }
        try (ConfigurableApplicationContext second = Starts.demo(url)) {
            assertThat(second.getBean(MasterDataRepository.class).findOwner(new OrganisationNumber("944444440")))
                    .hasValueSatisfying(o -> assertThat(o.name()).isEqualTo("Fjordbarnehagen AS"));
            assertThat(second.getBean(HistoryService.class).createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId).singleResult().getStartUserId())
                    .isEqualTo("demo-saksbehandler");
            assertThat(second.getBean(MasterDataRepository.class).countMunicipalities()).isEqualTo(357);
            // unchanged models are not deployed again
            assertThat(second.getBean(RepositoryService.class).createDeploymentQuery().count()).isEqualTo(deployments);
            assertThat(second.getBean(IdentityService.class).checkPassword("demo-eier-bergen", "demo")).isTrue();
        }
        try (ConfigurableApplicationContext production = Starts.production(url,
                "--KOMPETANSEMIDLER_ADMIN_PASSWORD=" + Starts.STRONG_ADMIN_PASSWORD)) {
            IdentityService identity = production.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().list()).extracting(u -> u.getId())
                    .noneMatch(id -> id.startsWith("demo-"))
                    .contains("admin");
            assertThat(production.getBean(MasterDataRepository.class)
                    .findOwner(new OrganisationNumber("944444440"))).isPresent();
        }
    }
}
