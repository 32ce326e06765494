package no.kompetansemidler.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import no.kompetansemidler.engine.EngineContext;
import org.springframework.stereotype.Component;

/**
 * Grants access to one case when it starts: the embete's caseworkers read it and retry its failed jobs (they work
 * its tasks through the tasks' own grants, and change its variables only by completing a task's form); the owner
 * reads its own. The grants are made by the system, whoever's action started the case. Also the
 * process-start listener of the called models ({@code ${caseAccess}}), granting the caseworkers of saksbehandlerGruppe.
 */
@Component("caseAccess")
public class CaseAccess implements ExecutionListener {

    private final AuthorizationService authorizations;

    CaseAccess(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object group = execution.getVariable("saksbehandlerGruppe");
        if (group != null) {
            caseworkers(execution.getProcessInstanceId(), group.toString());
        }
    }

    public void caseworkers(String processInstanceId, String group) {
        EngineContext.runAsSystem(() -> {
            Grants.grant(authorizations, group, Resources.PROCESS_INSTANCE, processInstanceId,
                    ProcessInstancePermissions.READ, ProcessInstancePermissions.RETRY_JOB);
            Grants.grant(authorizations, group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
                    HistoricProcessInstancePermissions.READ);
        });
    }

    public void owner(String processInstanceId, String group) {
        EngineContext.runAsSystem(() -> {
            Grants.grant(authorizations, group, Resources.PROCESS_INSTANCE, processInstanceId,
                    ProcessInstancePermissions.READ);
            Grants.grant(authorizations, group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
                    HistoricProcessInstancePermissions.READ);
        });
    }

}
