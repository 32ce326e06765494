package no.kompetansemidler.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Acting as a person in tests: authenticated with the person's real groups, as the REST filter and the webapps do,
 * so that the engine's authorization applies exactly as in use.
 */
public final class Acting {

    private Acting() {
    }

    public static void authenticate(IdentityService identity, String user) {
        identity.clearAuthentication();
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
    }

    public static <T> T as(IdentityService identity, String user, Callable<T> action) throws Exception {
        authenticate(identity, user);
        try {
            return action.call();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** As the user with the given groups (no group lookup); a checked exception comes back unchecked. */
    public static <T> T as(IdentityService identity, String user, List<String> groups, Callable<T> action) {
        identity.setAuthentication(user, groups);
        try {
            return action.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** HTTP Basic credentials for a request. */
    public static HttpRequest.Builder basic(HttpRequest.Builder request, String user, String password) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
