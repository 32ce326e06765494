package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.overview.CycleOverview;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.EngineApi;
import no.kompetansemidler.testkit.Http;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application runs a complete cycle with several owners from frame to report, on H2; the county's unused
 * money is claimed back by letter and recorded as paid back; the money Askøy did not use and the Statsforvalter
 * carried over is in the next year's frame to distribute.
 */
@ApplicationTest
class FullCycleTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CycleRepository cycles;
    @Autowired
    CycleOverview overview;
    @Autowired
    Claims claims;
    @Autowired
    Distributions distributions;
    @Autowired
    no.kompetansemidler.letters.LetterRepository letters;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void a_complete_cycle_pays_every_recipient_once_and_the_report_adds_up_to_the_ore() throws Exception {
        int year = Years.nextAlone();
        CycleScenario scenario = new CycleScenario(context);
        scenario.assertPaymentsAndReport(scenario.run(year));

        // the county's unused 100 000 kr is a claim with the embete's account and a due date, and a letter (R15)
        String cycleId = scenario.cycleId();
        Claims.Claim claim = claims.of(cycleId).stream().filter(c -> c.organisationNumber().equals(
                CycleScenario.VESTLAND_FK)).findFirst().orElseThrow();
        assertThat(claims.of(cycleId)).hasSize(1);
        assertThat(claim.amount()).isEqualTo(Money.ofKroner(100_000));
        assertThat(claim.accountNumber()).isEqualTo("76940512340");
        assertThat(claim.dueDate()).isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).plusDays(30));
        var letter = letters.find(cycleId, CycleScenario.VESTLAND_FK, no.kompetansemidler.letters.LetterRepository.Kind.KRAV)
                .orElseThrow();
        assertThat(letter.status()).isEqualTo(no.kompetansemidler.letters.LetterRepository.Status.LEVERT);
        String text = no.kompetansemidler.testkit.Pdfs.text(letters.pdf(letter.id()).orElseThrow());
        assertThat(text).contains("Krav om tilbakebetaling – Desentralisert ordning for kompetanseutvikling i skolen " + year)
                .contains("Dere fikk 3 000 000,00 kr i tilskudd").contains("brukte 2 900 000,00 kr")
                .contains("krever derfor tilbake 100 000,00 kr").contains("Til kontonummer 7694.05.12340")
                .contains("Betalingsfrist " + java.time.format.DateTimeFormatter.ofPattern("d. MMMM yyyy",
                        java.util.Locale.forLanguageTag("nb-NO")).format(claim.dueDate()))
                .contains("Klagefristen er tre uker").contains("Utdanningsdirektoratet, som er klageinstans");

        // the caseworker records the money coming in: in two parts, never more than the claim
        String path = "/api/krav/" + claim.id() + "/innbetaling";
        assertThat(Http.call(port, "demo-eier-vestlandfk", "POST", path, "{\"belop\": \"100 000\", \"dato\": \"01.12.2026\"}")
                .statusCode()).isEqualTo(403);
        EngineApi.assertRefused(Http.call(port, "demo-saksbehandler", "POST", path,
                "{\"belop\": \"150 000\", \"dato\": \"01.12.2026\"}"), 400, "belop:R15");
        EngineApi.assertRefused(Http.call(port, "demo-saksbehandler", "POST", path,
                "{\"belop\": \"100 000\", \"dato\": \"31.12.2099\"}"), 400, "dato:DATO");
        assertThat(claims.find(claim.id()).orElseThrow().paid()).isNull();
        var part = Http.call(port, "demo-saksbehandler", "POST", path, "{\"belop\": \"40 000\", \"dato\": \"30.11.2026\"}");
        assertThat(part.statusCode()).as(part.body()).isEqualTo(200);
        assertThat(part.body()).contains("delvis innbetalt: 60 000,00 kr står igjen");
        EngineApi.assertRefused(Http.call(port, "demo-saksbehandler", "POST", path,
                "{\"belop\": \"100 000\", \"dato\": \"01.12.2026\"}"), 400, "belop:R15");
        var paid = Http.call(port, "demo-saksbehandler", "POST", path, "{\"belop\": \"60 000\", \"dato\": \"01.12.2026\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(paid.body()).contains("\"status\":\"Innbetalt 01.12.2026\"");
        EngineApi.assertRefused(Http.call(port, "demo-saksbehandler", "POST", path,
                "{\"belop\": \"100 000\", \"dato\": \"01.12.2026\"}"), 400, "krav:OPPGJORT");
        assertThat(Http.call(port, "demo-leder", "GET", "/api/sykluser/" + cycleId + "/krav", null).body())
                .contains("Innbetalt 01.12.2026").contains("7694.05.12340");
        assertThat(Http.call(port, "demo-saksbehandler", "GET", "/api/rapporter/" + cycleId + "/json", null).body())
                .contains("\"tilbakebetalingskravOre\":10000000,\"tilbakebetaltOre\":10000000");

        // the next year (kept for this test): Udir's frame, and Askøy's 500 000 kr carried over (R15)
        CycleScenario next = new CycleScenario(context);
        var cycle = next.start("DEKOM", year + 1, "8 000 000");
        assertThat(runtime.getVariable(cycle.getId(), "rammeTekst"))
                .isEqualTo("8 000 000,00 kr fra Udir og 500 000,00 kr overført fra " + year + " (R15)");
        CycleRepository.Cycle stored = cycles.cycle(next.cycleId());
        assertThat(stored.frame()).isEqualTo(Money.ofKroner(8_000_000));
        assertThat(cycles.distributable(stored)).isEqualTo(Money.ofKroner(8_500_000));
        var view = overview.of(Embete.VESTLAND, year + 1).sykluser().stream()
                .filter(c -> c.syklusId().equals(next.cycleId())).findFirst().orElseThrow();
        assertThat(view.summer().rammeOre()).isEqualTo(800_000_000L);
        assertThat(view.summer().overfortInnOre()).isEqualTo(50_000_000L);
        assertThat(view.summer().ikkeFordeltOre()).isEqualTo(850_000_000L);

        // the measures granted last year that run into this one come back as committed rows (R14): Bergen applies
        // for a new measure and keeps «Lesing i alle fag» (500 000 kr this year); the county applies for the same
        // measure again, which replaces its commitment
        var newMeasure = new java.util.LinkedHashMap<>(no.kompetansemidler.testkit.Applications.measure(CycleScenario.HVL));
        newMeasure.put("tittel", "Vurdering for læring");
        next.complete(next.taskFor("Task_SubmitNeedReport", CycleScenario.BERGEN), "demo-eier-bergen", java.util.Map.of(
                "medvirkning", no.kompetansemidler.testkit.Applications.INVOLVEMENT, "behov", "Vurdering og lesing.",
                "tiltak", no.kompetansemidler.testkit.Applications.rows(java.util.List.of(newMeasure))));
        next.complete(next.taskFor("Task_SubmitNeedReport", CycleScenario.VESTLAND_FK), "demo-eier-vestlandfk",
                no.kompetansemidler.testkit.Applications.needReport(CycleScenario.HVL));
        var rows = distributions.view(next.cycleId()).rader();
        var bergen = rows.stream().filter(r -> r.organisasjonsnummer().equals(CycleScenario.BERGEN)).findFirst()
                .orElseThrow();
        assertThat(bergen.belop()).isEqualTo("1 500 000,00");
        assertThat(bergen.tiltak()).isEqualTo("Vurdering for læring · Lesing i alle fag");
        assertThat(bergen.tilAar()).isEqualTo(Integer.toString(year + 2));
        assertThat(bergen.soknad()).contains("Betinget tilsagn fra " + year + " (R14): «Lesing i alle fag»,"
                + " 500 000,00 kr i " + (year + 1) + ".");
        var county = rows.stream().filter(r -> r.organisasjonsnummer().equals(CycleScenario.VESTLAND_FK)).findFirst()
                .orElseThrow();
        assertThat(county.belop()).isEqualTo("1 000 000,00");
        assertThat(county.soknad()).doesNotContain("Betinget tilsagn");
        assertThat(rows).extracting(Distributions.Row::organisasjonsnummer).doesNotContain(CycleScenario.ASKOY);
    }
}
