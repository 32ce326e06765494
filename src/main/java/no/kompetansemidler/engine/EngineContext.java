package no.kompetansemidler.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts in the engine now, acting as the system, and facts the public API does not give without a grant. */
public final class EngineContext {

    private EngineContext() {
    }

    /**
     * Whether the activity ends because something cancelled it (a timer, an end event, the instance deleted), not
     * because its work was done: an end listener then records nothing.
     */
    public static boolean isCancelled(DelegateExecution execution) {
        return execution instanceof org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity entity
                && entity.isCanceled();
    }

    /** The user on whose behalf the engine runs now (who completed the task), or null for the job executor. */
    public static String currentUserId(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    /** The groups of the user on whose behalf the engine runs now; empty for the job executor. */
    public static java.util.List<String> currentGroupIds(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? java.util.List.of()
                : authentication.getGroupIds();
    }

    /**
     * Runs what the system does on a person's behalf (granting access to a new case, creating a new owner's group)
     * without that person's authorization checks. Outside an engine command there is no acting person to check.
     */
    public static void runAsSystem(Runnable action) {
        if (Context.getCommandContext() == null) {
            action.run();
            return;
        }
        Context.getCommandContext().runWithoutAuthorization(() -> {
            action.run();
            return null;
        });
    }

    /**
     * What the application reads on a person's behalf without the person's own grants, outside a command (e.g. the
     * instances a process owner's migration moves, which the process owner may not read): the person's
     * authentication is set aside for the read and put back afterwards.
     */
    public static <T> T withoutPerson(IdentityService identity, java.util.function.Supplier<T> read) {
        Authentication person = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (person != null) {
                identity.setAuthentication(person);
            }
        }
    }

    /** Whether the task exists, whoever may see it (to tell a task that is gone from one the caller may not see). */
    public static boolean taskExists(ProcessEngine engine, String taskId) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired()
                .execute(context -> context.getTaskManager().findTaskById(taskId) != null);
    }
}
