package no.kompetansemidler.funding;

import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.OwnJvmTest;
import no.kompetansemidler.testkit.Organisations;
import no.kompetansemidler.testkit.Starts;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A scheme that differs from the others only in configuration needs no code: the operator puts its file in the
 * folder kompetansemidler.ordninger.katalog, starts the application, and its cycle runs with its own rules. A wrong
 * file stops the start with a message naming the file and the key.
 */
@OwnJvmTest
@ExtendWith(OutputCaptureExtension.class)
class AddedSchemeTest {

    static final Scheme ADDED = new Scheme("GRUNNOPPLAERING");
    static final String NAME = "Desentralisert ordning for barnehage og grunnskole";

    @TempDir
    Path folder;

    /** Udir's drafted split: kindergartens and primary schools together, 20 % co-financing. */
    void addScheme() throws IOException {
        String dekom = new ClassPathResource("ordninger/1-dekom.yml").getContentAsString(StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("grunnopplaering.yml"), dekom
                .replace("code: DEKOM", "code: " + ADDED.code())
                .replace("name: Desentralisert ordning for kompetanseutvikling i skolen", "name: " + NAME)
                .replace("participants: [KOMMUNE, FYLKESKOMMUNE, KOMMUNE_MED_FYLKESROLLE, PRIVAT_SKOLEEIER]",
                        "participants: [KOMMUNE, FYLKESKOMMUNE, PRIVAT_SKOLEEIER, PRIVAT_BARNEHAGEEIER]")
                .replace("target-groups: [SKOLELEDERE, LAERERE, ANDRE_SKOLEANSATTE, PPT, YRKESFAGLAERERE]",
                        "target-groups: [SKOLELEDERE, LAERERE, BARNEHAGELEDERE, BARNEHAGEANSATTE, PPT]")
                .replace("co-financing-rate-percent: 30", "co-financing-rate-percent: 20"));
    }

    @Test
    void an_added_scheme_runs_its_cycle_with_its_own_rules() throws Exception {
        addScheme();
        try (ConfigurableApplicationContext context = Starts.demo("jdbc:h2:mem:ordning-" + UUID.randomUUID(),
                "--kompetansemidler.ordninger.katalog=" + folder)) {
            MasterDataRepository masterData = context.getBean(MasterDataRepository.class);
            assertThat(masterData.findOwner(new OrganisationNumber(Organisations.BERGEN)).orElseThrow().schemes())
                    .contains(ADDED);
            assertThat(context.getBean(FilterService.class).createFilterQuery()
                    .filterName(ADDED.code() + ": min gruppes oppgaver").count()).isEqualTo(1);

            // R1 at the scheme's own rate: 100 000 kr of 7 000 000 kr is too little, 20 % is enough
            CycleScenario breach = new CycleScenario(context).inScheme(ADDED.code());
            breach.upTo(Years.next(), "Task_CorrectBreaches");
            Task correction = breach.taskQuery().taskDefinitionKey("Task_CorrectBreaches").singleResult();
            assertThat((String) context.getBean(TaskService.class).getVariable(correction.getId(), "regelbruddTekst"))
                    .contains("må bidra med minst 1 400 000,00 kr (20 % av 7 000 000,00 kr i statlige midler)");

            // the whole year: decided, paid once, the letters and the report say the scheme's name
            CycleScenario year = new CycleScenario(context).inScheme(ADDED.code());
            year.upTo(Years.next(), "Task_SendReport");
            year.complete("Task_SendReport", "demo-saksbehandler", Map.of("merknad", "Sendt Udir."));
            CycleRepository cycles = context.getBean(CycleRepository.class);
            String cycleId = year.cycleId();
            assertThat(cycles.cycle(cycleId).scheme()).isEqualTo(ADDED);
            assertThat(cycles.decisions(cycleId)).hasSize(2);
            assertThat(cycles.payments(cycleId)).hasSize(2);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select title from km_letter where cycle_id = ? and kind = 'TILSAGN'").param(cycleId)
                    .query(String.class).list()).hasSize(2).allSatisfy(title -> assertThat(title).contains(NAME));
            assertThat(jdbc.sql("select html from km_report where cycle_id = ?").param(cycleId).query(String.class)
                    .single()).contains(NAME + " (" + ADDED.code() + ")");
        }
    }

    @Test
    void a_wrong_file_stops_the_start_and_says_which_file_and_key(CapturedOutput output) throws IOException {
        addScheme();
        Path file = folder.resolve("grunnopplaering.yml");
        Files.writeString(file, Files.readString(file).replace("max-measure-years: 3", "max-measure-years: 4"));
        assertThatThrownBy(() -> Starts.demo("jdbc:h2:mem:ordning-" + UUID.randomUUID(),
                "--kompetansemidler.ordninger.katalog=" + folder)).isInstanceOf(Exception.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("Ordningsfilen " + file.toAbsolutePath() + ": ordning.max-measure-years kan være høyst 3 år"
                        + " (R14)")
                .contains("Rett nøkkelen «ordning.max-measure-years» i " + file.toAbsolutePath());
    }
}
