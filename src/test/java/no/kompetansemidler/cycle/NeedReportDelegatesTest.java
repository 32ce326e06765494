package no.kompetansemidler.cycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import no.kompetansemidler.domain.validation.ValidationException;
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
        DelegateExecution execution = execution(Map.of("syklusId", cycleId, "eier", BERGEN));

        new PrepareNeedReportDelegate(masterData, collections, new ObjectMapper(), caseAccess).execute(execution);

        assertThat(execution.getVariable("eierNavn")).isEqualTo("Bergen kommune");
        assertThat(execution.getVariable("eierGruppe")).isEqualTo("eier-964338531");
        verify(caseAccess).owner(execution.getProcessInstanceId(), "eier-964338531");
        var options = new ObjectMapper().readTree(((JsonValue) execution.getVariable("uhValg")).getValueSerialized());
        assertThat(options).anySatisfy(option -> {
            assertThat(option.get("label").asText()).isEqualTo("Høgskulen på Vestlandet");
            assertThat(option.get("value").asText()).isEqualTo(HVL);
        });
        assertThat(masterData.uhInstitutions()).hasSizeGreaterThan(20);
    }

    Map<String, Object> report(String partner, String involvement) {
        return Map.of("syklusId", cycleId, "eier", BERGEN, "uhPartner", partner, "medvirkning", involvement,
                "behov", "Lesing og vurdering for læring.");
    }

    @Test
    void a_need_report_names_a_uh_partner_and_how_leaders_and_teachers_took_part_r10() {
        DelegateExecution execution = execution(report(HVL, "Skoleledere og lærere deltok på hver skole."),
                People.OWNER_BERGEN, List.of("eier-964338531"));

        new SaveNeedReportDelegate(cycles, masterData, clock).execute(execution);

        assertThat(cycles.needReports(cycleId)).singleElement().satisfies(r -> {
            assertThat(r.uhPartner()).isEqualTo(HVL);
            assertThat(r.submittedBy()).isEqualTo(People.OWNER_BERGEN);
        });
        assertThat(cycles.nonParticipants(cycleId)).isEmpty();
    }

    @Test
    void a_partner_that_is_not_uh_and_too_short_an_involvement_are_refused_and_nothing_is_stored() {
        ValidationException refused = catchThrowableOfType(ValidationException.class, () ->
                new SaveNeedReportDelegate(cycles, masterData, clock).execute(execution(report(BERGEN, "kort"),
                        People.OWNER_BERGEN, List.of("eier-964338531"))));

        assertThat(refused).hasMessageContaining("uhPartner [R10]: UH-partneren må være en norsk UH-institusjon")
                .hasMessageContaining("medvirkning [R10]");
        assertThat(cycles.needReports(cycleId)).isEmpty();
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
        return new DeadlineChoiceDelegate(cycles, TestDatabase.fundingParameters(), clock);
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
                Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class), "ikke-svar@test.example"), clock);
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
