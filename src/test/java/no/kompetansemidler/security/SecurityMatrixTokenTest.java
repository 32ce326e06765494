package no.kompetansemidler.security;

import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.EngineApi;
import no.kompetansemidler.testkit.Http;
import no.kompetansemidler.testkit.IdentityProvider;
import no.kompetansemidler.testkit.Organisations;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.WebappSession;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole security matrix again, each person with what an identity provider vouches for instead of a password:
 * a bearer token on /engine-rest and /api, and a login through the provider for Tasklist's engine API. The staff
 * come from the staff's provider with their groups; the owners and the UH institution from ID-porten at the
 * required level, acting for their organisation. Every row must answer as with passwords.
 */
@ApplicationTest
class SecurityMatrixTokenTest extends SecurityMatrixTest {

    private final Map<String, WebappSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> ids = new ConcurrentHashMap<>();

    /** What the provider says of each person of the matrix. */
    static Map<String, Object> claims(String user) {
        String level = "idporten-loa-substantial";
        return switch (user) {
            case People.OWNER_BERGEN -> IdentityProvider.citizen("Ola Bergen", level, Organisations.BERGEN);
            case People.OWNER_VESTLAND_FK -> IdentityProvider.citizen("Vera Vestland", level, Organisations.VESTLAND_FK);
            case People.UH_HVL -> IdentityProvider.citizen("Per Høgskule", level, Organisations.HVL);
            case People.CASEWORKER -> IdentityProvider.staff(user + "@sfvl.no", "Kari Saksbehandler", "saksbehandler-vestland");
            case People.CASEWORKER_ROGALAND -> IdentityProvider.staff(user + "@sfvl.no", "Rolf Rogaland", "saksbehandler-rogaland");
            case People.COUNTY_CASEWORKER -> IdentityProvider.staff(user + "@vlfk.no", "Frida Fylkeskommune",
                    "saksbehandler-vestland-fylkeskommune");
            case People.AUDITOR -> IdentityProvider.staff(user + "@sfvl.no", "Randi Revisor", "revisor");
            case People.LEADER -> IdentityProvider.staff(user + "@sfvl.no", "Lene Leder", "leder-vestland");
            case People.UDIR -> IdentityProvider.staff(user + "@udir.no", "Ulf Utdanningsdirektoratet", "udir");
            case People.PROCESS_OWNER -> IdentityProvider.staff(user + "@sfvl.no", "Petter Prosesseier", "prosesseier");
            case People.ADMIN -> IdentityProvider.staff(user + "@sfvl.no", "Anne Admin", "camunda-admin");
            default -> throw new IllegalArgumentException(user);
        };
    }

    static String provider(String user) {
        return claims(user).containsKey("acr") ? IdentityProvider.CITIZENS : IdentityProvider.STAFF;
    }

    @Override
    HttpResponse<String> call(String user, String method, String path, String json) throws Exception {
        if (People.ANONYMOUS.equals(user)) {
            return Http.call(port, user, method, path, json);
        }
        return Http.callWithToken(port, IdentityProvider.token(provider(user), "matrise-" + user, claims(user)), method,
                path, json);
    }

    @Override
    HttpResponse<String> api(EngineApi api, String user, String method, String path, String json) throws Exception {
        if (api == EngineApi.ENGINE_REST || People.ANONYMOUS.equals(user)) {
            return call(user, method, EngineApi.ENGINE_REST.root() + path, json);
        }
        WebappSession session = sessions.get(user);
        if (session == null) {
            session = new WebappSession("http://127.0.0.1:" + port);
            session.loginThrough(provider(user), "matrise-" + user, claims(user));
            sessions.put(user, session);
        }
        return session.send(method, EngineApi.TASKLIST.root() + path, json == null ? null : "application/json", json);
    }

    @Override
    HttpResponse<String> deploy(String user, String fileName, String model) throws Exception {
        if (People.ANONYMOUS.equals(user)) {
            return super.deploy(user, fileName, model);
        }
        return Http.multipartWithToken(port, IdentityProvider.token(provider(user), "matrise-" + user, claims(user)),
                "/engine-rest/deployment/create", fileName, model);
    }

    /** The id the engine knows the person by: the staff's user name, the owners' pseudonym for their organisation. */
    @Override
    String idOf(String user) throws Exception {
        if (People.ANONYMOUS.equals(user)) {
            return user;
        }
        if (provider(user).equals(IdentityProvider.STAFF)) {
            return user + ".sfvl.no";
        }
        if (!ids.containsKey(user)) {
            // the person is known from their first call on, by the name the provider gave
            call(user, "GET", "/engine-rest/task/count", null);
            String name = (String) claims(user).get("name");
            ids.put(user, identity.createUserQuery().userFirstName(name).singleResult().getId());
        }
        return ids.get(user);
    }
}
