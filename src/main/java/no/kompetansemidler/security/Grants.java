package no.kompetansemidler.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** Creates or extends a group's grant on a resource (idempotent). */
final class Grants {

    private Grants() {
    }

    static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
                      Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT)
                .singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
