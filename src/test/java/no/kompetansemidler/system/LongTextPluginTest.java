package no.kompetansemidler.system;

import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.People;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text longer than the engine's 4000-character text column (a distribution for the largest embete) is kept
 * whole: in the running case, in the history, and over REST, where it is still a String.
 */
@ApplicationTest
class LongTextPluginTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    FormService formService;
    @LocalServerPort
    int port;

    /** 1500 lines of a distribution, with Norwegian letters: about 120 000 characters. */
    static String longDistribution() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            text.append("99").append(1000 + i).append("; 1 000 000; 300 000; 0; 0; Lesing og læringsmiljø på Ørsta ")
                    .append(i).append("; etterutdanning; 2027; 2028\n");
        }
        return text.toString();
    }

    @Test
    void a_text_over_4000_characters_is_kept_whole_in_the_case_the_history_and_over_rest() throws Exception {
        repository.createDeployment().addModelInstance("langtekst.bpmn", Bpmn.createExecutableProcess("langtekst")
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Vent").endEvent().done()).deploy();
        String longText = longDistribution();
        assertThat(longText.length()).isGreaterThan(100_000);

        ProcessInstance instance = runtime.startProcessInstanceByKey("langtekst",
                Map.of("linjer", longText, "kort", "Kort tekst"));

        assertThat(runtime.getVariable(instance.getId(), "linjer")).isEqualTo(longText);
        assertThat(serializer(instance.getId(), "linjer")).isEqualTo("longString");
        assertThat(serializer(instance.getId(), "kort")).isEqualTo("string");
        HttpResponse<String> rest = HttpClient.newHttpClient().send(People.basic(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/engine-rest/process-instance/" + instance.getId() + "/variables/linjer")),
                "demo-admin", "demo").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rest.statusCode()).isEqualTo(200);
        assertThat(rest.body()).startsWith("{\"type\":\"String\",\"value\":\"991000; 1 000 000")
                .contains("læringsmiljø på Ørsta 1499");

        // shorter again, then long again: the variable changes storage both ways
        runtime.setVariable(instance.getId(), "linjer", "964338531; 1 000 000; 300 000; 0; 0; Lesing; etterutdanning; 2027; 2027");
        assertThat(serializer(instance.getId(), "linjer")).isEqualTo("string");
        runtime.setVariable(instance.getId(), "linjer", longText + "917641404; 1; 0; 0; 0; UH; etterutdanning; 2027; 2027");
        assertThat(runtime.getVariable(instance.getId(), "linjer")).isEqualTo(longText
                + "917641404; 1; 0; 0; 0; UH; etterutdanning; 2027; 2027");

        // submitted as a form (Tasklist's submit-form): the form-property log keeps the first 4000 characters
        formService.submitTaskForm(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
                Map.of("linjer", longText + "917641404; 1; 0; 0; 0; UH; etterutdanning; 2027; 2027"));
        String logged = (String) ((HistoricFormField) history.createHistoricDetailQuery()
                .processInstanceId(instance.getId()).formFields().singleResult()).getFieldValue();
        assertThat(logged).hasSize(4000).startsWith(longText.substring(0, 3000))
                .endsWith("… (" + (longText.length() + 53) + " tegn; hele teksten står i variabelen)");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("linjer").singleResult().getValue()).asString().endsWith("UH; etterutdanning; 2027; 2027");
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().list())
                .filteredOn(d -> ((HistoricVariableUpdate) d).getVariableName().equals("linjer"))
                .extracting(d -> ((String) ((HistoricVariableUpdate) d).getValue()).length())
                .containsExactlyInAnyOrder(longText.length(), 71, longText.length() + 53, longText.length() + 53);
    }

    private String serializer(String processInstanceId, String name) {
        return ((VariableInstanceEntity) runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
                .variableName(name).singleResult()).getSerializerName();
    }
}
