package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.funding.ProposalRepository;
import no.kompetansemidler.funding.StoredProposal;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.Http;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cycle as an integration starts it over /engine-rest, and a payment unblocked by registering an account. */
@ApplicationTest
class CycleRestTest {

    @LocalServerPort
    int port;
    @Autowired
    CycleRepository cycles;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_integration_starts_a_cycle_through_the_rest_api_with_the_frame_in_ore() throws Exception {
        int year = Years.next();
        String body = """
                {"businessKey": "ignored-the-cycle-sets-its-own",
                 "variables": {
                   "embete": {"value": "vestland", "type": "String"},
                   "ordning": {"value": "YRKESFAG", "type": "String"},
                   "aar": {"value": %d, "type": "Integer"},
                   "rammeOre": {"value": 123456789, "type": "Long"}}}""".formatted(year);
        HttpResponse<String> started = Http.call(port, People.CASEWORKER, "POST",
                "/engine-rest/process-definition/key/arssyklus/start", body);
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).contains("\"businessKey\":\"vestland-YRKESFAG-" + year + "\"");
        assertThat(cycles.findCycle(Embete.VESTLAND, Scheme.YRKESFAG, year).orElseThrow().frame().format())
                .isEqualTo("1 234 567,89 kr");

        int other = Years.next();
        HttpResponse<String> refused = Http.call(port, People.CASEWORKER, "POST",
                "/engine-rest/process-definition/key/arssyklus/start",
                body.replace("123456789", "-1").replace(String.valueOf(year), String.valueOf(other)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Rammen må være større enn 0 kr");
        assertThat(cycles.findCycle(Embete.VESTLAND, Scheme.YRKESFAG, other)).isEmpty();
    }

    @Test
    void a_payment_that_fails_for_want_of_an_account_is_paid_once_the_caseworker_registers_it() throws Exception {
        jdbc.sql("update km_owner set account_number = null where organisation_number = '821311632'").update();
        String cycleId = cycles.createCycle(Embete.VESTLAND, Scheme.DEKOM, Years.next(), Money.ofKroner(1_000_000), null,
                People.CASEWORKER, Instant.now());
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        String proposalId = proposals.save(new StoredProposal(null, cycle.embete(), cycle.scheme(), cycle.year(),
                cycle.frame(), List.of()), People.CASEWORKER, Instant.now());
        String decision = cycles.saveDecision(new CycleRepository.Decision(null, cycleId, proposalId, "821311632",
                "Vestland fylkeskommune", "OWNER", Money.ofKroner(500_000), "INNSTILLING", "Vedtak.",
                People.CASEWORKER), Instant.now());
        ProcessInstance instance = runtime.startProcessInstanceByKey("utbetaling",
                Map.of("syklusId", cycleId, "vedtakId", decision, "saksbehandlerGruppe", "saksbehandler-vestland"));

        Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        for (int attempt = 1; attempt <= 3; attempt++) {
            String id = job.getId();
            assertThatThrownBy(() -> management.executeJob(id)).hasMessageContaining("har ikke registrert kontonummer");
            job = management.createJobQuery().jobId(id).singleResult();
        }
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentMessage()).contains("Vestland fylkeskommune (821311632)").contains("500 000,00 kr");

        HttpResponse<String> bad = Http.call(port, People.CASEWORKER, "PUT", "/api/stamdata/kontonummer/821311632",
                "{\"kontonummer\":\"1234.56.78901\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("kontrollsifferet (MOD11)");
        assertThat(Http.call(port, People.CASEWORKER, "PUT", "/api/stamdata/kontonummer/821311632",
                "{\"kontonummer\":\"1234.56.78903\"}").statusCode()).isEqualTo(204);
        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(cycles.paymentFor(decision).orElseThrow().accountNumber()).isEqualTo("12345678903");
    }
}
