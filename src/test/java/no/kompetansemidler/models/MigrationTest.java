package no.kompetansemidler.models;

import no.kompetansemidler.cycle.Distributions;
import no.kompetansemidler.domain.funding.DistributionKey;
import no.kompetansemidler.domain.funding.ProposalLines;
import no.kompetansemidler.testkit.OwnJvmTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.testkit.Http;
import no.kompetansemidler.testkit.People;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * A process owner deploys changed versions of the cycle's models while a cycle of the old versions is running,
 * migrates it (after a dry run), and the migrated cycle completes correctly.
 */
@OwnJvmTest
@org.springframework.boot.test.context.SpringBootTest(webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT)
class MigrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    Distributions distributions;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The model with its forms, changed as a process owner would in Modeler: a renamed task and a new versionTag. */
    static Map<String, String> changed(String model, String task, String newName) throws Exception {
        String xml = Files.readString(Path.of("bpmn/" + model + ".bpmn"))
                .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"2.0.0\"");
        xml = xml.replaceFirst("(id=\"" + task + "\" name=\")[^\"]*\"", "$1" + newName + "\"");
        Map<String, String> files = new HashMap<>(Map.of(model + ".bpmn", xml));
        try (var forms = Files.list(Path.of("forms"))) {
            forms.forEach(f -> {
                try {
                    files.put(f.getFileName().toString(), Files.readString(f));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return files;
    }

    JsonNode migrate(String user, String model, int from, int to, boolean dryRun, int expectedStatus) throws Exception {
        HttpResponse<String> response = Http.call(port, user, "POST", "/api/prosesseier/migrering",
                "{\"prosess\": \"%s\", \"fraVersjon\": %d, \"tilVersjon\": %d, \"proveKjoring\": %s}"
                        .formatted(model, from, to, dryRun));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return expectedStatus == 200 ? new ObjectMapper().readTree(response.body()) : null;
    }

    void as(String user, Runnable action) throws Exception {
        People.as(identity, user, () -> {
            action.run();
            return null;
        });
    }

    @Test
    void a_running_cycle_is_migrated_to_new_versions_and_completes() throws Exception {
        init(engine);
        // a YRKESFAG cycle of Vestland fylkeskommune with one applicant (this JVM's own database): the opplæringskontor
        String applicant = no.kompetansemidler.identity.DemoData.vocationalApplicant(1).value();
        jdbc.sql("delete from km_owner_scheme where scheme = 'YRKESFAG' and organisation_number <> ?").param(applicant)
                .update();
        ProcessInstance cycle = People.as(identity, People.COUNTY_CASEWORKER, () -> runtime.startProcessInstanceByKey(
                "arssyklus", Map.of("embete", "vestland-fylkeskommune", "ordning", "YRKESFAG", "aar", 2080,
                        "ramme", "500 000")));
        String needReport = tasks.createTaskQuery().taskDefinitionKey("Task_SubmitNeedReport").singleResult()
                .getProcessInstanceId();

        for (String model : new String[]{"arssyklus", "behovsmelding"}) {
            HttpResponse<String> deployed = Http.multipart(port, "demo-prosesseier", "/engine-rest/deployment/create",
                    changed(model, model.equals("arssyklus") ? "Task_PrepareForum" : "Task_SubmitNeedReport",
                            "Ny versjon av oppgaven"));
            assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
            var v2 = repository.createProcessDefinitionQuery().processDefinitionKey(model).latestVersion().singleResult();
            assertThat(v2.getVersion()).isEqualTo(2);
            assertThat(v2.getVersionTag()).isEqualTo("2.0.0");
            assertThat(v2.getHistoryTimeToLive()).as("retention follows the parameter").isEqualTo(3660);
        }

        migrate("demo-eier-bergen", "arssyklus", 1, 2, true, 403);
        migrate("demo-saksbehandler", "arssyklus", 1, 2, false, 403);
        JsonNode dryRun = migrate("demo-prosesseier", "arssyklus", 1, 2, true, 200);
        assertThat(dryRun.get("antall").asInt()).isEqualTo(1);
        assertThat(dryRun.get("instanser").get(0).get("businessKey").asText()).isEqualTo("vestland-fylkeskommune-YRKESFAG-2080");
        assertThat(dryRun.get("aktiviteter").toString()).contains("Task_PrepareForum → Task_PrepareForum");
        assertThat(repository.getProcessDefinition(runtime.createProcessInstanceQuery().processInstanceId(cycle.getId())
                .singleResult().getProcessDefinitionId()).getVersion()).as("a dry run moves nothing").isEqualTo(1);
        migrate("demo-prosesseier", "arssyklus", 1, 5, true, 400);

        assertThat(migrate("demo-prosesseier", "arssyklus", 1, 2, false, 200).get("antall").asInt()).isEqualTo(1);
        assertThat(migrate("demo-prosesseier", "behovsmelding", 1, 2, false, 200).get("antall").asInt()).isEqualTo(1);
        assertThat(repository.getProcessDefinition(runtime.createProcessInstanceQuery().processInstanceId(cycle.getId())
                .singleResult().getProcessDefinitionId()).getVersionTag()).isEqualTo("2.0.0");
        assertThat(repository.getProcessDefinition(runtime.createProcessInstanceQuery().processInstanceId(needReport)
                .singleResult().getProcessDefinitionId()).getVersion()).isEqualTo(2);

        // the migrated cycle goes on to the end
        String vfk = tasks.createTaskQuery().taskDefinitionKey("Task_SubmitNeedReport").singleResult().getId();
        as(People.OWNER_OPPLAERINGSKONTOR, () -> tasks.complete(vfk, no.kompetansemidler.testkit.Applications.vocational(
                "917641404")));
        String confirm = tasks.createTaskQuery().taskDefinitionKey("Task_ConfirmPartnership").singleResult().getId();
        as(no.kompetansemidler.testkit.People.UH_HVL, () -> tasks.complete(confirm, Map.of("uhSvar", "BEKREFT")));
        management.executeJob(management.createJobQuery().activityId("Activity_NeedMapping").singleResult().getId());
        String prepare = tasks.createTaskQuery().taskDefinitionKey("Task_PrepareForum").singleResult().getId();
        assertThat(tasks.createTaskQuery().taskId(prepare).singleResult().getName()).isEqualTo("Ny versjon av oppgaven");
        as(People.COUNTY_CASEWORKER, () -> tasks.complete(prepare, Map.of()));
        String recommendation = tasks.createTaskQuery().taskDefinitionKey("Task_RecordRecommendation").singleResult().getId();
        distributions.save((String) runtime.getVariable(cycle.getId(), "syklusId"), "AMOUNTS",
                ProposalLines.split(applicant + "; 500 000; 0; 0; 0; Hospitering; etterutdanning; 2080; 2080",
                        DistributionKey.AMOUNTS), People.COUNTY_CASEWORKER);
        Map<String, Object> form = new HashMap<>(Map.of("forumEnig", true, "prioriteringer", "Yrkesfag",
                "begrunnelse", "Enige."));
        as(People.COUNTY_CASEWORKER, () -> tasks.complete(recommendation, form));
        String signOff = tasks.createTaskQuery().taskDefinitionKey("Task_SignOff").singleResult().getId();
        as(People.COUNTY_LEADER, () -> tasks.complete(signOff, Map.of("godkjenning", "GODKJENT")));
        management.executeJob(management.createJobQuery().activityId("Task_Pay").singleResult().getId());
        for (String letterStep : List.of("Task_WriteLetter", "Task_SendLetter", "Event_WaitForStatus",
                "Event_WaitForStatus")) {
            management.executeJob(management.createJobQuery().activityId(letterStep).singleResult().getId());
        }
        management.executeJob(management.createJobQuery().activityId("Event_SelfEvaluationOpens").singleResult().getId());
        String evaluation = tasks.createTaskQuery().taskDefinitionKey("Task_SubmitSelfEvaluation").singleResult().getId();
        as(People.OWNER_OPPLAERINGSKONTOR, () -> tasks.complete(evaluation, Map.of("brukt", "500 000", "egenfinansiering", "0",
                "gjennomforteTiltak", "Hospitering.", "deltakere", 12, "vurdering", "Bra.")));
        String review = tasks.createTaskQuery().taskDefinitionKey("Task_ReviewSelfEvaluation").singleResult().getId();
        as(People.COUNTY_CASEWORKER, () -> tasks.complete(review, Map.of("godkjent", true, "overforingVedtatt", false)));
        management.executeJob(management.createJobQuery().activityId("Activity_SelfEvaluation").singleResult().getId());
        String send = tasks.createTaskQuery().taskDefinitionKey("Task_SendReport").singleResult().getId();
        as(People.COUNTY_CASEWORKER, () -> tasks.complete(send, Map.of()));

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(cycle).isEnded()
                .hasPassed("EndEvent_ReportSent");
    }
}
