package no.kompetansemidler.letters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.EngineApi;
import no.kompetansemidler.testkit.Http;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static no.kompetansemidler.testkit.Organisations.ASKOY;
import static no.kompetansemidler.testkit.Organisations.BERGEN;
import static no.kompetansemidler.testkit.Organisations.HVL;
import static no.kompetansemidler.testkit.Organisations.VESTLAND_FK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decisions reach the recipients, one Kompetanseløftet cycle in Vestland: Bergen, Askøy and Vestland fylkeskommune
 * apply; the forum gives Bergen 9 500 000 kr, Askøy 500 000 kr of the 1 000 000 kr it applied for, and the county
 * nothing. A caseworker who is also a leader prepares the distribution and cannot sign it off; another leader does.
 * Then each applicant gets its letter (two grants, one in part refused, and a refusal), sent and journalled once
 * through the demo's integrasjonspunkt, also when the node fails after sending (Bergen), when the integrasjonspunkt
 * is down (Askøy) and when the delivery fails (the county); the payments become one file.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LettersTest {

    /** A caseworker of Vestland who is also one of its leaders. */
    static final String CASEWORKER_AND_LEADER = "test-saksbehandler-og-leder";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ApplicationContext context;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    CycleRepository cycles;
    @Autowired
    LetterRepository letters;
    @Autowired
    DemoIntegrasjonspunkt integrasjonspunkt;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    final int year = Years.forKompetanseloftet();
    CycleScenario scenario;
    String cycleId;

    @BeforeAll
    void threeOwnersApplyAndTheCaseworkerWhoIsAlsoALeaderPreparesTheDistribution() {
        People.ensureStaff(identity, CASEWORKER_AND_LEADER, "Sara", "Saksbehandler-Leder", "saksbehandler-vestland",
                "leder-vestland");
        People.ensureUser(identity, CycleScenario.ASKOY_USER, "eier-" + ASKOY);
        scenario = new CycleScenario(context);
        scenario.start("KOMPETANSELOFTET", year, "10 000 000");
        cycleId = scenario.cycleId();
        scenario.submitNeedReport(BERGEN, "demo-eier-bergen");
        scenario.submitNeedReport(VESTLAND_FK, "demo-eier-vestlandfk");
        scenario.submitNeedReport(ASKOY, CycleScenario.ASKOY_USER);
        scenario.executeJobsOf("BoundaryEvent_DeadlinePassed");
        scenario.taskQuery().taskDefinitionKey("Task_HandleMissedDeadline").list().forEach(scenario::doesNotTakePart);
        scenario.countNeedReports();
        scenario.complete("Task_PrepareForum", CASEWORKER_AND_LEADER, Map.of());
        scenario.saveDistribution(BERGEN + "; 9 500 000; 2 850 000; 0; 0; Lesing i alle fag; etterutdanning; " + year
                + "; " + (year + 1) + "\n" + ASKOY + "; 500 000; 150 000; 0; 0; Inkluderende praksis; etterutdanning; "
                + year + "; " + year);
        scenario.complete("Task_RecordRecommendation", CASEWORKER_AND_LEADER, Map.of("forumEnig", true,
                "prioriteringer", "Lesing og inkluderende praksis", "begrunnelse",
                "Forumet prioriterte lesing og inkluderende praksis; fylkeskommunens tiltak ventes til neste år."));
    }

    @Test
    @Order(1)
    void the_caseworker_who_prepared_the_distribution_cannot_sign_it_off_and_nothing_is_decided() throws Exception {
        Task signOff = scenario.taskQuery().taskDefinitionKey("Task_SignOff").singleResult();
        assertThat(signOff.getName()).isEqualTo("Godkjenn vedtakene (KOMPETANSELOFTET " + year + ")");
        assertThat(tasks.getVariable(signOff.getId(), "sumTekst")).isEqualTo(
                "2 vedtak, til sammen 10 000 000,00 kr av rammen 10 000 000,00 kr (samarbeidsforumets innstilling)");

        for (EngineApi api : List.of(EngineApi.ENGINE_REST, EngineApi.TASKLIST)) {
            HttpResponse<String> refused = api.send(port, CASEWORKER_AND_LEADER, "POST", "/task/" + signOff.getId()
                    + (api == EngineApi.TASKLIST ? "/submit-form" : "/complete"), "application/json",
                    "{\"variables\":{\"godkjenning\":{\"value\":\"GODKJENT\"}}}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            JsonNode answer = JSON.readTree(refused.body());
            assertThat(answer.path("status").asInt()).isEqualTo(400);
            assertThat(answer.path("violations").get(0).path("field").asText()).isEqualTo("godkjenning");
            assertThat(answer.path("violations").get(0).path("ruleId").asText()).isEqualTo("TO_PERSONER");
            assertThat(answer.path("message").asText()).contains("kan derfor ikke godkjenne");
        }
        assertThat(scenario.taskQuery().taskDefinitionKey("Task_SignOff").count()).isOne();
        assertThat(cycles.decisions(cycleId)).isEmpty();
        assertThat(jdbc.sql("select count(*) from km_sign_off where cycle_id = ?").param(cycleId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    @Order(2)
    void another_leader_approves_and_each_applicant_gets_its_letter_sent_once_whatever_fails() throws Exception {
        Task signOff = scenario.taskQuery().taskDefinitionKey("Task_SignOff").singleResult();
        HttpResponse<String> approved = EngineApi.TASKLIST.send(port, People.LEADER, "POST", "/task/"
                + signOff.getId() + "/submit-form", "application/json",
                "{\"variables\":{\"godkjenning\":{\"value\":\"GODKJENT\"}}}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
        assertThat(cycles.decisions(cycleId)).extracting(CycleRepository.Decision::organisationNumber)
                .containsExactlyInAnyOrder(BERGEN, ASKOY);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("vedtaksbrev")
                .processInstanceBusinessKey(scenario.businessKey()).count()).isEqualTo(3);

        scenario.executeJobsOf("Task_WriteLetter");
        assertThat(letters.ofCycle(cycleId)).hasSize(3);

        // Bergen: the node fails after the integrasjonspunkt took the letter; the retry does not send it again
        String bergen = letterOf(BERGEN).id();
        jdbc.sql("alter table km_letter add constraint km_test_krasj check (id <> '" + bergen
                + "' or status <> 'SENDT')").update();
        try {
            assertThatThrownBy(() -> management.executeJob(jobOf(BERGEN).getId())).isInstanceOf(RuntimeException.class);
        } finally {
            jdbc.sql("alter table km_letter drop constraint km_test_krasj").update();
        }
        assertThat(receivedFor(BERGEN)).hasSize(1);
        assertThat(letterOf(BERGEN).status()).isEqualTo(LetterRepository.Status.SKREVET);
        int postsBefore = integrasjonspunkt.posts();
        management.executeJob(jobOf(BERGEN).getId());
        assertThat(integrasjonspunkt.posts()).isEqualTo(postsBefore);
        assertThat(receivedFor(BERGEN)).hasSize(1);
        deliver(BERGEN);

        // Askøy: the integrasjonspunkt is down through the retries; the caseworker's task sends it when it is up
        integrasjonspunkt.failNextSends(3);
        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = jobOf(ASKOY);
            assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
        }
        Task sendFailed = scenario.taskQuery().taskDefinitionKey("Task_SendFailed").singleResult();
        assertThat(sendFailed.getName()).isEqualTo("Utsending av brev feilet: Askøy kommune (KOMPETANSELOFTET "
                + year + ")");
        assertThat((String) tasks.getVariable(sendFailed.getId(), "feilmelding")).contains("HTTP 503");
        assertThat(receivedFor(ASKOY)).isEmpty();
        scenario.complete(sendFailed, "demo-saksbehandler", Map.of("arsakRettet", true));
        management.executeJob(jobOf(ASKOY).getId());
        assertThat(receivedFor(ASKOY)).hasSize(1);
        deliver(ASKOY);

        // the county: the integrasjonspunkt reports that the delivery failed; the caseworker has it sent anew
        integrasjonspunkt.undeliverable(VESTLAND_FK);
        management.executeJob(jobOf(VESTLAND_FK).getId());
        management.executeJob(jobOf(VESTLAND_FK).getId());
        management.executeJob(jobOf(VESTLAND_FK).getId());
        Task deliveryFailed = scenario.taskQuery().taskDefinitionKey("Task_DeliveryFailed").singleResult();
        assertThat((String) tasks.getVariable(deliveryFailed.getId(), "feilmelding"))
                .contains("leveringen feilet (FEIL)").contains("kan ikke motta meldinger");
        assertThat(letterOf(VESTLAND_FK).status()).isEqualTo(LetterRepository.Status.FEILET);
        integrasjonspunkt.deliverable(VESTLAND_FK);
        String firstMessage = letterOf(VESTLAND_FK).messageId();
        scenario.complete(deliveryFailed, "demo-saksbehandler", Map.of("arsakRettet", true));
        management.executeJob(jobOf(VESTLAND_FK).getId());
        deliver(VESTLAND_FK);
        assertThat(letterOf(VESTLAND_FK).messageId()).isNotEqualTo(firstMessage);
        assertThat(receivedFor(VESTLAND_FK)).hasSize(2);

        assertThat(letters.ofCycle(cycleId)).extracting(LetterRepository.Letter::status)
                .containsOnly(LetterRepository.Status.LEVERT).hasSize(3);
        for (var letter : letters.ofCycle(cycleId)) {
            var message = integrasjonspunkt.received().get(letter.messageId());
            assertThat(message.receiver()).isEqualTo(letter.organisationNumber());
            assertThat(message.sbd().at("/standardBusinessDocumentHeader/documentIdentification/standard").asText())
                    .isEqualTo("urn:no:difi:arkivmelding:xsd::arkivmelding");
            assertThat(new String(message.files().get("arkivmelding.xml"), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<journalposttype>Utgående dokument</journalposttype>")
                    .contains("<organisasjonId>" + letter.organisationNumber() + "</organisasjonId>");
            byte[] sent = message.files().values().stream().filter(f -> f.length > 4 && f[0] == '%' && f[1] == 'P')
                    .findFirst().orElseThrow();
            assertThat(sent).isEqualTo(letters.pdf(letter.id()).orElseThrow());
        }
    }

    @Test
    @Order(3)
    void each_letter_states_amount_reasons_conditions_legal_basis_and_the_complaint_deadline() throws Exception {
        String deadline = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("nb-NO"))
                .format(LocalDate.now(ZoneId.of("Europe/Oslo")).plusDays(21));
        String bergen = text(letterOf(BERGEN));
        assertThat(bergen).contains("Statsforvalteren i Vestland").contains("Postboks 7310, 5020 Bergen")
                .contains("Bergen kommune").contains("Organisasjonsnummer " + BERGEN)
                .contains("Vedtak om tilskudd – Kompetanseløftet for spesialpedagogikk og inkluderende praksis " + year)
                .contains("et tilskudd på 9 500 000,00 kr for " + year)
                .contains("Tiltak Lesing i alle fag").contains("Periode " + year + "–" + (year + 1))
                .contains("Søkt for " + year + " 1 000 000,00 kr")
                .doesNotContain("delvis avslag")
                .contains("innstillingen fra samarbeidsforumet")
                .contains("Prioriteringer: Lesing og inkluderende praksis")
                .contains("fylkeskommunens tiltak ventes til neste år")
                .contains("Hjemmel").contains("retningslinjene for tilskuddsordningen").contains("forvaltningsloven")
                .contains("Dere finansierer selv 2 850 000,00 kr i kontanter")
                .contains("Dere rapporterer bruken av midlene i egenvurderingen senest")
                .contains("kreves tilbakebetalt, eller overføres til neste år")
                .contains("Senere år (betinget tilsagn)").contains((year + 1) + " 500 000,00 kr")
                .contains("Klagefristen er tre uker").contains("siste frist for å klage " + deadline)
                .contains("Utdanningsdirektoratet, som er klageinstans")
                .contains("Lene Leder, leder").contains("Sara Saksbehandler-Leder, saksbehandler");

        String askoy = text(letterOf(ASKOY));
        assertThat(askoy).contains("Askøy kommune").contains("et tilskudd på 500 000,00 kr")
                .contains("Avslått 500 000,00 kr").contains("delvis avslag på 500 000,00 kr")
                .contains("Klagefristen er tre uker");

        String county = text(letterOf(VESTLAND_FK));
        assertThat(county).contains("Vedtak om avslag – Kompetanseløftet").contains("Vestland fylkeskommune")
                .contains("avslår søknaden").contains("Dere søkte om 1 000 000,00 kr for " + year)
                .contains("Lesing i alle fag (1 000 000,00 kr)")
                .contains("fylkeskommunens tiltak ventes til neste år")
                .contains("Klagefristen er tre uker").contains(deadline)
                .doesNotContain("Vilkår", "Utbetaling");
        assertThat(letterOf(VESTLAND_FK).granted().ore()).isZero();
        assertThat(letterOf(VESTLAND_FK).applied().ore()).isEqualTo(100_000_000L);
        assertThat(letterOf(ASKOY).template()).startsWith("brevmaler/vedtaksbrev.xhtml (deployment ");
    }

    @Test
    @Order(4)
    void an_owner_reads_its_own_letters_and_the_embete_reads_all_of_them() throws Exception {
        JsonNode mine = JSON.readTree(Http.call(port, "demo-eier-bergen", "GET", "/api/brev", null).body());
        JsonNode ofThisCycle = null;
        for (JsonNode letter : mine) {
            assertThat(letter.get("mottaker").asText()).isEqualTo(BERGEN);
            if (letter.get("syklusId").asText().equals(cycleId)) {
                ofThisCycle = letter;
            }
        }
        assertThat(ofThisCycle).as(mine.toString()).isNotNull();
        assertThat(ofThisCycle.get("hva").asText()).isEqualTo("Tilsagn om tilskudd");
        assertThat(ofThisCycle.get("innvilgetOre").asLong()).isEqualTo(950_000_000L);
        assertThat(ofThisCycle.get("status").asText()).isEqualTo("LEVERT");
        String link = ofThisCycle.get("lenke").asText();
        assertThat(get("demo-eier-bergen", link).statusCode()).isEqualTo(200);
        assertThat(get("demo-eier-vestlandfk", link).statusCode()).isEqualTo(404);
        assertThat(get(People.UH_HVL, link).statusCode()).isEqualTo(404);
        assertThat(get("demo-saksbehandler-rogaland", link).statusCode()).isEqualTo(404);
        assertThat(get(People.ANONYMOUS, link).statusCode()).isEqualTo(401);
        assertThat(get(People.LEADER, link).statusCode()).isEqualTo(200);
        assertThat(get(People.AUDITOR, link).statusCode()).isEqualTo(200);

        for (String reader : List.of("demo-saksbehandler", People.LEADER, People.AUDITOR)) {
            HttpResponse<String> all = Http.call(port, reader, "GET", "/api/sykluser/" + cycleId + "/brev", null);
            assertThat(all.statusCode()).as(reader).isEqualTo(200);
            assertThat(JSON.readTree(all.body()).findValuesAsText("mottaker"))
                    .containsExactlyInAnyOrder(BERGEN, ASKOY, VESTLAND_FK);
        }
        assertThat(Http.call(port, "demo-eier-bergen", "GET", "/api/sykluser/" + cycleId + "/brev", null)
                .statusCode()).isEqualTo(403);
        assertThat(Http.call(port, "demo-saksbehandler-rogaland", "GET", "/api/sykluser/" + cycleId + "/brev", null)
                .statusCode()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void the_payments_become_files_once_naming_who_prepared_and_who_approved_and_the_cycle_goes_on() throws Exception {
        String path = "/api/sykluser/" + cycleId + "/utbetalingsfiler";
        EngineApi.assertRefused(Http.call(port, "demo-saksbehandler", "POST", path, null), 400, "utbetalinger:INGEN");
        // Bergen is paid first; the caseworker makes a file of it at once, without waiting for Askøy
        String bergensPayment = runtime.createProcessInstanceQuery().processDefinitionKey("utbetaling")
                .processInstanceBusinessKey(scenario.businessKey()).variableValueEquals("mottaker", BERGEN)
                .singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(bergensPayment).singleResult().getId());
        assertThat(Http.call(port, People.LEADER, "POST", path, null).statusCode()).isEqualTo(403);
        HttpResponse<String> made = Http.call(port, "demo-saksbehandler", "POST", path, null);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(JSON.readTree(made.body()).get("linjer").asInt()).isEqualTo(1);
        EngineApi.assertRefused(Http.call(port, "demo-saksbehandler", "POST", path, null), 400, "utbetalinger:INGEN");
        // then Askøy is paid, and the step after the disbursement makes the second file of what is left
        scenario.executeJobsOf("Task_Pay");

        HttpResponse<String> list = Http.call(port, People.LEADER, "GET", path, null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode batches = JSON.readTree(list.body());
        assertThat(batches).hasSize(2);
        assertThat(batches.findValuesAsText("nummer")).containsExactly("1", "2");
        assertThat(batches.get(0).get("sumOre").asLong() + batches.get(1).get("sumOre").asLong()).isEqualTo(1_000_000_000L);
        JsonNode batch = batches.get(0);
        assertThat(batch.get("forberedtAv").asText()).isEqualTo("Sara Saksbehandler-Leder (" + CASEWORKER_AND_LEADER + ")");
        assertThat(batch.get("godkjentAv").asText()).isEqualTo("Lene Leder (demo-leder)");
        long sum = 0;
        for (JsonNode each : batches) {
            String file = Http.call(port, "demo-saksbehandler", "GET", each.get("lenke").asText(), null).body();
            List<String> lines = List.of(file.split("\r\n"));
            assertThat(lines).hasSize(2);
            String[] columns = lines.get(1).split(";");
            assertThat(cycles.decision(columns[0]).cycleId()).isEqualTo(cycleId);
            sum += Long.parseLong(columns[5]);
        }
        assertThat(sum).isEqualTo(1_000_000_000L);
        assertThat(Http.call(port, "demo-eier-bergen", "GET", batch.get("lenke").asText(), null).statusCode())
                .isEqualTo(403);
        assertThat(scenario.taskQuery().count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(scenario.businessKey())
                .processDefinitionKey("arssyklus").singleResult()).satisfies(cycle -> assertThat(runtime
                .getActiveActivityIds(cycle.getId())).containsExactly("Event_SelfEvaluationOpens"));
    }

    LetterRepository.Letter letterOf(String owner) {
        return letters.ofCycle(cycleId).stream().filter(l -> l.organisationNumber().equals(owner)).findFirst()
                .orElseThrow();
    }

    /** The job of the owner's letter process (the send step, or its wait for the status). */
    Job jobOf(String owner) {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("vedtaksbrev")
                .processInstanceBusinessKey(scenario.businessKey()).variableValueEquals("brevMottaker", owner)
                .singleResult().getId();
        return management.createJobQuery().processInstanceId(instance).singleResult();
    }

    /** The status is asked for until the demo's integrasjonspunkt has delivered it (by the second question). */
    void deliver(String owner) {
        for (int question = 0; question < 3 && letterOf(owner).status() != LetterRepository.Status.LEVERT; question++) {
            management.executeJob(jobOf(owner).getId());
        }
        assertThat(letterOf(owner).status()).isEqualTo(LetterRepository.Status.LEVERT);
    }

    List<DemoIntegrasjonspunkt.Received> receivedFor(String owner) {
        return integrasjonspunkt.received().values().stream().filter(m -> m.receiver().equals(owner))
                .filter(m -> m.sbd().at("/standardBusinessDocumentHeader/businessScope/scope/0/instanceIdentifier")
                        .asText().equals(cycleId)).toList();
    }

    /** The letter's PDF as the recipient reads it (kept in target/ for a person to look at). */
    String text(LetterRepository.Letter letter) {
        return no.kompetansemidler.testkit.Pdfs.keptText("brev-" + letter.kind().name().toLowerCase(Locale.ROOT) + "-"
                + letter.organisationNumber(), letters.pdf(letter.id()).orElseThrow());
    }

    HttpResponse<byte[]> get(String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (!People.ANONYMOUS.equals(user)) {
            People.basic(request, user, "demo");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
