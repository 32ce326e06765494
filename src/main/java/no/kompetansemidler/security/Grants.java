package no.kompetansemidler.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Creates or sets a group's grant on a resource: afterwards the group has exactly the given permissions on it
 * (idempotent; a permission no longer given is taken away, also from a grant made by an earlier version).
 */
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
        authorization.setPermissions(permissions);
        authorizations.saveAuthorization(authorization);
    }

    /** Takes away a group's grant on a resource, if it has one (a grant an earlier version made). */
    static void revoke(AuthorizationService authorizations, String groupId, Resource resource, String resourceId) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT)
                .singleResult();
        if (existing != null) {
            authorizations.deleteAuthorization(existing.getId());
        }
    }
}
