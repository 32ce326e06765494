package no.kompetansemidler.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.Years;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Udir's view of the country and the yearly report as data, for a Vestland Kompetanseløftet cycle whose report is made: every
 * figure as the tables hold it; leaders and Udir read the overviews, not the case files.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    final int year = Years.forKompetanseloftet();
    String cycleId;

    @BeforeAll
    void vestlandsReportIsMade() {
        CycleScenario scenario = new CycleScenario(context).inScheme("KOMPETANSELOFTET");
        scenario.upTo(year, "Task_SendReport");
        cycleId = scenario.cycleId();
    }

    HttpResponse<String> get(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(People.basic(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)), user, People.PASSWORD).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode json(String user, String path) throws Exception {
        HttpResponse<String> answer = get(user, path);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body());
    }

    long sum(String sql) {
        return jdbc.sql(sql).param(cycleId).query(Long.class).optional().orElse(0L);
    }

    @Test
    void the_country_shows_each_cycle_as_the_tables_hold_it_and_the_sums_add_up() throws Exception {
        JsonNode view = json(People.UDIR, "/api/nasjonalt?aar=" + year);
        JsonNode line = null;
        for (JsonNode l : view.get("sykluser")) {
            if (l.get("syklusId").asText().equals(cycleId)) {
                line = l;
            }
        }
        assertThat(line).as(view.toString()).isNotNull();
        assertThat(line.get("embeteNavn").asText()).isEqualTo("Statsforvalteren i Vestland");
        assertThat(line.get("rammeOre").asLong()).isEqualTo(1_000_000_000L);
        assertThat(line.get("vedtattOre").asLong()).isEqualTo(sum("select sum(amount_ore) from km_decision where cycle_id = ?"));
        assertThat(line.get("utbetaltOre").asLong()).isEqualTo(sum("""
                select sum(p.amount_ore) from km_payment p join km_decision d on d.id = p.decision_id
                where d.cycle_id = ?""")).isEqualTo(1_000_000_000L);
        assertThat(line.get("mottakere").asLong()).isEqualTo(sum("select count(*) from km_decision where cycle_id = ?"));
        assertThat(line.get("arsrapport").asText()).isEqualTo("/api/rapporter/" + cycleId);
        assertThat(line.get("status").asText()).isEqualTo("Pågår");

        long frames = 0;
        long paid = 0;
        for (JsonNode l : view.get("sykluser")) {
            frames += l.get("rammeOre").asLong();
            paid += l.get("utbetaltOre").asLong();
        }
        assertThat(view.get("landet").get("rammeOre").asLong()).isEqualTo(frames);
        assertThat(view.get("landet").get("utbetaltOre").asLong()).isEqualTo(paid);
        long perScheme = 0;
        for (JsonNode s : view.get("perOrdning")) {
            perScheme += s.get("rammeOre").asLong();
        }
        assertThat(perScheme).isEqualTo(frames);

        HttpResponse<String> csv = get(People.UDIR, "/api/nasjonalt/csv?aar=" + year);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().split("\r\n")).hasSize(1 + view.get("sykluser").size())
                .anySatisfy(row -> assertThat(row).isEqualTo("\"Statsforvalteren i Vestland\";\"KOMPETANSELOFTET\";\"" + year
                        + "\";\"Pågår\";\"10000000,00\";\"10000000,00\";\"10000000,00\";\"0,00\";\"0,00\";\"2\";\"Laget\""));
    }

    @Test
    void the_yearly_report_is_data_in_the_documented_schema() throws Exception {
        JsonNode report = json(People.UDIR, "/api/rapporter/" + cycleId + "/json");
        assertThat(report.get("skjema").asText()).isEqualTo("kompetansemidler-arsrapport/1");
        assertThat(report.get("embete").asText() + " " + report.get("ordning").asText() + " " + report.get("aar").asInt())
                .isEqualTo("vestland KOMPETANSELOFTET " + year);
        JsonNode total = report.get("totalt");
        assertThat(total.get("vedtattOre").asLong()).isEqualTo(sum("select sum(amount_ore) from km_decision where cycle_id = ?"));
        assertThat(total.get("ikkeFordeltOre").asLong()).isEqualTo(total.get("rammeOre").asLong()
                - total.get("vedtattOre").asLong());
        assertThat(total.get("bruktOre").asLong()).isEqualTo(sum("""
                select sum(e.used_ore) from km_self_evaluation e join km_decision d on d.id = e.decision_id
                where d.cycle_id = ?"""));
        assertThat(report.get("mottakere")).hasSize(2);
        long recipients = 0;
        for (JsonNode r : report.get("mottakere")) {
            recipients += r.get("vedtattOre").asLong();
            assertThat(r.get("mottakertype").asText()).isEqualTo("EIER");
            assertThat(r.get("oppgjor").asText()).isEqualTo("INGEN");
            assertThat(r.get("utbetaltOre").asLong()).isEqualTo(r.get("vedtattOre").asLong());
        }
        assertThat(recipients).isEqualTo(total.get("vedtattOre").asLong());

        HttpResponse<String> csv = get(People.CASEWORKER, "/api/rapporter/" + cycleId + "/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0]).isEqualTo("syklusId;embete;ordning;aar;organisasjonsnummer;navn;mottakertype;vedtakId;"
                + "vedtattOre;utbetaltOre;bruktOre;egenfinansieringOre;deltakere;oppgjor;oppgjorOre");
        assertThat(rows).hasSize(3).anySatisfy(row -> assertThat(row).startsWith(cycleId + ";vestland;KOMPETANSELOFTET;" + year
                + ";" + CycleScenario.BERGEN + ";\"Bergen kommune\";EIER;").contains(";700000000;700000000;700000000;"));
    }

    @Test
    void leaders_and_udir_read_the_overviews_and_not_the_case_files() throws Exception {
        assertThat(get(People.LEADER, "/api/oversikt/vestland?aar=" + year).statusCode()).isEqualTo(200);
        assertThat(get(People.LEADER, "/api/oversikt/rogaland?aar=" + year).statusCode()).isEqualTo(403);
        assertThat(get(People.LEADER, "/api/nasjonalt?aar=" + year).statusCode()).isEqualTo(403);
        assertThat(get(People.LEADER, "/api/rapporter/" + cycleId).statusCode()).isEqualTo(200);
        // the leader's embete, and the fylkeskommune in it whose cycles the Statsforvalter reads
        assertThat(json(People.LEADER, "/api/oversikt/embeter")).extracting(e -> e.get("embete").asText())
                .containsExactly("vestland", "vestland-fylkeskommune");
        // Udir: the ten embeter and the fifteen offices that run YRKESFAG (14 fylkeskommuner and Oslo kommune)
        assertThat(json(People.UDIR, "/api/oversikt/embeter")).hasSize(25);
        assertThat(get(People.UDIR, "/api/oversikt/rogaland").statusCode()).isEqualTo(200);
        for (String user : new String[]{People.LEADER, People.UDIR}) {
            assertThat(get(user, "/api/sykluser/" + cycleId + "/fordeling").statusCode()).as(user).isEqualTo(403);
            assertThat(get(user, "/api/sykluser/" + cycleId + "/utbetalinger").statusCode()).as(user).isEqualTo(403);
            assertThat(get(user, "/api/kvitteringer/" + cycleId + "/" + CycleScenario.BERGEN + ".pdf").statusCode())
                    .as(user).isEqualTo(403);
            assertThat(get(user, "/revisjon/sykluser/" + cycleId + "/json").statusCode()).as(user).isEqualTo(403);
            assertThat(get(user, "/engine-rest/task?processInstanceBusinessKey=vestland-KOMPETANSELOFTET-" + year).body())
                    .as(user).isEqualTo("[]");
        }
        assertThat(get(People.CASEWORKER, "/api/nasjonalt").statusCode()).isEqualTo(403);
        assertThat(get(People.OWNER_BERGEN, "/api/nasjonalt/csv").statusCode()).isEqualTo(403);
        assertThat(get(People.OWNER_BERGEN, "/api/rapporter/" + cycleId + "/json").statusCode()).isEqualTo(403);
        assertThat(get(People.AUDITOR, "/api/nasjonalt/aar").statusCode()).isEqualTo(200);
    }
}
