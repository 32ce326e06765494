package no.kompetansemidler.testkit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The people of the tests: the demo's logins (README.md), and acting as one of them, authenticated with the person's
 * real groups as the REST filter and the webapps do, so that the engine's authorization applies exactly as in use.
 */
public final class People {

    /** The demo's password, for every demo login. */
    public static final String PASSWORD = "demo";
    public static final String CASEWORKER = "demo-saksbehandler";
    public static final String CASEWORKER_ROGALAND = "demo-saksbehandler-rogaland";
    public static final String OWNER_BERGEN = "demo-eier-bergen";
    public static final String OWNER_VESTLAND_FK = "demo-eier-vestlandfk";
    public static final String UH_HVL = "demo-uh";
    public static final String AUDITOR = "demo-revisor";
    public static final String PROCESS_OWNER = "demo-prosesseier";
    public static final String ADMIN = "demo-admin";
    public static final String LEADER = "demo-leder";
    public static final String UDIR = "demo-udir";
    /** Vestland fylkeskommune's caseworker and leader: they run YRKESFAG in Vestland county. */
    public static final String COUNTY_CASEWORKER = "demo-saksbehandler-fk";
    public static final String COUNTY_LEADER = "demo-leder-fk";
    /** The demo opplæringskontor in Vestland, an applicant in YRKESFAG. */
    public static final String OWNER_OPPLAERINGSKONTOR = "demo-eier-opplaeringskontor";
    /** No login at all (an HTTP request without credentials). */
    public static final String ANONYMOUS = "anonym";

    private People() {
    }

    public static void authenticate(IdentityService identity, String user) {
        identity.clearAuthentication();
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
    }

    /** As the user, with the user's groups; a checked exception comes back unchecked. */
    public static <T> T as(IdentityService identity, String user, Callable<T> action) {
        authenticate(identity, user);
        return call(identity, action);
    }

    /** As the user with the given groups (no group lookup). */
    public static <T> T as(IdentityService identity, String user, List<String> groups, Callable<T> action) {
        identity.setAuthentication(user, groups);
        return call(identity, action);
    }

    /** As the user, with the user's groups, for an action that returns nothing. */
    public static void run(IdentityService identity, String user, Runnable action) {
        as(identity, user, () -> {
            action.run();
            return null;
        });
    }

    private static <T> T call(IdentityService identity, Callable<T> action) {
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

    /** A user of an owner's group that the demo does not have (e.g. for an invented municipality). */
    public static void ensureUser(IdentityService identity, String id, String group) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setEmail(id + "@test.example");
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
    }

    /** A person of the staff with the demo's password and these groups, unless she exists already. */
    public static void ensureStaff(IdentityService identity, String id, String firstName, String lastName,
                                   String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            for (String group : groups) {
                identity.createMembership(id, group);
            }
        }
    }

    /** HTTP Basic credentials for a request. */
    public static HttpRequest.Builder basic(HttpRequest.Builder request, String user, String password) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
