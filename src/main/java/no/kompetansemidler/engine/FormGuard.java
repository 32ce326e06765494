package no.kompetansemidler.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.forms.FormContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Camunda Form is the contract of what a person may submit. Every user task with a form checks what is submitted
 * against it ({@link FormContract}) when it is completed (not when a timer or an end cancels it), whatever the way
 * in: Tasklist, /engine-rest or the Java API. A breach throws {@link ValidationException}, so the completion is
 * rolled back and the task stays as it was.
 */
final class FormGuard {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The forms of each deployment, by form id (a deployment's resources never change). */
    private final Map<String, Map<String, FormContract>> byDeployment = new ConcurrentHashMap<>();

    BpmnParseListener parseListener() {
        return new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                if (task.getCamundaFormDefinitionKey() == null) {
                    return;
                }
                String formKey = task.getCamundaFormDefinitionKey().getExpressionText();
                // an execution listener, not a task listener: the engine wraps what a task listener throws, and
                // the person must see the violations themselves
                activity.addListener(ExecutionListener.EVENTNAME_END,
                        (ExecutionListener) execution -> checkSubmission(execution, formKey));
            }
        };
    }

    private void checkSubmission(DelegateExecution execution, String formKey) {
        ExecutionEntity entity = (ExecutionEntity) execution;
        if (entity.isCanceled()) {
            return; // a timer or an end ended the task: nothing was submitted
        }
        FormContract contract = contracts(entity.getProcessDefinition().getDeploymentId()).get(formKey);
        if (contract == null) {
            return;
        }
        List<Violation> problems = contract.check(execution::getVariable);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** Read inside the engine's command: the person completing the task need not read models and deployments. */
    private Map<String, FormContract> contracts(String deploymentId) {
        return byDeployment.computeIfAbsent(deploymentId, id -> {
            List<JsonNode> forms = new ArrayList<>();
            for (var resource : Context.getCommandContext().getResourceManager().findResourcesByDeploymentId(id)) {
                if (resource.getName().endsWith(".form")) {
                    try {
                        forms.add(JSON.readTree(resource.getBytes()));
                    } catch (IOException e) {
                        throw new IllegalStateException("Unreadable form " + resource.getName(), e);
                    }
                }
            }
            return FormContract.byId(forms);
        });
    }
}
