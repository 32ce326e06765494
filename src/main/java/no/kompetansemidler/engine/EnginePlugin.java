package no.kompetansemidler.engine;

import no.kompetansemidler.audit.RetentionProperties;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the project changes in the engine, registered in one plugin:
 * <ul>
 *   <li><b>forms as contracts</b>: a person's completion or start carries only its form's fields, checked against
 *   the form, and a refusal leaves the engine as a bad request ({@link FormGuard});</li>
 *   <li><b>retention</b>: every model's history time-to-live follows kompetansemidler.retention (docs/prosesseier.md);</li>
 *   <li><b>authorization checks at any size</b>: the user's groups are used as they are, instead of narrowing them by
 *   reading every distinct group of ACT_RU_AUTHORIZATION once per command, which took 65–80 ms at ten times the
 *   national size (docs/ytelse.md). No answer changes: a group without authorizations matches no row;</li>
 *   <li><b>candidates may give a task back</b>: the grant for a task's candidate group adds TASK_ASSIGN to the
 *   engine's TASK_WORK (claim and complete), and never UPDATE (docs/sikkerhet.md);</li>
 *   <li><b>long texts</b>: a text variable over the 4000 characters of the engine's text column is stored as UTF-8
 *   bytes, for the running case and in the history, and is still a {@code String} to forms, REST and delegates;
 *   the history's log of submitted form fields keeps its first 4000 characters;</li>
 *   <li><b>a failed step becomes a person's task</b>: when a job has failed its last retry, the engine still records
 *   the incident, and a model that catches the message {@value #STEP_FAILED} (a non-interrupting event subprocess)
 *   gets it, with the error as {@value #FAILURE_MESSAGE}, so that the model's own task can have the cause fixed and
 *   the step retried ({@link FailedStepMessage}).</li>
 * </ul>
 */
@Component
public class EnginePlugin extends AbstractProcessEnginePlugin {

    /** The message a model catches to learn that one of its steps failed its last retry. */
    public static final String STEP_FAILED = "SystemstegFeilet";
    /** The variable that carries the failed step's error to the model. */
    public static final String FAILURE_MESSAGE = "feilmelding";

    /** The longest text the engine's text columns hold (varchar(4000); counted in characters). */
    public static final int TEXT_COLUMN_LENGTH = 4000;

    private final RetentionProperties retention;
    private final FormGuard forms = new FormGuard();

    public EnginePlugin(RetentionProperties retention) {
        this.retention = retention;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreBPMNParseListeners(with(configuration.getCustomPreBPMNParseListeners(),
                new AbstractBpmnParseListener() {
                    @Override
                    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                        processDefinition.setHistoryTimeToLive(retention.days());
                    }
                }));
        configuration.setCustomPostBPMNParseListeners(with(configuration.getCustomPostBPMNParseListeners(),
                forms.parseListener()));
        configuration.setCustomPostCommandInterceptorsTxRequired(with(
                configuration.getCustomPostCommandInterceptorsTxRequired(), forms.interceptor()));
        configuration.setCustomSessionFactories(with(configuration.getCustomSessionFactories(), new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new UnnarrowedGroupsAuthorizationManager();
            }
        }));
        configuration.setResourceAuthorizationProvider(new CandidatesMayAssign());
        configuration.setCompositeIncidentHandlersEnabled(true);
        configuration.setCustomIncidentHandlers(with(configuration.getCustomIncidentHandlers(), new FailedStepMessage()));
        configuration.setCustomPreVariableSerializers(with(configuration.getCustomPreVariableSerializers(),
                new LongTextSerializer()));
        if (configuration.getHistoryEventProducer() != null) {
            throw new IllegalStateException("EnginePlugin expects the engine's own history event producer");
        }
        configuration.setHistoryEventProducer(new CacheAwareHistoryEventProducer() {
            @Override
            public HistoryEvent createFormPropertyUpdateEvt(ExecutionEntity execution, String propertyId,
                                                            String propertyValue, String taskId) {
                return super.createFormPropertyUpdateEvt(execution, propertyId, formPropertyValue(propertyValue),
                        taskId);
            }
        });
    }

    /** A copy of the engine's list (which may be null) with one more element. */
    private static <T> List<T> with(List<T> list, T element) {
        List<T> copy = list == null ? new ArrayList<>() : new ArrayList<>(list);
        copy.add(element);
        return copy;
    }

    /**
     * A submitted form's field as the history's form-property log keeps it: at most a text column. The whole text
     * is the variable's, in the history's variable updates, which this log only repeats.
     */
    static String formPropertyValue(String value) {
        if (value == null || value.length() <= TEXT_COLUMN_LENGTH) {
            return value;
        }
        String marker = "… (" + value.length() + " tegn; hele teksten står i variabelen)";
        return value.substring(0, TEXT_COLUMN_LENGTH - marker.length()) + marker;
    }

    /**
     * Beside the engine's own handler of failed jobs (which records the incident): tells the failed job's process
     * instance, when its model catches {@link #STEP_FAILED}. Runs in the command that records the incident.
     */
    static final class FailedStepMessage implements IncidentHandler {

        @Override
        public String getIncidentHandlerType() {
            return Incident.FAILED_JOB_HANDLER_TYPE;
        }

        @Override
        public Incident handleIncident(IncidentContext incident, String message) {
            CommandContext command = Context.getCommandContext();
            ExecutionEntity execution = incident.getExecutionId() == null ? null
                    : command.getExecutionManager().findExecutionById(incident.getExecutionId());
            if (execution == null) {
                return null;
            }
            String instance = execution.getProcessInstanceId();
            RuntimeService runtime = command.getProcessEngineConfiguration().getRuntimeService();
            command.runWithoutAuthorization(() -> {
                if (runtime.createEventSubscriptionQuery().processInstanceId(instance).eventType("message")
                        .eventName(STEP_FAILED).count() > 0) {
                    runtime.createMessageCorrelation(STEP_FAILED).processInstanceId(instance)
                            .setVariable(FAILURE_MESSAGE, message == null ? "Ukjent feil." : message).correlate();
                }
                return null;
            });
            return null;
        }

        @Override
        public void resolveIncident(IncidentContext incident) {
            // the engine's own handler resolves the incident
        }

        @Override
        public void deleteIncident(IncidentContext incident) {
            // the engine's own handler deletes the incident
        }
    }

    /** Camunda's authorization manager, with the user's groups used as they are. */
    static final class UnnarrowedGroupsAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? List.of() : new ArrayList<>(authenticatedGroupIds);
        }
    }

    /** The engine's default authorizations, with TASK_ASSIGN added to the grant for a task's candidate group. */
    static final class CandidatesMayAssign extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            AuthorizationEntity[] authorizations = super.newTaskGroupIdentityLink(task, groupId, type);
            if (authorizations != null) {
                for (AuthorizationEntity authorization : authorizations) {
                    if (authorization.getResourceType() == Resources.TASK.resourceType()) {
                        authorization.addPermission(TaskPermissions.TASK_ASSIGN);
                    }
                }
            }
            return authorizations;
        }
    }

    /** A string longer than the text column: stored as UTF-8 bytes under its own serializer name. */
    static final class LongTextSerializer extends PrimitiveValueSerializer<StringValue> {

        static final String NAME = "longString";

        LongTextSerializer() {
            super(ValueType.STRING);
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        protected boolean canWriteValue(TypedValue value) {
            return value.getValue() instanceof String text && text.length() > TEXT_COLUMN_LENGTH;
        }

        @Override
        public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
            return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
        }

        @Override
        public StringValue readValue(ValueFields valueFields, boolean asTransientValue) {
            byte[] bytes = valueFields.getByteArrayValue();
            return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8),
                    asTransientValue);
        }

        @Override
        public void writeValue(StringValue value, ValueFields valueFields) {
            valueFields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }
}
