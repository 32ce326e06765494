package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.County;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.funding.ProposalRepository;
import no.kompetansemidler.funding.StoredProposal;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.EngineApi;
import no.kompetansemidler.testkit.Http;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A cycle as an integration starts it over /engine-rest, and a payment unblocked by the caseworker's task. */
@ApplicationTest
class CycleRestTest {

    @LocalServerPort
    int port;
    @Autowired
    SignOffs signOffs;
    @Autowired
    CycleRepository cycles;
    @Autowired
    ProposalRepository proposals;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_integration_starts_a_cycle_through_the_rest_api_with_the_frame_in_ore() throws Exception {
        int year = Years.next();
        String body = """
                {"businessKey": "ignored-the-cycle-sets-its-own",
                 "variables": {
                   "embete": {"value": "vestland", "type": "String"},
                   "ordning": {"value": "REKOM", "type": "String"},
                   "aar": {"value": %d, "type": "Integer"},
                   "rammeOre": {"value": 123456789, "type": "Long"}}}""".formatted(year);
        HttpResponse<String> started = Http.call(port, People.CASEWORKER, "POST",
                "/engine-rest/process-definition/key/arssyklus/start", body);
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).contains("\"businessKey\":\"vestland-REKOM-" + year + "\"");
        assertThat(cycles.findCycle(Embete.VESTLAND, Scheme.REKOM, year).orElseThrow().frame().format())
                .isEqualTo("1 234 567,89 kr");

        int other = Years.next();
        HttpResponse<String> refused = Http.call(port, People.CASEWORKER, "POST",
                "/engine-rest/process-definition/key/arssyklus/start",
                body.replace("123456789", "-1").replace(String.valueOf(year), String.valueOf(other)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Rammen må være større enn 0 kr");
        assertThat(cycles.findCycle(Embete.VESTLAND, Scheme.REKOM, other)).isEmpty();
    }

    @Test
    void the_vocational_scheme_is_started_by_the_fylkeskommune_and_not_by_the_statsforvalter() throws Exception {
        int year = Years.next();
        String body = """
                {"variables": {
                   "embete": {"value": "%s", "type": "String"},
                   "ordning": {"value": "YRKESFAG", "type": "String"},
                   "aar": {"value": %d, "type": "Integer"},
                   "rammeOre": {"value": 300000000, "type": "Long"}}}""";
        County vestland = County.find("46").orElseThrow();

        HttpResponse<String> byStatsforvalter = Http.call(port, People.CASEWORKER, "POST",
                "/engine-rest/process-definition/key/arssyklus/start", body.formatted("vestland", year));
        assertThat(byStatsforvalter.statusCode()).isEqualTo(400);
        assertThat(byStatsforvalter.body()).contains("\"field\":\"embete\"", "\"ruleId\":\"ORDNING\"",
                "Desentralisert ordning for fag- og yrkesopplæringen kjøres av fylkeskommunen");
        HttpResponse<String> statsforvalterInCounty = Http.call(port, People.CASEWORKER, "POST",
                "/engine-rest/process-definition/key/arssyklus/start",
                body.formatted("vestland-fylkeskommune", year));
        assertThat(statsforvalterInCounty.statusCode()).isEqualTo(400);
        assertThat(statsforvalterInCounty.body()).contains(
                "Bare saksbehandlere hos Vestland fylkeskommune kan starte en syklus der.");
        HttpResponse<String> dekomByCounty = Http.call(port, People.COUNTY_CASEWORKER, "POST",
                "/engine-rest/process-definition/key/arssyklus/start",
                body.formatted("vestland-fylkeskommune", year).replace("YRKESFAG", "DEKOM"));
        assertThat(dekomByCounty.statusCode()).isEqualTo(400);
        assertThat(dekomByCounty.body()).contains("kjøres av Statsforvalteren: velg embetet, ikke Vestland fylkeskommune");
        assertThat(cycles.findCycle(vestland, Scheme.YRKESFAG, year)).isEmpty();
        assertThat(cycles.findCycle(Embete.VESTLAND, Scheme.YRKESFAG, year)).isEmpty();

        HttpResponse<String> started = Http.call(port, People.COUNTY_CASEWORKER, "POST",
                "/engine-rest/process-definition/key/arssyklus/start", body.formatted("vestland-fylkeskommune", year));
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).contains("\"businessKey\":\"vestland-fylkeskommune-YRKESFAG-" + year + "\"");
        CycleRepository.Cycle cycle = cycles.findCycle(vestland, Scheme.YRKESFAG, year).orElseThrow();
        assertThat(cycle.office()).isEqualTo(vestland);
        assertThat(cycle.embete()).isEqualTo(Embete.VESTLAND);
        assertThat(cycles.findCycle(Embete.VESTLAND, Scheme.YRKESFAG, year)).isEmpty();
    }

    @Test
    void a_payment_without_an_account_waits_for_the_caseworkers_task_and_is_paid_once() throws Exception {
        jdbc.sql("update km_owner set account_number = null where organisation_number = '821311632'").update();
        String cycleId = cycles.createCycle(Embete.VESTLAND, Scheme.DEKOM, Years.next(), Money.ofKroner(1_000_000), null,
                People.CASEWORKER, Instant.now());
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        String proposalId = proposals.save(new StoredProposal(null, cycle.embete(), cycle.scheme(), cycle.year(),
                cycle.frame(), List.of()), People.CASEWORKER, Instant.now());
        signOffs.record(cycleId, proposalId, People.CASEWORKER, People.LEADER, true, null,
                Instant.now());
        String decision = cycles.saveDecision(new CycleRepository.Decision(null, cycleId, proposalId, "821311632",
                "Vestland fylkeskommune", "OWNER", Money.ofKroner(500_000), "INNSTILLING", "Vedtak.",
                People.CASEWORKER), Instant.now());
        ProcessInstance instance = runtime.startProcessInstanceByKey("utbetaling",
                Map.of("syklusId", cycleId, "vedtakId", decision, "saksbehandlerGruppe", "saksbehandler-vestland",
                        "ordning", "DEKOM", "aar", cycle.year()));

        management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());

        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getName()).isEqualTo("Registrer kontonummer for Vestland fylkeskommune (DEKOM " + cycle.year() + ")");
        HttpResponse<String> form = EngineApi.TASKLIST.call(port, People.CASEWORKER, "GET",
                "/task/" + task.getId() + "/form-variables", null);
        assertThat(form.body()).contains("500 000,00 kr").contains("821311632");

        for (String other : new String[]{People.CASEWORKER_ROGALAND, People.OWNER_VESTLAND_FK}) {
            assertThat(EngineApi.TASKLIST.call(port, other, "POST", "/task/" + task.getId() + "/submit-form",
                    EngineApi.variables(Map.of("kontonummer", "1234.56.78903"))).statusCode()).isIn(403, 404);
        }
        EngineApi.assertRefused(EngineApi.TASKLIST.call(port, People.CASEWORKER, "POST", "/task/" + task.getId()
                + "/submit-form", EngineApi.variables(Map.of("kontonummer", "1234.56.78901"))), 400, "kontonummer:KONTONR");
        EngineApi.assertRefused(EngineApi.TASKLIST.call(port, People.CASEWORKER, "POST", "/task/" + task.getId()
                        + "/submit-form", EngineApi.variables(Map.of("kontonummer", "1234.56.78903", "belopTekst", "5 000 000,00 kr"))),
                400, "belopTekst:LESEFELT");
        assertThat(jdbc.sql("select account_number from km_owner where organisation_number = '821311632'")
                .query(String.class).optional()).isEmpty();
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();

        HttpResponse<String> done = EngineApi.TASKLIST.call(port, People.CASEWORKER, "POST", "/task/" + task.getId()
                + "/submit-form", EngineApi.variables(Map.of("kontonummer", "1234.56.78903")));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        assertThat(cycles.paymentFor(decision)).isEmpty();
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(cycles.paymentFor(decision).orElseThrow().accountNumber()).isEqualTo("12345678903");
        assertThat(cycles.payments(cycleId)).hasSize(1);
    }
}
