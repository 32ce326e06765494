package no.kompetansemidler.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the cost of an authorization check independent of how many cases there are. Before every authorization
 * check, Camunda 7 narrows the user's groups to those that have any authorization, by reading the distinct group of
 * every row in ACT_RU_AUTHORIZATION, once per command. Each case adds rows (its caseworkers' and owner's grants,
 * and one per task for its candidate group), so at ten times the national size that read took 65–80 ms of every
 * task list, form and submission on PostgreSQL (docs/ytelse.md). The narrowing changes no answer: a group without
 * authorizations matches no row in the checks that use the list. So the user's groups are used as they are; our
 * users are in a handful of groups each (the caseworker group of an embete, an owner's group, a role).
 */
@Component
class AuthenticatedGroupsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new UnnarrowedGroupsAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** Camunda's authorization manager, with the user's groups used as they are. */
    static final class UnnarrowedGroupsAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? List.of() : new ArrayList<>(authenticatedGroupIds);
        }
    }
}
