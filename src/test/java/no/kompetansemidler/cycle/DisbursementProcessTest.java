package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.funding.ProposalRepository;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/** Every path of the model utbetaling: paid; failing, retried, an incident, resolved; never paid twice (R9). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisbursementProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    CycleRepository cycles;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    String cycleId;

    @BeforeEach
    void setUp() {
        init(engine);
        cycleId = ProcessTestSupport.cycle(cycles, Scheme.DEKOM, 100_000_000);
    }

    ProcessInstance pay(String decisionId) {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("utbetaling",
                Map.of("syklusId", cycleId, "vedtakId", decisionId));
        assertThat(instance).isStarted();
        return instance;
    }

    @Test
    void a_decision_is_paid_asynchronously_to_the_recipients_account() {
        String decision = ProcessTestSupport.decision(cycles, proposals, cycleId, "964338531", "Bergen kommune", "OWNER",
                123_456_789);
        ProcessInstance instance = pay(decision);

        assertThat(instance).isWaitingAt("Task_Pay");
        execute(job());

        assertThat(instance).isEnded().hasPassed("EndEvent_Paid");
        var payment = cycles.paymentFor(decision).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(payment.amount().ore()).isEqualTo(123_456_789);
        org.assertj.core.api.Assertions.assertThat(payment.accountNumber()).matches("\\d{11}");
    }

    @Test
    void a_failing_payment_is_retried_becomes_an_incident_and_is_resolved_by_registering_the_account() throws Exception {
        jdbc.sql("update km_owner set account_number = null where organisation_number = '821311632'").update();
        String decision = ProcessTestSupport.decision(cycles, proposals, cycleId, "821311632", "Vestland fylkeskommune",
                "OWNER", 50_000_000);
        ProcessInstance instance = pay(decision);

        Job job = job();
        for (int attempt = 1; attempt <= 3; attempt++) {
            String id = job.getId();
            assertThatThrownBy(() -> managementService().executeJob(id))
                    .hasMessageContaining("har ikke registrert kontonummer");
            job = managementService().createJobQuery().jobId(id).singleResult();
            org.assertj.core.api.Assertions.assertThat(job.getRetries()).isEqualTo(3 - attempt);
        }
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        org.assertj.core.api.Assertions.assertThat(incident.getActivityId()).isEqualTo("Task_Pay");
        org.assertj.core.api.Assertions.assertThat(incident.getIncidentMessage())
                .contains("Vestland fylkeskommune (821311632)").contains("500 000,00 kr");
        org.assertj.core.api.Assertions.assertThat(cycles.paymentFor(decision)).isEmpty();

        HttpResponse<String> bad = putAccount("1234.56.78901");
        org.assertj.core.api.Assertions.assertThat(bad.statusCode()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(bad.body()).contains("kontrollsifferet (MOD11)");
        org.assertj.core.api.Assertions.assertThat(putAccount("1234.56.78903").statusCode()).isEqualTo(204);
        managementService().setJobRetries(job.getId(), 1);
        execute(job);

        assertThat(instance).isEnded().hasPassed("EndEvent_Paid");
        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery()
                .processInstanceId(instance.getId()).count()).isZero();
        org.assertj.core.api.Assertions.assertThat(cycles.paymentFor(decision).orElseThrow().accountNumber())
                .isEqualTo("12345678903");
    }

    @Test
    void a_decision_is_paid_exactly_once_even_when_its_payment_runs_twice() {
        String decision = ProcessTestSupport.decision(cycles, proposals, cycleId, "917641404", "Høgskulen på Vestlandet",
                "UH", 7_000_000);
        ProcessInstance first = pay(decision);
        ProcessInstance second = pay(decision);
        for (Job job : managementService().createJobQuery().activityId("Task_Pay").list()) {
            managementService().executeJob(job.getId());
        }
        assertThat(first).isEnded();
        assertThat(second).isEnded();
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from km_payment where decision_id = ?")
                .param(decision).query(Long.class).single()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void the_database_refuses_a_second_payment_for_a_decision() {
        String decision = ProcessTestSupport.decision(cycles, proposals, cycleId, "964338531", "Bergen kommune", "OWNER", 100);
        cycles.insertPayment(decision, "964338531", no.kompetansemidler.domain.money.Money.ofOre(100), "12345678903",
                java.time.Instant.now());
        assertThatThrownBy(() -> cycles.insertPayment(decision, "964338531",
                no.kompetansemidler.domain.money.Money.ofOre(100), "12345678903", java.time.Instant.now()))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    private HttpResponse<String> putAccount(String account) throws Exception {
        return HttpClient.newHttpClient().send(no.kompetansemidler.system.Acting.basic(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/stamdata/kontonummer/821311632")),
                        "demo-saksbehandler", "demo")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"kontonummer\":\"" + account + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
