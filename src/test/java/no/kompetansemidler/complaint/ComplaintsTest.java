package no.kompetansemidler.complaint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.cycle.Claims;
import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.cycle.PaymentBatches;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.forms.Refusal;
import no.kompetansemidler.letters.LetterRepository;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.EngineApi;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static no.kompetansemidler.testkit.Organisations.ASKOY;
import static no.kompetansemidler.testkit.Organisations.BERGEN;
import static no.kompetansemidler.testkit.Organisations.VESTLAND_FK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Complaints on decisions, one Kompetanseløftet cycle in Vestland with 10 000 000 kr: Bergen gets 8 500 000 kr,
 * Askøy 500 000 kr, and Vestland fylkeskommune nothing; the decisions are paid and the letters delivered. Then each
 * complains: the county too late (refused, nothing stored), Askøy upheld with 200 000 kr more (paid once, in a file),
 * Bergen upheld with 500 000 kr less (claimed back once), and the county in time, not upheld and decided by Udir.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplaintsTest {

    /** A caseworker of Vestland who is also one of its leaders. */
    static final String CASEWORKER_AND_LEADER = "test-klage-saksbehandler-og-leder";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ApplicationContext context;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    CycleRepository cycles;
    @Autowired
    Complaints complaints;
    @Autowired
    Claims claims;
    @Autowired
    PaymentBatches batches;
    @Autowired
    LetterRepository letters;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    final int year = Years.forKompetanseloftet();
    CycleScenario scenario;
    String cycleId;
    String reference;

    @BeforeAll
    void decisionsArePaidAndTheirLettersDelivered() {
        People.ensureStaff(identity, CASEWORKER_AND_LEADER, "Kari", "Klagebehandler", "saksbehandler-vestland",
                "leder-vestland");
        People.ensureUser(identity, CycleScenario.ASKOY_USER, "eier-" + ASKOY);
        scenario = new CycleScenario(context);
        scenario.start("KOMPETANSELOFTET", year, "10 000 000");
        cycleId = scenario.cycleId();
        reference = "vestland-KOMPETANSELOFTET-" + year;
        scenario.submitNeedReport(BERGEN, "demo-eier-bergen");
        scenario.submitNeedReport(VESTLAND_FK, "demo-eier-vestlandfk");
        scenario.submitNeedReport(ASKOY, CycleScenario.ASKOY_USER);
        scenario.executeJobsOf("BoundaryEvent_DeadlinePassed");
        scenario.taskQuery().taskDefinitionKey("Task_HandleMissedDeadline").list().forEach(scenario::doesNotTakePart);
        scenario.countNeedReports();
        scenario.complete("Task_PrepareForum", People.CASEWORKER, Map.of());
        scenario.saveDistribution(BERGEN + "; 8 500 000; 2 550 000; 0; 0; Lesing i alle fag; etterutdanning; " + year
                + "; " + year + "\n" + ASKOY + "; 500 000; 150 000; 0; 0; Inkluderende praksis; etterutdanning; "
                + year + "; " + year);
        scenario.complete("Task_RecordRecommendation", People.CASEWORKER, Map.of("forumEnig", true,
                "prioriteringer", "Lesing og inkluderende praksis", "begrunnelse",
                "Forumet prioriterte lesing og inkluderende praksis."));
        scenario.approve();
        scenario.executeJobsOf("Task_Pay");
        scenario.deliverLetters();
        assertThat(cycles.payments(cycleId)).hasSize(2);
        assertThat(letters.ofCycle(cycleId)).extracting(LetterRepository.Letter::status)
                .containsOnly(LetterRepository.Status.LEVERT).hasSize(3);
    }

    @Test
    @Order(1)
    void a_complaint_after_the_deadline_or_on_another_owners_decision_is_refused_and_nothing_is_stored()
            throws Exception {
        LetterRepository.Letter refusal = letters.find(cycleId, VESTLAND_FK, LetterRepository.Kind.AVSLAG).orElseThrow();
        LocalDate deadline = refusal.complaintDeadline();
        jdbc.sql("update km_letter set complaint_deadline = ? where id = ?")
                .params(java.sql.Date.valueOf(LocalDate.now().minusDays(1)), refusal.id()).update();
        try {
            Refusal tooLate = catchThrowableOfType(Refusal.class, () -> lodge("demo-eier-vestlandfk", VESTLAND_FK,
                    "Vi mener tiltaket vårt for yrkesfaglærere burde fått tilskudd i år."));
            assertThat(tooLate.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("referanse");
                assertThat(v.ruleId()).isEqualTo("KLAGEFRIST");
                assertThat(v.message()).contains("Klagefristen for dette vedtaket gikk ut").contains("§ 31");
            });
            // the same answer over both REST mounts
            for (EngineApi api : List.of(EngineApi.ENGINE_REST, EngineApi.TASKLIST)) {
                HttpResponse<String> refused = api.send(port, "demo-eier-vestlandfk", "POST",
                        "/process-definition/key/klage/submit-form", "application/json",
                        "{\"variables\":{\"referanse\":{\"value\":\"" + reference + "/" + VESTLAND_FK + "\"},"
                                + "\"klagegrunn\":{\"value\":\"Vi mener tiltaket vårt burde fått tilskudd i år.\"}}}");
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
                JsonNode answer = JSON.readTree(refused.body());
                assertThat(answer.path("violations").get(0).path("ruleId").asText()).isEqualTo("KLAGEFRIST");
                assertThat(answer.path("violations").get(0).path("field").asText()).isEqualTo("referanse");
            }
        } finally {
            jdbc.sql("update km_letter set complaint_deadline = ? where id = ?")
                    .params(java.sql.Date.valueOf(deadline), refusal.id()).update();
        }
        // Bergen's user cannot complain on Askøy's decision: answered as if it did not exist
        Refusal notOwn = catchThrowableOfType(Refusal.class, () -> lodge("demo-eier-bergen", ASKOY,
                "Vi klager på Askøys vedtak, som vi mener er for høyt."));
        assertThat(notOwn.violations()).extracting(v -> v.ruleId()).containsExactly("EGNE_VEDTAK");
        // a complaint without grounds
        Refusal noGrounds = catchThrowableOfType(Refusal.class, () -> lodge(CycleScenario.ASKOY_USER, ASKOY, "Nei."));
        assertThat(noGrounds.violations()).extracting(v -> v.field()).containsExactly("klagegrunn");

        assertThat(complaints.ofCycle(cycleId)).isEmpty();
        // (other tests in the same JVM may have complaints of their own, in other cycles)
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("klage")
                .processInstanceBusinessKeyLike(reference + "/%").count()).isZero();
    }

    @Test
    @Order(2)
    void upheld_the_difference_is_paid_once_after_another_leader_approves_and_the_letter_says_so() throws Exception {
        lodge(CycleScenario.ASKOY_USER, ASKOY, "Vi søkte om 1 000 000 kr og trenger minst 700 000 kr for å nå alle"
                + " skolene i kommunen.");
        CycleScenario complaint = new CycleScenario(context).on(reference + "/" + ASKOY + "/klage");
        Task assess = complaint.taskQuery().taskDefinitionKey("Task_AssessComplaint").singleResult();
        assertThat(assess.getName()).isEqualTo("Vurder klagen fra Askøy kommune (KOMPETANSELOFTET " + year + ")");
        assertThat((String) tasks.getVariable(assess.getId(), "vedtakTekst")).startsWith("Tilsagn om 500 000,00 kr");
        assertThat(tasks.getVariable(assess.getId(), "ledigTekst")).isEqualTo("Rammen til fordeling er"
                + " 10 000 000,00 kr; vedtatt 9 000 000,00 kr; ledig 1 000 000,00 kr.");

        // more than the frame allows (R6): refused, nothing stored
        Refusal overFrame = catchThrowableOfType(Refusal.class, () -> complaint.complete(assess, CASEWORKER_AND_LEADER,
                Map.of("klageUtfall", "OMGJORES", "nyttBelop", "2 000 000", "klageVurdering",
                        "Askøy har godt begrunnet behov for flere skoler.")));
        assertThat(overFrame.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("nyttBelop");
            assertThat(v.ruleId()).isEqualTo("R6");
            assertThat(v.message()).contains("Høyst 1 500 000,00 kr er mulig");
        });
        complaint.complete(assess, CASEWORKER_AND_LEADER, Map.of("klageUtfall", "OMGJORES", "nyttBelop", "700 000",
                "klageVurdering", "Askøy har godt begrunnet behov for å nå alle skolene, og rammen har rom for det."));
        assertThat(cycles.decisionOf(cycleId, ASKOY).orElseThrow().amount()).isEqualTo(Money.ofKroner(500_000));

        // the caseworker who assessed it cannot approve it, also as a leader
        Task approve = complaint.taskQuery().taskDefinitionKey("Task_ApproveNewDecision").singleResult();
        assertThat(tasks.getVariable(approve.getId(), "nyttBelopTekst"))
                .isEqualTo("700 000,00 kr (200 000,00 kr etterbetales)");
        Refusal same = catchThrowableOfType(Refusal.class, () -> complaint.complete(approve, CASEWORKER_AND_LEADER,
                Map.of("klageGodkjenning", "GODKJENT")));
        assertThat(same.violations()).extracting(v -> v.ruleId()).containsExactly("TO_PERSONER");
        complaint.complete(approve, People.LEADER, Map.of("klageGodkjenning", "GODKJENT"));

        CycleRepository.Decision decision = cycles.decisionOf(cycleId, ASKOY).orElseThrow();
        assertThat(decision.amount()).isEqualTo(Money.ofKroner(700_000));
        assertThat(decision.basis()).isEqualTo("KLAGE");
        assertThat(complaints.versions(decision.id())).singleElement()
                .satisfies(v -> assertThat(v.amount()).isEqualTo(Money.ofKroner(500_000)));

        complaint.executeJobsOf("Task_Pay");
        complaint.executeJobsOf("Task_Pay"); // nothing left to run: paid once
        assertThat(cycles.paymentFor(decision.id(), CycleRepository.PaymentKind.KLAGE).orElseThrow().amount())
                .isEqualTo(Money.ofKroner(200_000));
        assertThat(cycles.paymentFor(decision.id()).orElseThrow().amount()).isEqualTo(Money.ofKroner(500_000));
        assertThat(Money.sum(cycles.payments(cycleId).stream().map(CycleRepository.Payment::amount).toList()))
                .isEqualTo(Money.ofKroner(9_200_000));
        PaymentBatches.Batch batch = batches.of(cycleId).get(batches.of(cycleId).size() - 1);
        assertThat(batch.total()).isEqualTo(Money.ofKroner(200_000));
        assertThat(batch.preparedBy()).isEqualTo(CASEWORKER_AND_LEADER);
        assertThat(batch.approvedBy()).isEqualTo(People.LEADER);
        assertThat(batches.file(batch.id()).orElseThrow()).contains("etterbetaling etter klage").contains(";20000000;");

        complaint.deliverLetters();
        LetterRepository.Letter letter = letters.find(cycleId, ASKOY, LetterRepository.Kind.KLAGE).orElseThrow();
        assertThat(letter.status()).isEqualTo(LetterRepository.Status.LEVERT);
        assertThat(text(letter))
                .contains("Nytt vedtak etter klage – Kompetanseløftet for spesialpedagogikk og inkluderende praksis " + year)
                .contains("tar den til følge (forvaltningsloven § 33 andre ledd)")
                .contains("dere får 700 000,00 kr")
                .contains("Etterbetales 200 000,00 kr")
                .contains("Askøy har godt begrunnet behov")
                .contains("Dere kan klage")
                .contains(reference + "/" + ASKOY + "/klage");
        assertThat(complaints.of(cycleId, ASKOY).orElseThrow().status()).isEqualTo(Complaints.Status.OMGJORT);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference + "/" + ASKOY + "/klage")
                .count()).isZero();
    }

    @Test
    @Order(3)
    void upheld_with_less_than_was_paid_the_difference_is_claimed_back_once() throws Exception {
        lodge("demo-eier-bergen", BERGEN, "Ett av tiltakene er avlyst. Vi ber om at tilskuddet settes ned til"
                + " 8 000 000 kr, så midlene kan gå til andre.");
        CycleScenario complaint = new CycleScenario(context).on(reference + "/" + BERGEN + "/klage");
        complaint.complete("Task_AssessComplaint", People.CASEWORKER, Map.of("klageUtfall", "OMGJORES",
                "nyttBelop", "8 000 000", "klageVurdering", "Bergen har avlyst ett tiltak; tilskuddet settes ned."));
        complaint.complete("Task_ApproveNewDecision", People.LEADER, Map.of("klageGodkjenning", "GODKJENT"));

        CycleRepository.Decision decision = cycles.decisionOf(cycleId, BERGEN).orElseThrow();
        Claims.Claim claim = claims.ofDecision(decision.id(), Claims.Kind.KLAGE).orElseThrow();
        assertThat(claim.amount()).isEqualTo(Money.ofKroner(500_000));
        assertThat(claims.ofDecision(decision.id())).isEmpty(); // no unused-money claim: that comes with the report
        assertThat(cycles.paymentFor(decision.id(), CycleRepository.PaymentKind.KLAGE)).isEmpty();
        complaint.deliverLetters();
        assertThat(text(letters.find(cycleId, BERGEN, LetterRepository.Kind.KLAGE).orElseThrow()))
                .contains("Krav om tilbakebetaling")
                .contains("Beløp å betale tilbake 500 000,00 kr")
                .contains("Til kontonummer 7694.05.12340")
                .contains("dere får 8 000 000,00 kr");
    }

    @Test
    @Order(4)
    void not_upheld_it_goes_to_udir_which_decides_and_the_letter_is_final() throws Exception {
        lodge("demo-eier-vestlandfk", VESTLAND_FK, "Tiltaket for yrkesfaglærere er prioritert i fylkets plan og burde"
                + " fått tilskudd i år.");
        CycleScenario complaint = new CycleScenario(context).on(reference + "/" + VESTLAND_FK + "/klage");
        complaint.complete("Task_AssessComplaint", People.CASEWORKER, Map.of("klageUtfall", "OPPRETTHOLDES",
                "klageVurdering", "Forumet prioriterte lesing; fylkets tiltak ventes til neste år."));
        Task udir = complaint.taskQuery().taskDefinitionKey("Task_UdirDecides").singleResult();
        assertThat(udir.getName()).isEqualTo("Avgjør klagen fra Vestland fylkeskommune (Statsforvalteren i Vestland,"
                + " KOMPETANSELOFTET " + year + ")");
        assertThat(tasks.createTaskQuery().taskId(udir.getId()).taskCandidateGroup("udir").count()).isOne();
        assertThat(complaints.of(cycleId, VESTLAND_FK).orElseThrow().status()).isEqualTo(Complaints.Status.HOS_UDIR);
        complaint.complete(udir, People.UDIR, Map.of("udirUtfall", "STADFESTET", "udirBegrunnelse",
                "Prioriteringen er innenfor forumets skjønn etter retningslinjene."));

        assertThat(cycles.decisionOf(cycleId, VESTLAND_FK)).isEmpty();
        complaint.deliverLetters();
        LetterRepository.Letter letter = letters.find(cycleId, VESTLAND_FK, LetterRepository.Kind.KLAGE).orElseThrow();
        assertThat(text(letter))
                .contains("Vedtak i klagesak – Kompetanseløftet for spesialpedagogikk og inkluderende praksis " + year)
                .contains("Utdanningsdirektoratet")
                .contains("gir dere ikke medhold")
                .contains("Prioriteringen er innenfor forumets skjønn")
                .contains("kan ikke påklages (forvaltningsloven § 28 tredje ledd)");
        assertThat(complaints.of(cycleId, VESTLAND_FK).orElseThrow().status())
                .isEqualTo(Complaints.Status.STADFESTET);
        // a second complaint on the same decision is refused
        Refusal again = catchThrowableOfType(Refusal.class, () -> lodge("demo-eier-vestlandfk", VESTLAND_FK,
                "Vi klager igjen fordi vi fortsatt er uenige."));
        assertThat(again.violations()).extracting(v -> v.ruleId()).containsExactly("EN_KLAGE");
        // the sums add up: 8 000 000 + 700 000 decided; 9 200 000 paid; 500 000 claimed back
        assertThat(Money.sum(cycles.decisions(cycleId).stream().map(CycleRepository.Decision::amount).toList()))
                .isEqualTo(Money.ofKroner(8_700_000));
        Money paid = Money.sum(cycles.payments(cycleId).stream().map(CycleRepository.Payment::amount).toList());
        Money claimed = Money.sum(claims.of(cycleId).stream().map(Claims.Claim::amount).toList());
        assertThat(paid.minus(claimed)).isEqualTo(Money.ofKroner(8_700_000));
    }

    @Test
    @Order(5)
    void the_audit_trail_tells_each_complaint_its_assessment_its_outcome_and_the_money() {
        var account = context.getBean(no.kompetansemidler.audit.AuditTrail.class).account(cycleId);
        assertThat(account.only(ASKOY, null).events()).extracting(no.kompetansemidler.audit.AuditEvent::kind)
                .contains("Klage", "Klage vurdert", "Klage avgjort", "Etterbetaling etter klage", "Brev skrevet");
        assertThat(account.only(ASKOY, "Klage avgjort").events()).singleElement().satisfies(e -> {
            assertThat(e.user()).isEqualTo(People.LEADER);
            assertThat(e.what()).contains("700 000,00 kr (var 500 000,00 kr)");
        });
        assertThat(account.only(BERGEN, "Krav etter klage").events()).singleElement()
                .satisfies(e -> assertThat(e.amountOre()).isEqualTo(50_000_000L));
        assertThat(account.only(VESTLAND_FK, "Klage avgjort").events()).singleElement().satisfies(e -> {
            assertThat(e.user()).isEqualTo(People.UDIR);
            assertThat(e.what()).contains("Utdanningsdirektoratet stadfestet vedtaket");
        });
        assertThat(context.getBean(no.kompetansemidler.overview.CycleOverview.class).complaints(cycleId))
                .isEqualTo("Klager: 0 til vurdering, 0 til godkjenning hos leder, 0 hos Udir, 2 tatt til følge,"
                        + " 1 stadfestet av Udir.");
        // the complaints' own cases are in the trail: the caseworker's, the leader's and Udir's tasks
        assertThat(account.events()).extracting(no.kompetansemidler.audit.AuditEvent::what)
                .anySatisfy(what -> assertThat(what).contains("Avgjør klagen fra Vestland fylkeskommune"));
    }

    /** The owner's user submits the start form «Klage på vedtak» on the decision to the organisation. */
    void lodge(String user, String organisationNumber, String grounds) {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("klage").latestVersion()
                .singleResult().getId();
        Map<String, Object> variables = new HashMap<>();
        variables.put("referanse", reference + "/" + organisationNumber);
        variables.put("klagegrunn", grounds);
        People.as(identity, user, () -> forms.submitStartForm(definition, variables));
    }

    String text(LetterRepository.Letter letter) {
        return no.kompetansemidler.testkit.Pdfs.keptText("brev-klage-" + letter.organisationNumber(),
                letters.pdf(letter.id()).orElseThrow());
    }
}
