package no.kompetansemidler.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.audit.AuditEvent;
import no.kompetansemidler.audit.AuditTrail;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.Applications;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static no.kompetansemidler.testkit.Organisations.ASKOY;
import static no.kompetansemidler.testkit.Organisations.BERGEN;
import static no.kompetansemidler.testkit.Organisations.HVL;
import static no.kompetansemidler.testkit.Organisations.VESTLAND_FK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A joint application over HTTP, as the caseworker's and the members' pages send it: the caseworker registers the
 * network «Bergensregionen» (Bergen leads, Askøy and Vestland fylkeskommune are members) after refusals that name
 * field and rule and store nothing; Bergen sends the application; Askøy confirms and the county declines with a
 * reason, each only for itself and once; the forum's prefilled row and the audit trail say so.
 */
@ApplicationTest
class NetworksTest {

    static final String ASKOY_USER = "test-nettverk-askoy";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    no.kompetansemidler.cycle.Distributions distributions;
    @Autowired
    AuditTrail audit;
    @LocalServerPort
    int port;

    HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
        return no.kompetansemidler.testkit.Http.call(port, user, method, path, json);
    }

    JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return new ObjectMapper().readTree(response.body());
    }

    List<String> violations(HttpResponse<String> response) throws Exception {
        List<String> texts = new ArrayList<>();
        json(response, 400).get("violations").forEach(v -> texts.add(v.get("field").asText() + " "
                + v.get("ruleId").asText() + ": " + v.get("message").asText()));
        return texts;
    }

    long networks(String cycleId) {
        return jdbc.sql("select count(*) from km_network where cycle_id = ?").param(cycleId).query(Long.class).single();
    }

    void askoyUserWithPassword() {
        String group = "eier-" + ASKOY;
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().userId(ASKOY_USER).count() == 0) {
            User user = identity.newUser(ASKOY_USER);
            user.setFirstName("Aud");
            user.setLastName("Askøy");
            user.setPassword(People.PASSWORD);
            identity.saveUser(user);
            identity.createMembership(ASKOY_USER, group);
        }
    }

    @Test
    void a_network_applies_jointly_and_each_member_answers_for_itself() throws Exception {
        askoyUserWithPassword();
        CycleScenario scenario = new CycleScenario(context).inScheme("KOMPETANSELOFTET");
        scenario.upTo(Years.forKompetanseloftet(), "Task_SubmitNeedReport");
        String cycleId = scenario.cycleId();
        String path = "/api/sykluser/" + cycleId + "/nettverk";

        // refusals name field and rule, and nothing is stored
        assertThat(violations(send(People.CASEWORKER, "POST", path, "{\"navn\": \" \", \"leder\": \"" + HVL
                + "\", \"medlemmer\": []}"))).anySatisfy(v -> assertThat(v).startsWith("navn PÅKREVD"))
                .anySatisfy(v -> assertThat(v).startsWith("leder NETTVERK").contains(HVL + " er ikke en eier"))
                .anySatisfy(v -> assertThat(v).startsWith("medlemmer PÅKREVD"));
        assertThat(send(People.OWNER_BERGEN, "POST", path, "{\"navn\": \"Bergensregionen\", \"leder\": \"" + BERGEN
                + "\", \"medlemmer\": [\"" + ASKOY + "\"]}").statusCode()).isEqualTo(403);
        assertThat(networks(cycleId)).isZero();

        JsonNode network = json(send(People.CASEWORKER, "POST", path, "{\"navn\": \"Bergensregionen\", \"leder\": \""
                + BERGEN + "\", \"medlemmer\": [\"" + ASKOY + "\", \"" + VESTLAND_FK + "\", \"" + BERGEN + "\"]}"), 200);
        String id = network.get("id").asText();
        assertThat(network.get("medlemmer")).extracting(m -> m.get("organisasjonsnummer").asText() + " "
                + m.get("svar").asText()).containsExactly(BERGEN + " LEDER", ASKOY + " VENTER", VESTLAND_FK + " VENTER");
        assertThat(network.get("registrertAv").asText()).isEqualTo("Kari Saksbehandler (demo-saksbehandler)");
        // an owner is in one network per cycle
        assertThat(violations(send(People.CASEWORKER, "POST", path, "{\"navn\": \"Vestkysten\", \"leder\": \"" + ASKOY
                + "\", \"medlemmer\": [\"" + VESTLAND_FK + "\"]}")))
                .anySatisfy(v -> assertThat(v).startsWith("leder NETTVERK").contains("allerede med i nettverket «Bergensregionen»"));
        assertThat(networks(cycleId)).isOne();

        // before the lead has sent, there is nothing to confirm
        String confirm = "{\"eier\": \"" + ASKOY + "\", \"svar\": \"BEKREFT\"}";
        assertThat(violations(send(ASKOY_USER, "POST", "/api/nettverk/" + id + "/svar", confirm)))
                .anySatisfy(v -> assertThat(v).contains("Bergen kommune har ikke sendt søknaden ennå"));

        scenario.complete(scenario.taskFor("Task_SubmitNeedReport", BERGEN), People.OWNER_BERGEN,
                Applications.needReport(HVL));
        JsonNode mine = json(send(ASKOY_USER, "GET", "/api/nettverk", null), 200);
        assertThat(mine.get("mine")).extracting(JsonNode::asText).containsExactly(ASKOY);
        JsonNode seen = mine.get("nettverk").get(0);
        assertThat(seen.get("soknadSendt").asBoolean()).isTrue();
        assertThat(seen.get("soknad").get(0).asText()).startsWith("Tiltak 1 «Lesing i alle fag»: 1 000 000,00 kr i")
                .contains("UH Høgskulen på Vestlandet");

        // a member answers for itself, once; a decline needs a reason; the lead does not answer
        assertThat(violations(send(ASKOY_USER, "POST", "/api/nettverk/" + id + "/svar", "{\"eier\": \"" + ASKOY
                + "\", \"svar\": \"AVSLA\", \"begrunnelse\": \"\"}"))).containsExactly(
                "begrunnelse PÅKREVD: Begrunnelsen for avslaget må fylles ut.");
        assertThat(send(ASKOY_USER, "POST", "/api/nettverk/" + id + "/svar", "{\"eier\": \"" + VESTLAND_FK
                + "\", \"svar\": \"AVSLA\", \"begrunnelse\": \"Vi har ikke kapasitet i år.\"}").statusCode()).isEqualTo(403);
        assertThat(send(People.UH_HVL, "POST", "/api/nettverk/" + id + "/svar", confirm).statusCode()).isEqualTo(404);
        assertThat(violations(send(People.OWNER_BERGEN, "POST", "/api/nettverk/" + id + "/svar", "{\"eier\": \""
                + BERGEN + "\", \"svar\": \"BEKREFT\"}"))).anySatisfy(v -> assertThat(v).contains("ikke lederen"));
        JsonNode answered = json(send(ASKOY_USER, "POST", "/api/nettverk/" + id + "/svar", confirm), 200);
        assertThat(answered.get("medlemmer").get(1).get("svarTekst").asText()).isEqualTo("bekreftet");
        assertThat(answered.get("medlemmer").get(1).get("svartAv").asText()).isEqualTo("Aud Askøy (" + ASKOY_USER + ")");
        assertThat(violations(send(ASKOY_USER, "POST", "/api/nettverk/" + id + "/svar", confirm)))
                .anySatisfy(v -> assertThat(v).contains("har allerede svart (bekreftet)"));
        json(send(People.OWNER_VESTLAND_FK, "POST", "/api/nettverk/" + id + "/svar", "{\"eier\": \"" + VESTLAND_FK
                + "\", \"svar\": \"AVSLA\", \"begrunnelse\": \"Vi har ikke kapasitet i år.\"}"), 200);

        // the caseworker's page, the forum's prefilled row and the audit trail
        JsonNode page = json(send(People.CASEWORKER, "GET", path, null), 200);
        assertThat(page.get("nettverk").get(0).get("medlemmer").get(2).get("begrunnelse").asText())
                .isEqualTo("Vi har ikke kapasitet i år.");
        assertThat(page.get("eiere")).anySatisfy(o -> assertThat(o.get("organisasjonsnummer").asText() + " "
                + o.get("nettverk").asText() + " " + o.get("sendt").asBoolean()).isEqualTo(BERGEN + " Bergensregionen true"));
        assertThat(send(People.OWNER_BERGEN, "GET", path, null).statusCode()).isEqualTo(403);
        assertThat(distributions.view(cycleId).rader()).filteredOn(r -> r.organisasjonsnummer().equals(BERGEN))
                .singleElement().satisfies(r -> assertThat(r.soknad()).endsWith("Søker for nettverket «Bergensregionen»:"
                        + " Askøy kommune bekreftet, Vestland fylkeskommune avslått."));
        assertThat(audit.account(cycleId).events()).extracting(AuditEvent::what)
                .anySatisfy(w -> assertThat(w).isEqualTo("Nettverket «Bergensregionen» registrert med 3 eiere og "
                        + BERGEN + " som leder som sender søknaden for alle."))
                .anySatisfy(w -> assertThat(w).isEqualTo("Medlemmet " + VESTLAND_FK + " avslo sin del av søknaden fra"
                        + " nettverket «Bergensregionen». Begrunnelse: Vi har ikke kapasitet i år."));
    }

    @Test
    void only_the_embetes_caseworkers_register_a_network() throws Exception {
        CycleScenario scenario = new CycleScenario(context).inScheme("KOMPETANSELOFTET");
        scenario.upTo(Years.forKompetanseloftet(), "Task_SubmitNeedReport");
        String path = "/api/sykluser/" + scenario.cycleId() + "/nettverk";
        String body = "{\"navn\": \"Bergensregionen\", \"leder\": \"" + BERGEN + "\", \"medlemmer\": [\"" + ASKOY + "\"]}";
        for (String user : List.of(People.OWNER_BERGEN, People.UH_HVL, People.AUDITOR, People.PROCESS_OWNER,
                People.LEADER, People.UDIR, People.CASEWORKER_ROGALAND)) {
            assertThat(send(user, "POST", path, body).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(send(People.ANONYMOUS, "POST", path, body).statusCode()).isEqualTo(401);
        assertThat(send(People.CASEWORKER, "POST", "/api/sykluser/finnes-ikke/nettverk", body).statusCode()).isEqualTo(404);
        assertThat(networks(scenario.cycleId())).isZero();
        // the auditor reads them, the other embete's caseworker does not
        assertThat(send(People.AUDITOR, "GET", path, null).statusCode()).isEqualTo(200);
        assertThat(send(People.CASEWORKER_ROGALAND, "GET", path, null).statusCode()).isEqualTo(403);
    }

    @Test
    void two_caseworkers_putting_the_same_owner_in_two_networks_at_once_get_one_network() throws Exception {
        CycleScenario scenario = new CycleScenario(context).inScheme("KOMPETANSELOFTET");
        scenario.upTo(Years.forKompetanseloftet(), "Task_SubmitNeedReport");
        String path = "/api/sykluser/" + scenario.cycleId() + "/nettverk";
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String lead : List.of(BERGEN, VESTLAND_FK)) {
                answers.add(pool.submit(() -> {
                    together.await();
                    return send(People.CASEWORKER, "POST", path, "{\"navn\": \"Nettverk rundt " + lead
                            + "\", \"leder\": \"" + lead + "\", \"medlemmer\": [\"" + ASKOY + "\"]}");
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 400) {
                    assertThat(response.body()).contains("\"field\":\"medlemmer\"", "NETTVERK");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 400);
        } finally {
            pool.shutdownNow();
        }
        assertThat(networks(scenario.cycleId())).isOne();
        assertThat(jdbc.sql("select count(*) from km_network_member where cycle_id = ? and organisation_number = ?")
                .params(scenario.cycleId(), ASKOY).query(Long.class).single()).isOne();
    }
}
