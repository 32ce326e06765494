package no.kompetansemidler.cycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import no.kompetansemidler.application.ApplicationRepository;
import no.kompetansemidler.domain.application.Goal;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.testkit.Applications;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.security.CaseAccess;
import no.kompetansemidler.testkit.ModelEngine;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.TestDatabase;
import no.kompetansemidler.testkit.Tiers;
import no.kompetansemidler.testkit.Years;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Scheme;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static no.kompetansemidler.testkit.Executions.execution;
import static no.kompetansemidler.testkit.Organisations.BERGEN;
import static no.kompetansemidler.testkit.Organisations.HVL;
import static no.kompetansemidler.testkit.Organisations.VESTLAND_FK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** The need report's delegates: prepared for the owner, saved (R10), a missed deadline, reminders over SMTP. */
@Tag(Tiers.DELEGATE)
class NeedReportDelegatesTest {

    static GreenMail smtp;

    final JdbcClient db = TestDatabase.withReferenceData();
    final CycleRepository cycles = new CycleRepository(db);
    final MasterDataRepository masterData = new MasterDataRepository(db);
    final CaseAccess caseAccess = mock(CaseAccess.class);
    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    final CycleCollections collections = new CycleCollections(cycles, masterData);
    String cycleId;
    static final String UIB = "874789542";

    @BeforeAll
    static void smtpServer() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void aCycle() {
        cycleId = cycles.createCycle(Embete.VESTLAND, Scheme.DEKOM, Years.next(), Money.ofKroner(1_000_000), null,
                "demo-saksbehandler", clock.instant());
    }

    @Test
    void the_owner_gets_its_name_its_group_read_access_and_the_uh_institutions_to_choose_from() throws Exception {
        DelegateExecution execution = execution(Map.of("syklusId", cycleId, "eier", BERGEN, "ordning", "DEKOM"));

        new PrepareNeedReportDelegate(masterData, collections, new ObjectMapper(), caseAccess, TestDatabase.schemes())
                .execute(execution);

        assertThat(execution.getVariable("eierNavn")).isEqualTo("Bergen kommune");
        assertThat(execution.getVariable("eierGruppe")).isEqualTo("eier-964338531");
        assertThat(execution.getVariable("medvirkere")).isEqualTo("skoleledere og lærere");
        verify(caseAccess).owner(execution.getProcessInstanceId(), "eier-964338531");
        var options = new ObjectMapper().readTree(((JsonValue) execution.getVariable("uhValg")).getValueSerialized());
        assertThat(options).anySatisfy(option -> {
            assertThat(option.get("label").asText()).isEqualTo("Høgskulen på Vestlandet");
            assertThat(option.get("value").asText()).isEqualTo(HVL);
        });
        assertThat(masterData.uhInstitutions()).hasSizeGreaterThan(20);
    }

    final ApplicationRepository applications = new ApplicationRepository(db);
    final SaveNeedReportDelegate save = new SaveNeedReportDelegate(cycles, applications, masterData,
            TestDatabase.schemes(), clock);

    Map<String, Object> report(List<Map<String, Object>> measures, String involvement) {
        return Map.of("syklusId", cycleId, "eier", BERGEN, "medvirkning", involvement,
                "behov", "Lesing og vurdering for læring.", "tiltak", Applications.node(measures));
    }

    Map<String, Object> report(String partner, String involvement) {
        return report(List.of(Applications.measure(partner)), involvement);
    }

    @Test
    void an_application_is_stored_as_measures_with_money_per_year_and_its_uh_partners_are_asked_r10_r14() {
        Map<String, Object> second = Applications.measure(UIB);
        second.put("tittel", "Inkluderende praksis");
        second.put("belopAr1", 200_000);
        second.put("belopAr2", 0);
        second.put("egenfinansiering", 60_000);
        second.put("lonnFrikjop", 60_000);
        second.put("koordinator", 0);
        second.put("tredjepart", true);
        second.remove("enheter");
        DelegateExecution execution = execution(report(List.of(Applications.measure(HVL), second),
                "Skoleledere og lærere deltok på hver skole."), People.OWNER_BERGEN, List.of("eier-964338531"));

        save.execute(execution);

        int year = cycles.cycle(cycleId).year();
        assertThat(cycles.needReports(cycleId)).singleElement().satisfies(r -> {
            assertThat(r.uhPartner()).isEqualTo(HVL);
            assertThat(r.submittedBy()).isEqualTo(People.OWNER_BERGEN);
        });
        assertThat(applications.measures(cycleId, BERGEN)).satisfiesExactly(first -> {
            assertThat(first.plan().title()).isEqualTo("Lesing i alle fag");
            assertThat(first.firstYear()).isEqualTo(year);
            assertThat(first.plan().amountPerYear()).containsExactly(Money.ofKroner(1_000_000), Money.ofKroner(500_000));
            assertThat(first.plan().goals()).containsExactlyInAnyOrder(Goal.GRUNNLEGGENDE_FERDIGHETER,
                    Goal.INKLUDERENDE_LAERINGSMILJO);
            assertThat(first.plan().coFinancing()).isEqualTo(Money.ofKroner(450_000));
            assertThat(first.plan().salary()).isEqualTo(Money.ofKroner(100_000));
            assertThat(first.answer()).isEqualTo(ApplicationRepository.UhAnswer.VENTER);
            assertThat(first.plan().units()).isEqualTo("Nordby skole, Solbakken barnehage og PPT");
        }, other -> {
            assertThat(other.plan().units()).as("optional in DEKOM").isNull();
            assertThat(other.plan().amountPerYear()).containsExactly(Money.ofKroner(200_000));
            assertThat(other.plan().uhPartner()).isEqualTo(UIB);
            assertThat(other.plan().thirdParty()).isTrue();
        });
        assertThat(cycles.nonParticipants(cycleId)).isEmpty();
        assertThat(execution.getVariable("uhPartnere")).isEqualTo(List.of(HVL, UIB));
        // the need report's deadline (1 February) is later than today (1 December): 14 days after it
        assertThat(execution.getVariable("bekreftelsesFrist")).isEqualTo(ProcessSupport.endOfDay(
                LocalDate.of(year, 2, 15)));
    }

    @Test
    void in_rekom_the_kindergartens_leaders_and_staff_are_asked_for_r10() throws Exception {
        String rekom = cycles.createCycle(Embete.VESTLAND, Scheme.REKOM, Years.fromTheEnd(), Money.ofKroner(1_000_000),
                null, "demo-saksbehandler", clock.instant());
        DelegateExecution prepared = execution(Map.of("syklusId", rekom, "eier", BERGEN, "ordning", "REKOM"));
        new PrepareNeedReportDelegate(masterData, collections, new ObjectMapper(), caseAccess, TestDatabase.schemes())
                .execute(prepared);
        assertThat(prepared.getVariable("medvirkere")).isEqualTo("barnehagens ledere og ansatte");

        Map<String, Object> measure = Applications.measure(HVL);
        measure.put("malgrupper", List.of("BARNEHAGELEDERE", "BARNEHAGEANSATTE"));
        Map<String, Object> variables = new java.util.HashMap<>(report(List.of(measure), "For kort."));
        variables.put("syklusId", rekom);
        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> save.execute(
                execution(variables, People.OWNER_BERGEN, List.of("eier-964338531"))));
        assertThat(refused.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("medvirkning");
            assertThat(v.ruleId()).isEqualTo("R10");
            assertThat(v.message()).startsWith("Beskrivelsen av hvordan barnehagens ledere og ansatte har medvirket");
        });
        assertThat(cycles.needReports(rekom)).isEmpty();
    }

    @Test
    void every_rule_of_the_measures_is_named_on_its_measure_and_field_and_nothing_is_stored() {
        Map<String, Object> broken = Applications.measure(BERGEN);
        broken.put("mal", List.of());
        broken.put("malgrupper", List.of("BARNEHAGEANSATTE"));
        broken.put("belopAr2", 0);
        broken.put("belopAr3", 100_000);
        broken.put("egenfinansiering", 100_000);
        broken.put("lonnFrikjop", 200_000);
        broken.put("koordinator", 200_000);
        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> save.execute(execution(
                report(List.of(Applications.measure(HVL), broken), "kort"), People.OWNER_BERGEN,
                List.of("eier-964338531"))));

        assertThat(refused.violations()).extracting(v -> v.field() + " [" + v.ruleId() + "]").containsExactlyInAnyOrder(
                "medvirkning [R10]", "tiltak[2].mal [R12]", "tiltak[2].malgrupper [ORDNING]",
                "tiltak[2].uhPartner [R10]", "tiltak[2].belopAr3 [R14]", "tiltak[2].egenfinansiering [R1]",
                "tiltak[2].lonnFrikjop [R1]", "tiltak[2].koordinator [R4]");
        assertThat(refused).hasMessageContaining("Tiltak 2: planlagt egenfinansiering må være minst 30 % av beløpet"
                + " dere søker (1 100 000,00 kr), altså minst 330 000,00 kr.");
        assertThat(cycles.needReports(cycleId)).isEmpty();
        assertThat(applications.measures(cycleId)).isEmpty();
    }

    @Test
    void an_application_without_measures_is_refused_r14() {
        assertThatThrownBy(() -> save.execute(execution(report(List.of(), "Skoleledere og lærere deltok på hver skole."),
                People.OWNER_BERGEN, List.of("eier-964338531")))).hasMessageContaining("tiltak [R14]: Søknaden må ha minst ett tiltak.");
    }

    @Test
    void the_uh_partner_confirms_or_declines_with_a_reason_and_unanswered_measures_are_marked_at_the_deadline() {
        Map<String, Object> second = Applications.measure(UIB);
        save.execute(execution(report(List.of(Applications.measure(HVL), second),
                "Skoleledere og lærere deltok på hver skole."), People.OWNER_BERGEN, List.of("eier-964338531")));
        RecordPartnerAnswerDelegate answer = new RecordPartnerAnswerDelegate(applications, clock);
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("syklusId", cycleId, "eier", BERGEN, "uh", UIB));
        int year = cycles.cycle(cycleId).year();
        assertThat(PartnerTaskListener.describe(applications.measures(cycleId, BERGEN).get(1))).isEqualTo(
                "Tiltak 2: Lesing i alle fag\n"
                        + "Beløp per år: " + year + ": 1 000 000,00 kr, " + (year + 1) + ": 500 000,00 kr (til sammen 1 500 000,00 kr)\n"
                        + "Mål: Et inkluderende læringsmiljø; Grunnleggende ferdigheter og god fagkompetanse\n"
                        + "Målgrupper: Skoleledere, Lærere\n"
                        + "Deltakere: omtrent 120; egenfinansiering 450 000,00 kr (herav lønn/frikjøp 100 000,00 kr);"
                        + " koordinator 50 000,00 kr");

        variables.put("uhSvar", "AVSLA");
        variables.put("uhBegrunnelse", "Nei.");
        assertThatThrownBy(() -> answer.execute(execution(variables, "demo-uh", List.of("uh-" + UIB))))
                .hasMessageContaining("uhBegrunnelse [R10]");
        variables.put("uhBegrunnelse", "Vi har ikke kapasitet til lesing i år.");
        answer.execute(execution(variables, "demo-uh", List.of("uh-" + UIB)));
        assertThat(applications.measures(cycleId, BERGEN)).extracting(m -> m.answer() + " " + m.answerReason())
                .containsExactly("VENTER null", "AVSLATT Vi har ikke kapasitet til lesing i år.");

        DelegateExecution deadline = execution(Map.of("syklusId", cycleId, "eier", BERGEN));
        org.mockito.Mockito.when(deadline.getCurrentActivityId()).thenReturn("Task_RecordUnconfirmed");
        answer.execute(deadline);
        assertThat(applications.measures(cycleId, BERGEN)).extracting(m -> m.answer().displayName())
                .containsExactly("ikke bekreftet innen fristen", "avslått av UH");
    }

    @Test
    void a_missed_deadline_is_extended_to_a_later_date_with_a_reminder_before_it() {
        LocalDate newDeadline = LocalDate.of(2026, 12, 20);
        DelegateExecution execution = execution(Map.of("syklusId", cycleId, "eier", BERGEN, "fristValg", "FORLENG",
                "nyFrist", newDeadline.toString()), "demo-saksbehandler", List.of("saksbehandler-vestland"));

        choice().execute(execution);

        assertThat(execution.getVariable("behovsmeldingFrist")).isEqualTo(ProcessSupport.endOfDay(newDeadline));
        assertThat(execution.getVariable("paminnelseDato")).isEqualTo(ProcessSupport.morning(newDeadline.minusDays(3)));
    }

    @Test
    void an_extension_must_be_to_a_date_after_today() {
        DelegateExecution execution = execution(Map.of("syklusId", cycleId, "eier", BERGEN, "fristValg", "FORLENG",
                "nyFrist", "2020-01-01"));
        assertThatThrownBy(() -> choice().execute(execution))
                .hasMessageContaining("nyFrist [FRIST]");
        assertThatThrownBy(() -> choice().execute(execution(Map.of("syklusId",
                cycleId, "eier", BERGEN)))).hasMessageContaining("fristValg [PÅKREVD]");
    }

    @Test
    void a_missed_deadline_can_record_the_owner_as_not_taking_part_with_a_reason_r5() {
        choice().execute(execution(Map.of("syklusId", cycleId, "eier", VESTLAND_FK,
                "fristValg", "DELTAR_IKKE", "begrunnelseIkkeDeltakelse", "Kommunen har meldt at den ikke har kapasitet."),
                "demo-saksbehandler", List.of("saksbehandler-vestland")));

        assertThat(cycles.nonParticipants(cycleId)).containsExactly(VESTLAND_FK);
        assertThatThrownBy(() -> choice().execute(execution(Map.of("syklusId",
                cycleId, "eier", BERGEN, "fristValg", "DELTAR_IKKE"))))
                .hasMessageContaining("begrunnelseIkkeDeltakelse [PÅKREVD]");
    }

    DeadlineChoiceDelegate choice() {
        return new DeadlineChoiceDelegate(cycles, TestDatabase.schemes(), clock);
    }

    @Test
    void an_extension_must_end_before_the_forum_meets() {
        int year = cycles.cycle(cycleId).year();
        DelegateExecution far = execution(Map.of("syklusId", cycleId, "eier", BERGEN, "fristValg", "FORLENG",
                "nyFrist", "9999-12-31"));
        assertThatThrownBy(() -> choice().execute(far)).hasMessageContaining("nyFrist [FRIST]")
                .hasMessageContaining("senest fristen for forumets innstilling (15.03." + year + ")");
        DelegateExecution last = execution(Map.of("syklusId", cycleId, "eier", BERGEN, "fristValg", "FORLENG",
                "nyFrist", year + "-03-15"));
        choice().execute(last);
        assertThat(last.getVariable("behovsmeldingFrist")).isEqualTo(ProcessSupport.endOfDay(LocalDate.of(year, 3, 15)));
    }

    SendReminderDelegate reminders() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        return new SendReminderDelegate(cycles, masterData, new Mailer(new StaticListableBeanFactory(
                Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class), "ikke-svar@test.example"), clock, TestDatabase.schemes());
    }

    Map<String, Object> reminderCase(String owner) {
        return Map.of("syklusId", cycleId, "eier", owner, "eierNavn", "Eieren",
                "behovsmeldingFrist", ProcessSupport.endOfDay(LocalDate.of(2027, 2, 1)));
    }

    @Test
    void a_reminder_goes_over_smtp_to_the_owners_contact_address_and_is_recorded() throws Exception {
        db.sql("update km_owner set contact_email = 'post@vlfk.example' where organisation_number = ?")
                .param(VESTLAND_FK).update();
        int before = smtp.getReceivedMessages().length;

        reminders().execute(execution(reminderCase(VESTLAND_FK)));

        MimeMessage sent = smtp.getReceivedMessages()[before];
        assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("post@vlfk.example");
        assertThat(sent.getSubject()).isEqualTo("Påminnelse: behovsmelding for DEKOM " + cycles.cycle(cycleId).year()
                + " innen 1. februar 2027");
        assertThat(cycles.reminders(cycleId)).singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo("BEHOVSMELDING"));
    }

    @Test
    void a_reminder_of_the_self_evaluation_names_the_report_deadline() throws Exception {
        db.sql("update km_owner set contact_email = 'post@vlfk.example' where organisation_number = ?")
                .param(VESTLAND_FK).update();
        int before = smtp.getReceivedMessages().length;

        reminders().execute(execution(Map.of("syklusId", cycleId, "eier", VESTLAND_FK, "eierNavn", "Eieren",
                "vedtakId", "vedtak-1", "rapportFrist", ProcessSupport.endOfDay(LocalDate.of(2028, 1, 15)))));

        assertThat(smtp.getReceivedMessages()[before].getSubject()).isEqualTo("Påminnelse: egenvurdering og rapport for"
                + " DEKOM " + cycles.cycle(cycleId).year() + " innen 15. januar 2028");
        assertThat(cycles.reminders(cycleId)).singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo("EGENVURDERING"));
    }

    @Test
    void without_a_contact_address_the_reminder_goes_to_the_owners_users() throws Exception {
        ProcessEngine engine = ModelEngine.shared();
        People.ensureUser(engine.getIdentityService(), "test-bergen-bruker", "eier-964338531");
        int before = smtp.getReceivedMessages().length;

        reminders().execute(execution(reminderCase(BERGEN), engine));

        assertThat(smtp.getReceivedMessages()[before].getAllRecipients()[0].toString())
                .isEqualTo("test-bergen-bruker@test.example");
    }

    @Test
    void an_owner_nobody_can_be_reached_at_fails_the_reminder_so_that_it_is_retried() {
        String oslo = "958935420"; // no contact address in the reference data, and no users in this engine
        assertThatThrownBy(() -> reminders().execute(execution(reminderCase(oslo), ModelEngine.shared())))
                .hasMessageContaining("Kan ikke sende påminnelse til 958935420");
        assertThat(cycles.reminders(cycleId)).isEmpty();
    }
}
