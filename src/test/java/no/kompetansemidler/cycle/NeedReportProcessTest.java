package no.kompetansemidler.cycle;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.domain.validation.ValidationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/** Every path of the model behovsmelding. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NeedReportProcessTest {

    static final String BERGEN = "964338531";

    @Autowired
    ProcessEngine engine;
    @Autowired
    CycleRepository cycles;
    @Autowired
    IdentityService identity;
    @Autowired
    GreenMail mail;
    String cycleId;
    Date deadline;
    Date reminder;

    @BeforeEach
    void setUp() {
        init(engine);
        cycleId = ProcessTestSupport.cycle(cycles, Scheme.DEKOM, 100_000_000);
        deadline = ProcessTestSupport.inDays(30);
        reminder = ProcessTestSupport.inDays(20);
    }

    ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>(Map.of("syklusId", cycleId, "eier", BERGEN, "ordning", "DEKOM",
                "aar", 2027, "embeteNavn", "Statsforvalteren i Vestland", "saksbehandlerGruppe", "saksbehandler-vestland",
                "behovsmeldingFrist", deadline, "paminnelseDato", reminder));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("behovsmelding", variables);
        assertThat(instance).isStarted();
        return instance;
    }

    void submit(Map<String, Object> form) throws Exception {
        Task task = task();
        ProcessTestSupport.as(identity, "demo-eier-bergen", () -> {
            taskService().complete(task.getId(), form);
            return null;
        });
    }

    static Map<String, Object> validReport() {
        return Map.of("uhPartner", "917641404", "medvirkning", "Skoleledere og lærere deltok på hver skole.",
                "behov", "Lesing og vurdering for læring.");
    }

    @Test
    void the_owner_reports_its_needs_with_its_uh_partner() throws Exception {
        ProcessInstance instance = start();

        assertThat(instance).isWaitingAt("Task_SubmitNeedReport");
        assertThat(task()).hasCandidateGroup("eier-964338531").hasDueDate(deadline);
        org.assertj.core.api.Assertions.assertThat(task().getFollowUpDate()).isEqualTo(reminder);
        // only the owner's group: no caseworker, no other owner
        org.assertj.core.api.Assertions.assertThat(taskService().getIdentityLinksForTask(task().getId()))
                .extracting(l -> l.getGroupId()).containsExactly("eier-964338531");
        assertThat(instance).variables().containsEntry("eierNavn", "Bergen kommune");
        submit(validReport());

        assertThat(instance).isEnded().hasPassed("Task_SaveNeedReport", "EndEvent_NeedReportReceived");
        org.assertj.core.api.Assertions.assertThat(cycles.needReports(cycleId)).singleElement()
                .satisfies(r -> {
                    org.assertj.core.api.Assertions.assertThat(r.uhPartner()).isEqualTo("917641404");
                    org.assertj.core.api.Assertions.assertThat(r.submittedBy()).isEqualTo("demo-eier-bergen");
                });
    }

    @Test
    void a_need_report_without_a_uh_partner_or_involvement_is_refused_and_the_task_stays() throws Exception {
        ProcessInstance instance = start();
        assertThatThrownBy(() -> submit(Map.of("uhPartner", "964338531", "medvirkning", "kort", "behov", "Lesing")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("uhPartner [R10]: UH-partneren må være en norsk UH-institusjon")
                .hasMessageContaining("medvirkning [R10]");
        assertThat(instance).isWaitingAt("Task_SubmitNeedReport");
        org.assertj.core.api.Assertions.assertThat(cycles.needReports(cycleId)).isEmpty();
    }

    @Test
    void a_reminder_is_e_mailed_over_smtp_before_the_deadline_and_recorded() throws Exception {
        ProcessInstance instance = start();
        int before = mail.getReceivedMessages().length;

        execute(job("BoundaryEvent_ReminderDue"));
        assertThat(instance).isWaitingAt("Task_SubmitNeedReport", "Task_SendNeedReportReminder");
        execute(job("Task_SendNeedReportReminder"));

        assertThat(instance).isWaitingAt("Task_SubmitNeedReport").hasPassed("EndEvent_ReminderSent");
        MimeMessage sent = mail.getReceivedMessages()[before];
        org.assertj.core.api.Assertions.assertThat(sent.getAllRecipients()[0].toString())
                .isEqualTo("demo-eier-bergen@demo.example");
        org.assertj.core.api.Assertions.assertThat(sent.getSubject()).startsWith("Påminnelse: behovsmelding for DEKOM");
        org.assertj.core.api.Assertions.assertThat(cycles.reminders(cycleId)).singleElement()
                .satisfies(r -> org.assertj.core.api.Assertions.assertThat(r.kind()).isEqualTo("BEHOVSMELDING"));
    }

    @Test
    void a_missed_deadline_goes_to_the_caseworker_who_extends_it_and_the_owner_then_reports() throws Exception {
        ProcessInstance instance = start();

        execute(job("BoundaryEvent_DeadlinePassed"));
        assertThat(instance).isWaitingAt("Task_HandleMissedDeadline");
        assertThat(task()).hasCandidateGroup("saksbehandler-vestland");
        String newDeadline = LocalDate.now(ProcessSupport.OSLO).plusDays(14).toString();
        ProcessTestSupport.as(identity, "demo-saksbehandler", () -> {
            taskService().complete(task().getId(), Map.of("fristValg", "FORLENG", "nyFrist", newDeadline));
            return null;
        });

        assertThat(instance).isWaitingAt("Task_SubmitNeedReport").hasPassedInOrder("Task_HandleMissedDeadline",
                "Task_RecordDeadlineChoice", "Gateway_DeadlineExtended", "Gateway_DeadlineSet");
        assertThat(task()).hasDueDate(ProcessSupport.endOfDay(LocalDate.parse(newDeadline)));
        submit(validReport());
        assertThat(instance).isEnded().hasPassed("EndEvent_NeedReportReceived").hasNotPassed("EndEvent_NotTakingPart");
    }

    @Test
    void an_extension_must_be_to_a_date_after_today() throws Exception {
        ProcessInstance instance = start();
        execute(job("BoundaryEvent_DeadlinePassed"));
        assertThatThrownBy(() -> ProcessTestSupport.as(identity, "demo-saksbehandler", () -> {
            taskService().complete(task().getId(), Map.of("fristValg", "FORLENG", "nyFrist", "2020-01-01"));
            return null;
        })).hasMessageContaining("nyFrist [FRIST]");
        assertThatThrownBy(() -> taskService().complete(task().getId(), Map.of("fristValg", "KANSKJE")))
                .hasMessageContaining("fristValg [VALG]");
        assertThat(instance).isWaitingAt("Task_HandleMissedDeadline");
    }

    @Test
    void a_missed_deadline_can_record_the_owner_as_not_taking_part() throws Exception {
        ProcessInstance instance = start();
        execute(job("BoundaryEvent_DeadlinePassed"));
        ProcessTestSupport.as(identity, "demo-saksbehandler", () -> {
            taskService().complete(task().getId(), Map.of("fristValg", "DELTAR_IKKE",
                    "begrunnelseIkkeDeltakelse", "Kommunen har meldt at den ikke har kapasitet."));
            return null;
        });

        assertThat(instance).isEnded().hasPassed("EndEvent_NotTakingPart").hasNotPassed("Task_SaveNeedReport");
        org.assertj.core.api.Assertions.assertThat(cycles.nonParticipants(cycleId)).containsExactly(BERGEN);
    }
}
