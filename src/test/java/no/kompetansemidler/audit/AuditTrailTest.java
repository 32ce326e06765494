package no.kompetansemidler.audit;

import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.Years;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.People;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import static no.kompetansemidler.testkit.Organisations.BERGEN;
import static org.assertj.core.api.Assertions.assertThat;

/** After a complete cycle, the auditor's account shows who did what, when, in order; the exports agree. */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    AuditTrail trail;
    @Autowired
    RuntimeService runtime;
    @LocalServerPort
    int port;
    String cycleId;
    List<AuditEvent> events;
    final int year = Years.nextAlone(); // its cycle carries money over into the year after
    int owners;

    @BeforeAll
    void aCompleteCycle() throws Exception {
        CycleScenario scenario = new CycleScenario(context);
        ProcessInstance cycle = scenario.run(year);
        owners = scenario.owners();
        cycleId = context.getBean(org.camunda.bpm.engine.HistoryService.class).createHistoricVariableInstanceQuery()
                .processInstanceId(cycle.getId()).variableName("syklusId").singleResult().getValue().toString();
        events = trail.account(cycleId).events();
    }

    int indexOf(Predicate<AuditEvent> event) {
        for (int i = 0; i < events.size(); i++) {
            if (event.test(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such event");
    }

    static Predicate<AuditEvent> kind(String kind, String text) {
        return e -> e.kind().equals(kind) && e.what().contains(text);
    }

    @Test
    void each_persons_completed_tasks_are_there_with_the_values_they_submitted_and_their_role() {
        AuditEvent bergenReport = events.get(indexOf(kind("Skjemaverdier", "medvirkning = Skoleledere og lærere")
                .and(e -> e.user().equals("demo-eier-bergen"))));
        assertThat(bergenReport.role()).isEqualTo("eier (Bergen kommune)");
        assertThat(bergenReport.what()).startsWith("«Send behovsmelding – Bergen kommune (DEKOM " + year + ")»:").contains("medvirkning = Skoleledere og lærere");
        assertThat(bergenReport.process()).isEqualTo("Behovsmelding fra en eier (versjon 1, 1.2.0)");
        assertThat(bergenReport.organisationNumber()).isEqualTo(BERGEN);
        assertThat(events.get(indexOf(kind("Behovsmelding", "Behovsmelding fra " + BERGEN))).what()).contains(
                "tiltak 1 «Lesing i alle fag» (UH-partner 917641404): " + year + " 1 000 000,00 kr, " + (year + 1)
                        + " 500 000,00 kr");
        AuditEvent confirmed = events.get(indexOf(kind("Partnerskap", "fra " + BERGEN)));
        assertThat(confirmed.user()).isEqualTo("demo-uh");
        assertThat(confirmed.what()).isEqualTo("UH-partner 917641404: bekreftet partnerskapet i 1 tiltak fra " + BERGEN + ".");
        AuditEvent completed = events.get(indexOf(kind("Oppgave fullført", "Send behovsmelding")
                .and(e -> e.user().equals("demo-eier-bergen"))));
        assertThat(completed.role()).isEqualTo("eier (Bergen kommune)");
        assertThat(events).filteredOn(e -> e.kind().equals("Oppgave fullført") && e.user().equals("demo-saksbehandler"))
                .extracting(AuditEvent::role).containsOnly("saksbehandler (Statsforvalteren i Vestland)");
        assertThat(events).filteredOn(e -> e.kind().equals("Deltar ikke (R5)")).hasSize(owners - 3);
    }

    @Test
    void the_innstilling_the_breach_the_decision_the_payments_and_the_reminders_are_there_in_order() {
        int start = indexOf(kind("Sak startet", "Årssyklus for en ordning"));
        int reminder = indexOf(kind("E-post sendt", "Påminnelse: behovsmelding for DEKOM " + year));
        int firstVersion = indexOf(kind("Fordeling, versjon 1", "Lagret av saksbehandleren (beløp per mottaker)")
                .and(e -> e.what().contains("Askøy kommune (" + no.kompetansemidler.testkit.CycleScenario.ASKOY + ") 1 500 000,50 kr, egenandel 450 000,14 kr")));
        int innstilling = indexOf(kind("Skjemaverdier", "«Registrer forumets innstilling (DEKOM " + year + ")»: ")
                .and(e -> e.what().contains("forumEnig = ja")));
        int breach = indexOf(kind("Regelbrudd R1", "Askøy kommune"));
        int check = indexOf(kind("Regelkontroll", "Fordelingen, versjon 1, kontrollert mot R1–R6 og R14: 1 regelbrudd."
                + " Parametere: ordning=DEKOM; R1 egenandel=30 %"));
        int secondVersion = indexOf(kind("Fordeling, versjon 2", "egenandel 450 000,15 kr"));
        int secondCheck = indexOf(kind("Regelkontroll", "Fordelingen, versjon 2, kontrollert mot R1–R6 og R14: 0 regelbrudd."));
        int correction = indexOf(kind("Oppgave fullført", "Rett regelbrudd"));
        int decision = indexOf(kind("Vedtak", "Bergen kommune (964338531): 4 000 000,00 kr. Grunnlag: forumets innstilling")
                .and(e -> e.what().contains("Begrunnelse: Forumets innstilling av 10. mars.")));
        int payment = indexOf(kind("Utbetaling", "4 000 000,00 kr utbetalt til Bergen kommune"));
        int selfEvaluation = indexOf(kind("Egenvurdering", "Bergen kommune"));
        int settlement = indexOf(kind("Oppgjør (R15)", "Askøy kommune: overført til neste år: 500 000,00 kr"));
        int end = indexOf(kind("Sak avsluttet", "Årssyklus for en ordning fullført."));
        assertThat(List.of(start, reminder, firstVersion, innstilling, check, breach, secondVersion, correction,
                secondCheck, decision, payment, selfEvaluation,
                settlement, end)).isSorted();
        // the decisions are made when the leader approves the distribution the caseworker prepared
        assertThat(events.get(decision).user()).isEqualTo("demo-leder");
        int signOff = indexOf(kind("Godkjenning", "Vedtakene godkjent av lederen; forberedt av demo-saksbehandler"));
        assertThat(events.get(signOff).user()).isEqualTo("demo-leder");
        assertThat(signOff).isBetween(secondCheck, decision);
        int letter = indexOf(kind("Brev skrevet", "Tilsagnsbrev til Bergen kommune (" + BERGEN + "): innvilget 4 000 000,00 kr"));
        int sent = indexOf(kind("Brev sendt", "Tilsagnsbrev til Bergen kommune"));
        int delivered = indexOf(kind("Brev levert", "Tilsagnsbrev til Bergen kommune"));
        assertThat(List.of(decision, letter, sent, delivered)).isSorted();
        assertThat(events.get(letter).amountOre()).isEqualTo(400_000_000L);
        int claim = indexOf(kind("Krav (R15)", "Krav om tilbakebetaling til Vestland fylkeskommune (821311632):"
                + " 100 000,00 kr til konto 76940512340, frist "));
        assertThat(events.get(claim).amountOre()).isEqualTo(10_000_000L);
        assertThat(indexOf(kind("Brev levert", "Kravbrev til Vestland fylkeskommune"))).isGreaterThan(claim);
        int batch = indexOf(kind("Utbetalingsfil", "4 vedtak, til sammen 10 000 000,00 kr; forberedt av demo-saksbehandler,"
                + " godkjent av demo-leder"));
        assertThat(batch).isGreaterThan(payment);
        assertThat(events.get(decision).organisationNumber()).isEqualTo(BERGEN);
        assertThat(events.get(decision).amountOre()).isEqualTo(400_000_000L);
        assertThat(events.get(payment).decisionId()).isEqualTo(events.get(decision).decisionId()).isNotBlank();
        assertThat(events.get(payment).amountOre()).isEqualTo(400_000_000L);
        assertThat(events).filteredOn(e -> e.kind().equals("Utbetaling")).hasSize(4);
        assertThat(events).filteredOn(e -> e.kind().equals("E-post sendt")).hasSize(owners);
        assertThat(events).filteredOn(e -> e.kind().equals("Vedtak")).hasSize(4);
        assertThat(events).filteredOn(e -> e.kind().startsWith("Regelbrudd")).hasSize(1);
        assertThat(events).extracting(AuditEvent::at).isSorted();
    }

    HttpResponse<byte[]> get(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(People.basic(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)), user, "demo").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void the_page_the_csv_the_json_and_the_pdf_carry_the_same_events() throws Exception {
        String base = "/revisjon/sykluser/" + cycleId;
        HttpResponse<byte[]> page = get("demo-revisor", base);
        assertThat(page.statusCode()).isEqualTo(200);
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("Saksforløp: Statsforvalteren i Vestland, DEKOM " + year)
                .contains("Hendelsene (" + events.size() + ")");
        // the summary's nine lines, the events' header and the events
        assertThat(html.split("<tr>")).hasSize(1 + 9 + 1 + events.size());

        String csv = new String(get("demo-revisor", base + "/csv").body(), StandardCharsets.UTF_8);
        List<String> rows = records(csv);
        assertThat(rows).hasSize(events.size() + 1);
        assertThat(rows.get(0)).isEqualTo("\uFEFFTidspunkt;Bruker;Rolle;Hendelse;Hva;Organisasjonsnummer;Beløp (kr);Vedtak;Sak");
        for (int i = 0; i < events.size(); i++) {
            assertThat(rows.get(i + 1)).contains("\"" + events.get(i).kind() + "\"").contains("\"" + events.get(i).user() + "\"");
        }

        JsonNode json = new ObjectMapper().readTree(get("demo-revisor", base + "/json").body());
        assertThat(json.get("hendelser")).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            assertThat(json.get("hendelser").get(i).get("hva").asText()).isEqualTo(events.get(i).what());
        }
        assertThat(json.get("syklus").get("rammeOre").asLong()).isEqualTo(1_000_000_000L);

        HttpResponse<byte[]> pdf = get("demo-revisor", base + "/pdf");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        // kept for a person to look at, as the auditor would
        java.nio.file.Files.write(java.nio.file.Path.of("target", "saksforlop.pdf"), pdf.body());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Hendelsene (" + events.size() + ")").contains("Regelbrudd R1")
                    .contains("Saksforløp: Statsforvalteren i Vestland, DEKOM " + year)
                    .contains("Side 1 av " + document.getNumberOfPages());
            assertThat(new PDFTextStripper() {{ setStartPage(1); setEndPage(1); }}.getText(document))
                    .contains("Sammendrag").contains("Ramme fra Udir").doesNotContain("Hendelsene (");
            assertThat(document.getPage(0).getMediaBox().getHeight()).as("portrait")
                    .isGreaterThan(document.getPage(0).getMediaBox().getWidth());
            for (String kind : events.stream().map(AuditEvent::kind).distinct().toList()) {
                assertThat(text).as(kind).contains(kind);
            }
        }
    }

    @Test
    void every_event_reads_in_plain_norwegian_and_the_summary_is_what_the_tables_hold() throws Exception {
        java.util.regex.Pattern internal = java.util.regex.Pattern.compile("\\bnull\\b|\\b(Task|Activity|Event|Gateway)_"
                + "|COMPLETED|TERMINATED|\\(completed\\)|\\(deleted\\)|INNSTILLING|RESERVEVEDTAK|CARRY_OVER|REPAYMENT_CLAIM"
                + "|\\$\\{| on Task| v\\d+ \\(");
        for (AuditEvent event : events) {
            for (String text : new String[]{event.kind(), event.what(), event.process(), event.role(), event.user()}) {
                assertThat(internal.matcher(text).find()).as(event.toString()).isFalse();
            }
        }
        JsonNode json = new ObjectMapper().readTree(get("demo-revisor", "/revisjon/sykluser/" + cycleId + "/json").body());
        JsonNode summary = json.get("sammendrag");
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        assertThat(summary.get("vedtattOre").asLong()).isEqualTo(jdbc.sql("select sum(amount_ore) from km_decision"
                + " where cycle_id = ?").param(cycleId).query(Long.class).single()).isEqualTo(1_000_000_000L);
        assertThat(summary.get("utbetaltOre").asLong()).isEqualTo(1_000_000_000L);
        assertThat(summary.get("overfortOre").asLong()).isEqualTo(50_000_000L);
        assertThat(summary.get("regelbrudd").asLong()).isEqualTo(1);
        assertThat(summary.get("ikkeDeltatt").asLong()).isEqualTo(owners - 3);
        JsonNode decision = null;
        for (JsonNode event : json.get("hendelser")) {
            if (event.get("hendelse").asText().equals("Vedtak") && BERGEN.equals(event.get("organisasjonsnummer").asText())) {
                decision = event;
            }
        }
        assertThat(decision).isNotNull();
        assertThat(decision.get("belopOre").asLong()).isEqualTo(400_000_000L);
        assertThat(decision.get("vedtakId").asText()).isNotBlank();
    }

    @Test
    void the_auditor_narrows_the_account_to_one_owner_or_one_kind_of_event() throws Exception {
        String base = "/revisjon/sykluser/" + cycleId;
        JsonNode bergen = new ObjectMapper().readTree(get("demo-revisor", base + "/json?eier=" + BERGEN).body());
        assertThat(bergen.get("hendelser")).isNotEmpty().allSatisfy(e ->
                assertThat(e.get("organisasjonsnummer").asText()).isEqualTo(BERGEN));
        List<String> kinds = new java.util.ArrayList<>();
        bergen.get("hendelser").forEach(e -> kinds.add(e.get("hendelse").asText()));
        assertThat(kinds).contains("Behovsmelding", "Skjemaverdier", "Oppgave fullført", "Vedtak", "Utbetaling",
                "Egenvurdering", "Oppgjør (R15)");
        List<String> decisions = records(new String(get("demo-revisor", base + "/csv?hendelse=Vedtak").body(),
                StandardCharsets.UTF_8));
        assertThat(decisions).hasSize(1 + 4);
        String html = new String(get("demo-revisor", base + "?eier=" + BERGEN + "&hendelse=Vedtak").body(),
                StandardCharsets.UTF_8);
        // the summary is the whole case's, whatever the selection
        assertThat(html).contains("Hendelsene (1)").contains("Utvalg:</strong> Bergen kommune (" + BERGEN + ")")
                .contains("Vedtatt</th><td>10 000 000,00 kr til 4 mottakere")
                .contains("<option value=\"" + BERGEN + "\" selected>Bergen kommune (" + BERGEN + ")</option>");
    }

    @Test
    void a_browser_without_a_login_is_told_to_log_in_and_gets_no_password_box() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + "/revisjon")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        // with identity providers (as here) to the login page; with local users only, a page saying where to log in
        assertThat(page.headers().firstValue("WWW-Authenticate").orElse("")).doesNotStartWith("Basic");
        if (page.statusCode() == 302) {
            assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/innlogging");
        } else {
            assertThat(page.statusCode()).isEqualTo(401);
            assertThat(page.body()).contains("Logg inn først").contains("/camunda/app/tasklist/default/");
        }
    }

    /** CSV records, quote-aware: a quoted cell may hold line breaks (RFC 4180). */
    static List<String> records(String csv) {
        List<String> records = new java.util.ArrayList<>();
        StringBuilder record = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                records.add(record.toString());
                record.setLength(0);
                i++;
            } else {
                record.append(c);
            }
        }
        return records;
    }

    @Test
    void only_auditors_and_administrators_open_it() throws Exception {
        String base = "/revisjon/sykluser/" + cycleId;
        assertThat(get("demo-eier-bergen", base).statusCode()).isEqualTo(403);
        assertThat(get("demo-eier-bergen", base + "/pdf").statusCode()).isEqualTo(403);
        assertThat(get("demo-saksbehandler", base + "/json").statusCode()).isEqualTo(403);
        assertThat(new String(get("demo-eier-bergen", base).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":403,\"type\":\"IngenTilgang\",\"message\":\"Du har ikke tilgang til dette.\","
                        + "\"violations\":[]}");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(get("demo-admin", base).statusCode()).isEqualTo(200);
    }

    @Test
    void auditors_find_cases_by_embete_scheme_year_and_organisation_number() throws Exception {
        String found = new String(get("demo-revisor", "/revisjon?embete=vestland&ordning=DEKOM&aar=" + year + "&orgnr=964338531")
                .body(), StandardCharsets.UTF_8);
        assertThat(found).contains("1 saker.").contains("/revisjon/sykluser/" + cycleId);
        assertThat(new String(get("demo-revisor", "/revisjon?orgnr=917641404&aar=2020" /* a year no test cycle has (Years) */).body(), StandardCharsets.UTF_8))
                .contains("0 saker.");
    }
}
