package no.kompetansemidler.testkit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A mocked {@link DelegateExecution} for the delegate tests: its variables live in a map (what a delegate sets, it
 * reads back), it belongs to a process instance of its own, and the engine acts for a person (or for nobody, as
 * the job executor does). Being a Mockito mock, what a delegate did can also be verified.
 */
public final class Executions {

    private Executions() {
    }

    /** As the job executor: nobody is authenticated. */
    public static DelegateExecution execution(Map<String, ?> variables) {
        return execution(variables, null, List.of());
    }

    /** As the person with the groups, who completed the task or started the process. */
    public static DelegateExecution execution(Map<String, ?> variables, String user, List<String> groups) {
        ProcessEngineServices services = mock(ProcessEngineServices.class);
        IdentityService identity = mock(IdentityService.class);
        when(identity.getCurrentAuthentication()).thenReturn(user == null ? null : new Authentication(user, groups));
        when(services.getIdentityService()).thenReturn(identity);
        return execution(variables, services);
    }

    /** Inside a real engine (its identity service, its authentication), e.g. the model tests' engine. */
    public static DelegateExecution execution(Map<String, ?> variables, ProcessEngineServices services) {
        Map<String, Object> state = new HashMap<>(variables);
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(anyString())).thenAnswer(call -> state.get(call.<String>getArgument(0)));
        when(execution.hasVariable(anyString())).thenAnswer(call -> state.containsKey(call.<String>getArgument(0)));
        when(execution.getVariables()).thenAnswer(call -> new HashMap<>(state));
        doAnswer(call -> state.put(call.getArgument(0), call.getArgument(1))).when(execution)
                .setVariable(anyString(), any());
        doAnswer(call -> state.put("businessKey", call.getArgument(0))).when(execution)
                .setProcessBusinessKey(anyString());
        when(execution.getProcessBusinessKey()).thenAnswer(call -> state.get("businessKey"));
        String instance = "instans-" + UUID.randomUUID();
        when(execution.getProcessInstanceId()).thenReturn(instance);
        when(execution.getId()).thenReturn(instance);
        when(execution.getProcessEngineServices()).thenReturn(services);
        return execution;
    }
}
