package no.kompetansemidler.masterdata;

import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.testkit.WebappSession;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A caseworker registers a private owner through the model registrer-privat-eier, as Tasklist's start form does. */
@ApplicationTest
class RegisterPrivateOwnerTest {

    private static final String PROCESS = "registrer-privat-eier";

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    MasterDataRepository masterData;
    @LocalServerPort
    int port;

    @AfterEach
    void clearAuthentication() {
        identityService.clearAuthentication();
    }

    @Test
    void a_caseworker_registers_a_private_school_owner_in_her_embete() {
        no.kompetansemidler.testkit.People.authenticate(identityService, "demo-saksbehandler");
        String id = runtimeService.startProcessInstanceByKey(PROCESS, form("911 111 128", "Vestland Friskole AS",
                "PRIVAT_SKOLEEIER", "vestland")).getId();

        // the caseworker reads the history of her registration
        HistoricProcessInstance done = historyService.createHistoricProcessInstanceQuery().processInstanceId(id)
                .singleResult();
        assertThat(done.getState()).isEqualTo("COMPLETED");
        assertThat(done.getBusinessKey()).isEqualTo("eier-911111128");
        assertThat(done.getStartUserId()).isEqualTo("demo-saksbehandler");
        identityService.clearAuthentication();
        var owner = masterData.findOwner(new OrganisationNumber("911111128")).orElseThrow();
        assertThat(owner.schemes()).containsExactly(Scheme.DEKOM);
        assertThat(identityService.createGroupQuery().groupId("eier-911111128").singleResult().getName())
                .isEqualTo("Vestland Friskole AS");
    }

    @Test
    void the_county_registers_its_applicants_in_yrkesfag_and_only_there() {
        // in Rogaland county, whose YRKESFAG cycles no other test of this JVM runs
        String number = no.kompetansemidler.identity.DemoData.inventedOrganisationNumber("1198").value();
        no.kompetansemidler.testkit.People.ensureUser(identityService, "test-saksbehandler-rogaland-fk",
                "saksbehandler-rogaland-fylkeskommune");
        // an applicant in YRKESFAG belongs to the county, not to the Statsforvalter
        no.kompetansemidler.testkit.People.authenticate(identityService, "demo-saksbehandler");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS, form(number,
                "Elektrofagenes opplæringskontor", "OPPLAERINGSKONTOR", "vestland")))
                .hasMessageContaining("embete [EMBETE]: Opplæringskontor i yrkesfagordningen registreres hos"
                        + " fylkeskommunen som kjører ordningen, ikke hos Statsforvalteren i Vestland.");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS, form(number,
                "Elektrofagenes opplæringskontor", "OPPLAERINGSKONTOR", "rogaland-fylkeskommune")))
                .hasMessageContaining("embete [TILGANG]: Bare saksbehandlere hos Rogaland fylkeskommune");
        no.kompetansemidler.testkit.People.authenticate(identityService, "test-saksbehandler-rogaland-fk");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS, form(number,
                "Rogaland Friskole AS", "PRIVAT_SKOLEEIER", "rogaland-fylkeskommune")))
                .hasMessageContaining("embete [EMBETE]: En privat skoleeier registreres hos Statsforvalteren");
        assertThat(masterData.findOwner(new OrganisationNumber(number))).isEmpty();

        runtimeService.startProcessInstanceByKey(PROCESS, form(number, "Elektrofagenes opplæringskontor",
                "OPPLAERINGSKONTOR", "rogaland-fylkeskommune"));
        identityService.clearAuthentication();
        var owner = masterData.findOwner(new OrganisationNumber(number)).orElseThrow();
        assertThat(owner.schemes()).containsExactly(Scheme.YRKESFAG);
        assertThat(masterData.office(owner).displayName()).isEqualTo("Rogaland fylkeskommune");
        assertThat(owner.embete()).isEqualTo(no.kompetansemidler.domain.organisation.Embete.ROGALAND);
        assertThat(masterData.owners(no.kompetansemidler.domain.organisation.County.find("11").orElseThrow(),
                Scheme.YRKESFAG)).extracting(o -> o.organisationNumber().value()).contains(number);
        assertThat(identityService.createGroupQuery().groupId("eier-" + number).count()).isOne();
    }

    @Test
    void an_invalid_organisation_number_is_refused_and_nothing_is_stored() {
        no.kompetansemidler.testkit.People.authenticate(identityService, "demo-saksbehandler");
        long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count();

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS,
                form("911111129", "Feil AS", "PRIVAT_SKOLEEIER", "vestland")))
                .isInstanceOf(no.kompetansemidler.forms.Refusal.class)
                .hasMessageContaining("organisasjonsnummer [ORGNR]")
                .hasMessageContaining("MOD11");

        assertThat(masterData.allOwners()).noneMatch(o -> o.name().equals("Feil AS"));
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count())
                .isEqualTo(before);
        assertThat(identityService.createGroupQuery().groupId("eier-911111129").count()).isZero();
    }

    @Test
    void a_caseworker_cannot_register_an_owner_in_another_embete() {
        no.kompetansemidler.testkit.People.authenticate(identityService, "demo-saksbehandler");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS,
                form("922 222 223", "Stavanger Friskole AS", "PRIVAT_SKOLEEIER", "rogaland")))
                .isInstanceOf(no.kompetansemidler.forms.Refusal.class)
                .hasMessageContaining("embete [TILGANG]")
                .hasMessageContaining("Statsforvalteren i Rogaland");
        assertThat(masterData.findOwner(new OrganisationNumber("922222223"))).isEmpty();
    }

    @Test
    void an_owner_already_registered_or_a_uh_institution_is_refused() {
        no.kompetansemidler.testkit.People.authenticate(identityService, "demo-saksbehandler");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS,
                form("964338531", "Bergen kommune", "PRIVAT_SKOLEEIER", "vestland")))
                .hasMessageContaining("[DUPLIKAT]").hasMessageContaining("Bergen kommune");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS,
                form("917641404", "HVL", "PRIVAT_SKOLEEIER", "vestland")))
                .hasMessageContaining("[R2]").hasMessageContaining("Høgskulen på Vestlandet");
        assertThat(masterData.findOwner(new OrganisationNumber("917641404"))).isEmpty();
    }

    @Test
    void the_tasklist_start_form_registers_as_the_logged_in_caseworker_and_shows_errors_in_norwegian()
            throws Exception {
        WebappSession browser = new WebappSession("http://localhost:" + port);
        assertThat(browser.login("demo-saksbehandler", "demo")).isEqualTo(200);
        String submit = "/camunda/api/engine/engine/default/process-definition/key/" + PROCESS + "/submit-form";

        // Tasklist's own engine API answers a refused form as every endpoint does: 400 and the violations (it was a
        // 500 with a stack trace in the log)
        HttpResponse<String> refused = browser.postJson(submit, formJson("933333330", "Eventyrhagen AS"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"status\":400").contains("\"field\":\"organisasjonsnummer\"")
                .contains("\"ruleId\":\"ORGNR\"").contains("kontrollsifferet (MOD11)");
        assertThat(masterData.findOwner(new OrganisationNumber("933333337"))).isEmpty();

        HttpResponse<String> accepted = browser.postJson(submit, formJson("933 333 337", "Eventyrhagen AS"));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("eier-933333337")
                .singleResult().getStartUserId()).isEqualTo("demo-saksbehandler");
        assertThat(masterData.findOwner(new OrganisationNumber("933333337")).orElseThrow().schemes())
                .containsExactly(Scheme.REKOM);
    }

    private static Map<String, Object> form(String orgnr, String name, String kind, String embete) {
        return Map.of("organisasjonsnummer", orgnr, "navn", name, "eiertype", kind, "embete", embete,
                "kontaktEpost", "post@eier.example");
    }

    private static String formJson(String orgnr, String name) {
        return """
                {"variables": {
                  "organisasjonsnummer": {"value": "%s", "type": "String"},
                  "navn": {"value": "%s", "type": "String"},
                  "eiertype": {"value": "PRIVAT_BARNEHAGEEIER", "type": "String"},
                  "embete": {"value": "vestland", "type": "String"},
                  "kontaktEpost": {"value": "post@eventyrhagen.example", "type": "String"}}}
                """.formatted(orgnr, name);
    }
}
