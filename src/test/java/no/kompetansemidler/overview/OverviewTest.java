package no.kompetansemidler.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.task.Task;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static no.kompetansemidler.testkit.Organisations.BERGEN;
import static no.kompetansemidler.testkit.Organisations.VESTLAND_FK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview of Vestland's years: a cycle whose payment to Bergen waits for an account number, and, the next year,
 * a cycle just started (both Kompetanseløftet, whose years the other tests leave alone). Every number on it is
 * checked against the tables; the blocked payment is listed with its task.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    static final String SCHEME = "KOMPETANSELOFTET";
    final int year = Years.forKompetanseloftet();
    final int nextYear = Years.forKompetanseloftet();
    String dekomId;
    String rekomId;
    Task registerAccount;

    @BeforeAll
    void vestlandsYear() {
        CycleScenario dekom = new CycleScenario(context).inScheme(SCHEME);
        dekom.upTo(year, "Task_RegisterAccount");
        dekomId = dekom.cycleId();
        registerAccount = dekom.taskQuery().taskDefinitionKey("Task_RegisterAccount").singleResult();
        CycleScenario rekom = new CycleScenario(context);
        rekom.start(SCHEME, nextYear, "5 000 000");
        rekomId = rekom.cycleId();
    }

    HttpResponse<String> get(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(People.basic(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)), user, People.PASSWORD).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode overview(String user) throws Exception {
        return overview(user, year);
    }

    JsonNode overview(String user, int aar) throws Exception {
        HttpResponse<String> answer = get(user, "/api/oversikt/vestland?aar=" + aar);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body());
    }

    static JsonNode cycle(JsonNode view, String scheme) {
        for (JsonNode cycle : view.get("sykluser")) {
            if (cycle.get("ordning").asText().equals(scheme)) {
                return cycle;
            }
        }
        throw new AssertionError("no " + scheme + " cycle in " + view);
    }

    static Map<String, JsonNode> byOwner(JsonNode cycle) {
        Map<String, JsonNode> lines = new HashMap<>();
        cycle.get("eiere").forEach(line -> lines.put(line.get("organisasjonsnummer").asText(), line));
        return lines;
    }

    Map<String, Long> amounts(String sql, String cycleId) {
        Map<String, Long> amounts = new HashMap<>();
        jdbc.sql(sql).param(cycleId).query((rs, i) -> amounts.put(rs.getString(1), rs.getLong(2))).list();
        return amounts;
    }

    @Test
    void every_owner_and_sum_is_what_the_tables_hold() throws Exception {
        JsonNode dekom = cycle(overview(People.CASEWORKER), SCHEME);
        assertThat(dekom.get("syklusId").asText()).isEqualTo(dekomId);
        Map<String, JsonNode> lines = byOwner(dekom);

        Map<String, Long> decided = amounts("select organisation_number, amount_ore from km_decision where cycle_id = ?",
                dekomId);
        Map<String, Long> paid = amounts("""
                select p.organisation_number, p.amount_ore from km_payment p join km_decision d on d.id = p.decision_id
                where d.cycle_id = ?""", dekomId);
        List<String> sent = jdbc.sql("select organisation_number from km_need_report where cycle_id = ?").param(dekomId)
                .query(String.class).list();
        List<String> notTakingPart = jdbc.sql("select organisation_number from km_participation where cycle_id = ?"
                + " and takes_part = false").param(dekomId).query(String.class).list();
        assertThat(sent).containsExactlyInAnyOrder(BERGEN, VESTLAND_FK);
        assertThat(decided).containsOnlyKeys(BERGEN, VESTLAND_FK);
        assertThat(paid).containsOnlyKeys(VESTLAND_FK);

        for (JsonNode line : lines.values()) {
            String orgnr = line.get("organisasjonsnummer").asText();
            assertThat(line.get("vedtattOre").asLong()).as(orgnr).isEqualTo(decided.getOrDefault(orgnr, 0L));
            assertThat(line.get("utbetaltOre").asLong()).as(orgnr).isEqualTo(paid.getOrDefault(orgnr, 0L));
            String status = line.get("soknadStatus").asText();
            if (sent.contains(orgnr)) {
                assertThat(status).as(orgnr).isEqualTo("Sendt");
                assertThat(line.get("soknad").asText()).startsWith("Sendt ");
            } else if (notTakingPart.contains(orgnr)) {
                assertThat(status).as(orgnr).isEqualTo("Deltar ikke");
            } else {
                throw new AssertionError(orgnr + " is neither sent nor out: " + line);
            }
        }
        assertThat(lines.get(BERGEN).get("navn").asText()).isEqualTo("Bergen kommune");
        assertThat(lines.get(BERGEN).get("innstiltOre").asLong()).isEqualTo(700_000_000L);
        assertThat(lines.get(VESTLAND_FK).get("innstiltOre").asLong()).isEqualTo(300_000_000L);
        assertThat(lines.get(BERGEN).get("tiltak").asInt()).isEqualTo(1);
        assertThat(lines.get(BERGEN).get("soktOre").asLong()).isEqualTo(jdbc.sql("""
                select sum(y.amount_ore) from km_measure m join km_measure_year y on y.measure_id = m.id
                where m.cycle_id = ? and m.organisation_number = ? and y.budget_year = ?""")
                .params(dekomId, BERGEN, year).query(Long.class).single());
        assertThat(lines.get(BERGEN).get("egenvurdering").asText()).isEqualTo("Ikke åpnet ennå");

        JsonNode sums = dekom.get("summer");
        assertThat(sums.get("rammeOre").asLong()).isEqualTo(1_000_000_000L);
        assertThat(sums.get("vedtattOre").asLong()).isEqualTo(decided.values().stream().mapToLong(Long::longValue).sum());
        assertThat(sums.get("utbetaltOre").asLong()).isEqualTo(paid.values().stream().mapToLong(Long::longValue).sum());
        assertThat(sums.get("ikkeFordeltOre").asLong()).isEqualTo(1_000_000_000L - sums.get("vedtattOre").asLong());
        assertThat(dekom.get("soknader").get("Sendt").asLong()).isEqualTo(2);
        assertThat(dekom.get("soknader").get("Deltar ikke").asLong()).isEqualTo(notTakingPart.size());
        assertThat(dekom.get("fase").asText()).isEqualTo("Brev per mottaker og søker (vedtak, avslag) og Utbetaling per vedtak (R9)");

        JsonNode rekom = cycle(overview(People.CASEWORKER, nextYear), SCHEME);
        assertThat(rekom.get("syklusId").asText()).isEqualTo(rekomId);
        assertThat(rekom.get("soknader").get("Ikke sendt").asLong()).isEqualTo(rekom.get("eiere").size()).isPositive();
        assertThat(rekom.get("fase").asText()).isEqualTo("Behovskartlegging per eier");
        assertThat(rekom.get("summer").get("ikkeFordeltOre").asLong()).isEqualTo(500_000_000L);
    }

    @Test
    void the_payment_waiting_for_an_account_is_blocked_work_with_its_task() throws Exception {
        JsonNode dekom = cycle(overview(People.CASEWORKER), SCHEME);
        assertThat(dekom.get("blokkert")).hasSize(1);
        JsonNode blocked = dekom.get("blokkert").get(0);
        assertThat(blocked.get("hva").asText()).isEqualTo(registerAccount.getName())
                .startsWith("Registrer kontonummer for Bergen kommune");
        assertThat(blocked.get("handling").asText()).contains("Registrer kontonummeret");
        assertThat(blocked.get("lenke").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task="
                + registerAccount.getId());
        assertThat(cycle(overview(People.CASEWORKER, nextYear), SCHEME).get("blokkert")).isEmpty();
    }

    @Test
    void the_diagram_counts_where_the_cases_are() throws Exception {
        JsonNode dekom = cycle(overview(People.CASEWORKER), SCHEME);
        List<String> models = new ArrayList<>();
        dekom.get("diagrammer").forEach(d -> models.add(d.get("navn").asText()));
        assertThat(models).first().isEqualTo("Årssyklus for en ordning");
        assertThat(models).contains("Behovsmelding fra en eier", "Utbetaling av et vedtak");
        JsonNode yearly = dekom.get("diagrammer").get(0);
        // two payments: the county's done, Bergen's waiting
        assertThat(yearly.get("antall").get("Activity_Disbursement").get(0).asLong()).isEqualTo(1);
        assertThat(yearly.get("antall").get("Activity_Disbursement").get(1).asLong()).isEqualTo(1);
        long owners = dekom.get("eiere").size();
        assertThat(yearly.get("antall").get("Activity_NeedMapping").get(1).asLong()).isEqualTo(owners);

        HttpResponse<String> xml = get(People.CASEWORKER, "/api/oversikt/modeller/"
                + yearly.get("definisjonId").asText());
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).contains("name=\"Forbered samarbeidsforumet\"")
                .doesNotContainPattern("\\sname=\"[^\"]*\\$\\{");
        assertThat(get(People.CASEWORKER, "/api/oversikt/modeller/finnes-ikke:1:1").statusCode()).isEqualTo(404);
        assertThat(get(People.OWNER_BERGEN, "/api/oversikt/modeller/" + yearly.get("definisjonId").asText())
                .statusCode()).isEqualTo(403);
    }

    @Test
    void the_csv_holds_what_the_page_shows() throws Exception {
        HttpResponse<String> csv = get(People.CASEWORKER, "/api/oversikt/vestland/csv?aar=" + year);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("oversikt-vestland-" + year + ".csv");
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0]).startsWith("\uFEFFOrdning;År;Fase;Organisasjonsnummer;Eier;Søknad;Tiltak;Søkt i år (kr)");
        JsonNode view = overview(People.CASEWORKER);
        assertThat(rows).hasSize(1 + cycle(view, SCHEME).get("eiere").size());
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("\"" + SCHEME + "\";\"" + year + "\";")
                .contains("\"" + BERGEN + "\";\"Bergen kommune\";\"Sendt ")
                .contains(";\"7000000,00\";\"7000000,00\";\"0,00\";"));
    }

    @Test
    void only_the_embetes_own_caseworkers_auditors_and_administrators_read_it() throws Exception {
        assertThat(get(People.CASEWORKER_ROGALAND, "/api/oversikt/vestland?aar=" + year).statusCode()).isEqualTo(403);
        assertThat(get(People.OWNER_BERGEN, "/api/oversikt/vestland?aar=" + year).statusCode()).isEqualTo(403);
        assertThat(get(People.OWNER_BERGEN, "/api/oversikt/vestland/csv?aar=" + year).statusCode()).isEqualTo(403);
        assertThat(get(People.ANONYMOUS, "/api/oversikt/vestland").statusCode()).isEqualTo(401);
        // the yearly report as data exists once the report is made
        assertThat(get(People.CASEWORKER, "/api/rapporter/" + dekomId + "/json").statusCode()).isEqualTo(404);
        assertThat(get(People.CASEWORKER, "/api/oversikt/atlantis").statusCode()).isEqualTo(404);
        assertThat(overview(People.AUDITOR).get("sykluser")).hasSize(1);
        assertThat(overview(People.ADMIN, nextYear).get("sykluser")).hasSize(1);

        assertThat(new ObjectMapper().readTree(get(People.OWNER_BERGEN, "/api/oversikt/embeter").body())).isEmpty();
        JsonNode mine = new ObjectMapper().readTree(get(People.CASEWORKER, "/api/oversikt/embeter").body());
        assertThat(mine).extracting(e -> e.get("navn").asText())
                .containsExactly("Statsforvalteren i Vestland", "Vestland fylkeskommune");
        JsonNode county = new ObjectMapper().readTree(get(People.COUNTY_CASEWORKER, "/api/oversikt/embeter").body());
        assertThat(county).extracting(e -> e.get("navn").asText()).containsExactly("Vestland fylkeskommune");
        assertThat(get(People.COUNTY_CASEWORKER, "/api/oversikt/vestland").statusCode()).isEqualTo(403);
        assertThat(new ObjectMapper().readTree(get(People.AUDITOR, "/api/oversikt/embeter").body())).hasSize(25);
    }
}
