package no.kompetansemidler.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every model in bpmn/: deployed with its forms; each user task and start form has a deployed Camunda Form, each
 * user task candidate groups; historyTimeToLive and versionTag set; every element named and laid out in the diagram;
 * every delegate and called process exists.
 */
@no.kompetansemidler.testkit.ApplicationTest
class DeployedModelsTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    ApplicationContext context;

    static Stream<Path> models() throws IOException {
        List<Path> models = Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        assertThat(models).hasSizeGreaterThanOrEqualTo(5);
        return models.stream();
    }

    Set<String> deployedFormIds() throws IOException {
        Set<String> ids = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (var deployment : repository.createDeploymentQuery().list()) {
            for (var resource : repository.getDeploymentResources(deployment.getId())) {
                if (resource.getName().endsWith(".form")) {
                    ids.add(json.readTree(resource.getBytes()).get("id").asText());
                }
            }
        }
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void the_model_is_deployed_with_history_time_to_live_and_version_tag(Path file) {
        Process process = single(Bpmn.readModelFromFile(file.toFile()));
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive").isNotBlank();
        assertThat(process.getCamundaVersionTag()).as("versionTag").isNotBlank();
        assertThat(process.getName()).as("Norwegian name").isNotBlank();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(process.getId()).latestVersion()
                .singleResult().getVersionTag()).isEqualTo(process.getCamundaVersionTag());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void every_user_task_and_start_form_has_a_deployed_form_and_every_user_task_candidate_groups(Path file)
            throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> forms = deployedFormIds();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaFormRef()).as(task.getId() + " formRef").isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
            assertThat(forms).as(task.getId() + " form deployed").contains(task.getCamundaFormRef());
            assertThat(task.getCamundaCandidateGroups()).as(task.getId() + " candidate groups").isNotBlank();
            assertThat(task.getCamundaAssignee()).as(task.getId() + " no fixed assignee").isNull();
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) {
                assertThat(forms).as(start.getId() + " start form deployed").contains(start.getCamundaFormRef());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void every_element_has_diagram_layout_a_readable_id_and_a_norwegian_name(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> ((BaseElement) e.getBpmnElement()).getId()).collect(Collectors.toSet());
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            if (element instanceof SequenceFlow) {
                assertThat(edges).as(element.getId() + " has an edge").contains(element.getId());
                assertThat(element.getId()).startsWith("Flow_");
            } else {
                assertThat(shapes).as(element.getId() + " has a shape").contains(element.getId());
                assertThat(element.getId()).matches("(StartEvent|EndEvent|Event|BoundaryEvent|Task|Activity|Gateway)_[A-Z][A-Za-z]+");
                if (!(element instanceof org.camunda.bpm.model.bpmn.instance.Gateway)
                        || ((FlowNode) element).getOutgoing().size() > 1) {
                    assertThat(element.getName()).as(element.getId() + " is named").isNotBlank();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void every_delegate_is_a_bean_and_every_called_process_is_deployed(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            String expression = task.getCamundaDelegateExpression();
            assertThat(expression).as(task.getId()).matches("\\$\\{[a-zA-Z]+Delegate}");
            assertThat(context.containsBean(expression.substring(2, expression.length() - 1))).as(expression).isTrue();
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(call.getCalledElement()).count())
                    .as(call.getCalledElement()).isPositive();
        }
    }

    @org.junit.jupiter.api.Test
    void every_deployed_model_keeps_its_history_for_the_default_ten_years_and_cleanup_runs_at_night() {
        assertThat(repository.createProcessDefinitionQuery().list())
                .extracting(org.camunda.bpm.engine.repository.ProcessDefinition::getHistoryTimeToLive)
                .containsOnly(10 * 366);
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                context.getBean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(context.getBean(org.camunda.bpm.engine.HistoryService.class).findHistoryCleanupJobs()).isNotEmpty();
    }

    private static Process single(BpmnModelInstance model) {
        var processes = model.getModelElementsByType(Process.class);
        assertThat(processes).hasSize(1);
        return processes.iterator().next();
    }
}
