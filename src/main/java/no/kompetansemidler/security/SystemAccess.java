package no.kompetansemidler.security;

import org.camunda.bpm.engine.impl.context.Context;

/**
 * Runs what the system does on a person's behalf (granting access to a new case, creating a new owner's group)
 * without that person's authorization checks. Outside an engine command there is no acting person to check.
 */
public final class SystemAccess {

    private SystemAccess() {
    }

    public static void run(Runnable action) {
        if (Context.getCommandContext() == null) {
            action.run();
            return;
        }
        Context.getCommandContext().runWithoutAuthorization(() -> {
            action.run();
            return null;
        });
    }
}
