package no.kompetansemidler.security;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The candidates of a task may claim and complete it (TASK_WORK, the engine's grant for candidates) and also give
 * it back or pass it to a colleague (TASK_ASSIGN), but not change it (no UPDATE): the engine's default
 * authorization provider, with TASK_ASSIGN added to the grant it makes for a candidate group.
 */
@Component
class TaskAssignPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new CandidatesMayAssign());
    }

    static class CandidatesMayAssign extends DefaultAuthorizationProvider {
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
}
