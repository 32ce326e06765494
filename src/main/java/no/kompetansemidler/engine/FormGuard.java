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
import no.kompetansemidler.forms.Refusal;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Camunda Form is the contract of what a person may submit, whatever the way in: Tasklist (the webapps' engine
 * API), /engine-rest or the Java API.
 * <ul>
 *   <li>At the command boundary, for every command a person gives ({@link #interceptor()}): completing or submitting a
 *   task may carry only the editable fields of the task's form (a read-only field only as it was shown); starting a
 *   process only the fields of its start form and the start variables its model documents (the start event's
 *   property {@value #START_VARIABLES}); changing a task (its due date, its name) needs UPDATE on it. Checked after
 *   the person is found to be allowed the command at all, before anything is stored.</li>
 *   <li>When the task ends ({@link #parseListener()}): the values the case then holds are checked against the form's
 *   types, lengths, patterns, options and required fields ({@link FormContract}); not when a timer or an end
 *   cancels the task.</li>
 *   <li>Input refused by a form or a rule leaves the engine as a {@link Refusal}: a bad request, logged by the
 *   engine at debug, not as an error with a stack trace.</li>
 * </ul>
 */
final class FormGuard {

    /** The start event's property that lists, comma-separated, the variables an integration may start with. */
    static final String START_VARIABLES = "startvariabler";
    private static final String START_FORM = "kompetansemidler.startForm";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The engine's refusal of a variable serialized as a Java object (CoreLogger, ENGINE-17007). */
    private static final java.util.regex.Pattern JAVA_SERIALIZATION =
            java.util.regex.Pattern.compile("^ENGINE-17007 Cannot set variable with name (\\S+?)\\. ");
    /** The forms of each deployment, by form id (a deployment's resources never change). */
    private final Map<String, Map<String, FormContract>> byDeployment = new ConcurrentHashMap<>();

    BpmnParseListener parseListener() {
        return new AbstractBpmnParseListener() {
            @Override
            public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (!(scope instanceof ProcessDefinitionEntity)) {
                    return;
                }
                String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
                List<String> declared = new ArrayList<>();
                Element extensions = element.element("extensionElements");
                Element properties = extensions == null ? null
                        : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
                if (properties != null) {
                    for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
                        if (START_VARIABLES.equals(property.attribute("name")) && property.attribute("value") != null) {
                            for (String name : property.attribute("value").split(",")) {
                                if (!name.isBlank()) {
                                    declared.add(name.trim());
                                }
                            }
                        }
                    }
                }
                activity.setProperty(START_FORM, formRef);
                activity.setProperty(START_VARIABLES, List.copyOf(declared));
            }

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

    /** The guard at the command boundary; among the engine's interceptors after the one that opens the context. */
    CommandInterceptor interceptor() {
        return new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                CommandContext context = Context.getCommandContext();
                Authentication person = context == null ? null : context.getAuthentication();
                try {
                    // the system itself (the job executor, the application's own code) acts for nobody: not checked
                    if (person != null && person.getUserId() != null) {
                        List<Violation> problems = submissionProblems(command, context, person);
                        if (!problems.isEmpty()) {
                            throw new ValidationException(problems);
                        }
                    }
                    return next.execute(command);
                } catch (ValidationException refused) {
                    throw new Refusal(refused);
                } catch (org.camunda.bpm.engine.ProcessEngineException e) {
                    java.util.regex.Matcher javaObject = JAVA_SERIALIZATION.matcher(String.valueOf(e.getMessage()));
                    if (javaObject.find()) { // bad input, not a fault of ours: refused, and logged as such
                        throw new Refusal(new ValidationException(List.of(new Violation(javaObject.group(1), "JSON",
                                "Verdier serialisert som Java-objekter tas ikke imot: send verdien som JSON."))));
                    }
                    if (e instanceof org.camunda.bpm.engine.exception.NullValueException
                            && String.valueOf(e.getMessage()).startsWith("Cannot find task with id")) {
                        // a task completed or removed a moment ago: the person's error, not ours (404 over REST)
                        throw new org.camunda.bpm.engine.exception.NotFoundException(e.getMessage(), e);
                    }
                    throw e;
                }
            }
        };
    }

    private List<Violation> submissionProblems(Command<?> command, CommandContext context, Authentication person) {
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            String taskId = (String) field(command, "taskId");
            Map<String, Object> variables = values(field(command, command instanceof SubmitTaskFormCmd
                    ? "properties" : "variables"));
            TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            if (task == null || variables.isEmpty() || !allowed(() -> checkers(context).forEach(c -> c.checkTaskWork(task)))) {
                return List.of(); // the command refuses it itself: 404 or 403, as the engine answers them
            }
            java.util.Optional<FormContract> form = taskForm(task);
            if (form.isEmpty()) {
                return nothingMayBeSent(variables, task.getName());
            }
            List<Violation> problems = form.get().checkNames(variables, task::getVariable, task.getName());
            if (problems.isEmpty()) {
                // a read-only field comes back as it was shown: the case keeps its own value, and the history does
                // not show the person as having set it
                leaveOut(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables",
                        form.get().readOnlyKeys());
            }
            return problems;
        }
        if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
            ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) field(command, "instantiationBuilder");
            ProcessDefinitionEntity definition = definition(context, builder.getProcessDefinitionId(),
                    builder.getProcessDefinitionKey());
            return startProblems(context, definition, values(builder.getVariables()));
        }
        if (command instanceof SubmitStartFormCmd) {
            return startProblems(context, definition(context, (String) field(command, "processDefinitionId"), null),
                    values(field(command, "variables")));
        }
        if (command instanceof org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd
                || command instanceof org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd) {
            // no form stands behind a signal or a message: a person other than an administrator sends no values
            Map<String, Object> sent = new java.util.LinkedHashMap<>();
            Object builder = field(command, "builder");
            if (builder instanceof org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl signal) {
                sent.putAll(values(signal.getVariables()));
            } else if (builder instanceof org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl message) {
                sent.putAll(values(message.getPayloadProcessInstanceVariables()));
                sent.putAll(values(message.getPayloadProcessInstanceVariablesLocal()));
                sent.putAll(values(message.getPayloadProcessInstanceVariablesToTriggeredScope()));
            }
            if (!sent.isEmpty() && !context.getAuthorizationManager().isCamundaAdmin(person)) {
                return sent.keySet().stream().map(key -> new Violation(key, "SKJEMA", "«" + key + "» kan ikke sendes"
                        + " med et signal eller en melding; verdier sendes inn med en oppgaves skjema.")).toList();
            }
            return List.of();
        }
        if (command instanceof SaveTaskCmd) {
            TaskEntity task = (TaskEntity) field(command, "task");
            if (task != null && task.getRevision() > 0 && !context.getAuthorizationManager().isCamundaAdmin(person)
                    && !context.getAuthorizationManager().isAuthorized(Permissions.UPDATE, Resources.TASK, task.getId())) {
                throw new AuthorizationException(person.getUserId(), Permissions.UPDATE.getName(),
                        Resources.TASK.resourceName(), task.getId());
            }
        }
        return List.of();
    }

    private List<Violation> startProblems(CommandContext context, ProcessDefinitionEntity definition,
                                          Map<String, Object> variables) {
        if (definition == null || variables.isEmpty()
                || !allowed(() -> checkers(context).forEach(c -> c.checkCreateProcessInstance(definition)))) {
            return List.of();
        }
        ActivityImpl start = definition.getInitial();
        @SuppressWarnings("unchecked")
        List<String> declared = start == null || start.getProperty(START_VARIABLES) == null ? List.of()
                : (List<String>) start.getProperty(START_VARIABLES);
        Map<String, Object> fromForm = new java.util.LinkedHashMap<>(variables);
        declared.forEach(fromForm::remove);
        String formKey = start == null ? null : (String) start.getProperty(START_FORM);
        FormContract form = formKey == null ? null : contracts(definition.getDeploymentId()).get(formKey);
        String name = definition.getName() == null ? definition.getKey() : definition.getName();
        return form == null ? nothingMayBeSent(fromForm, name) : form.checkNames(fromForm, key -> null, name);
    }

    private static List<Violation> nothingMayBeSent(Map<String, Object> variables, String name) {
        return variables.keySet().stream().map(key -> new Violation(key, "SKJEMA", "«" + key + "» kan ikke sendes inn"
                + " til «" + name + "», som ikke har noe skjema.")).toList();
    }

    private java.util.Optional<FormContract> taskForm(TaskEntity task) {
        if (task.getTaskDefinition() == null || task.getTaskDefinition().getCamundaFormDefinitionKey() == null
                || task.getProcessDefinition() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(contracts(task.getProcessDefinition().getDeploymentId())
                .get(task.getTaskDefinition().getCamundaFormDefinitionKey().getExpressionText()));
    }

    private static ProcessDefinitionEntity definition(CommandContext context, String id, String key) {
        var cache = context.getProcessEngineConfiguration().getDeploymentCache();
        try {
            return id != null ? cache.findDeployedProcessDefinitionById(id)
                    : key != null ? cache.findDeployedLatestProcessDefinitionByKey(key) : null;
        } catch (RuntimeException notFound) {
            return null; // the command says so itself
        }
    }

    private static List<CommandChecker> checkers(CommandContext context) {
        return context.getProcessEngineConfiguration().getCommandCheckers();
    }

    /** Whether the person passes the engine's own check for the command (so that its refusal comes first). */
    private static boolean allowed(Runnable check) {
        try {
            check.run();
            return true;
        } catch (AuthorizationException e) {
            return false;
        }
    }

    /** The submitted variables as plain values (a typed value unwrapped). */
    private static Map<String, Object> values(Object variables) {
        Map<String, Object> plain = new java.util.LinkedHashMap<>();
        if (variables instanceof org.camunda.bpm.engine.variable.VariableMap typedMap) {
            // a VariableMap's values deserialize on reading: read them typed
            typedMap.keySet().forEach(name -> plain.put(name, plain(typedMap.getValueTyped(name))));
        } else if (variables instanceof Map<?, ?> map) {
            map.forEach((name, value) -> plain.put(String.valueOf(name),
                    value instanceof TypedValue typed ? plain(typed) : value));
        }
        return plain;
    }

    /** The value, or as sent when it is a serialized object not deserialized (such as a Java object, refused later). */
    private static Object plain(TypedValue typed) {
        if (typed instanceof org.camunda.bpm.engine.variable.value.SerializableValue serialized && !serialized.isDeserialized()) {
            return serialized.getValueSerialized();
        }
        return typed == null ? null : typed.getValue();
    }

    /** Removes the names from the command's map of variables (a copy in its place when the map cannot change). */
    private static void leaveOut(Object command, String name, java.util.Set<String> names) {
        if (!(field(command, name) instanceof Map<?, ?> variables) || java.util.Collections.disjoint(variables.keySet(), names)) {
            return;
        }
        try {
            variables.keySet().removeAll(names);
        } catch (UnsupportedOperationException immutable) {
            org.camunda.bpm.engine.variable.VariableMap copy = org.camunda.bpm.engine.variable.Variables.createVariables();
            variables.forEach((key, value) -> {
                if (!names.contains(String.valueOf(key))) {
                    copy.put(String.valueOf(key), value);
                }
            });
            setField(command, name, copy);
        }
    }

    private static void setField(Object command, String name, Object value) {
        try {
            declared(command, name).set(command, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot set " + name + " of " + command.getClass(), e);
        }
    }

    /** A field of one of the engine's command objects, by name (the commands have no getters for them). */
    private static Object field(Object command, String name) {
        try {
            return declared(command, name).get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + name + " of " + command.getClass(), e);
        }
    }

    private static java.lang.reflect.Field declared(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                java.lang.reflect.Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalStateException(command.getClass() + " has no field " + name
                + ": the engine's commands changed, see docs/drift.md");
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
