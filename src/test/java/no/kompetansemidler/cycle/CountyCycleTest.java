package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.County;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.identity.DemoData;
import no.kompetansemidler.letters.DemoIntegrasjonspunkt;
import no.kompetansemidler.letters.LetterRepository;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.Applications;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.Http;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.Map;

import static no.kompetansemidler.testkit.Organisations.HVL;
import static no.kompetansemidler.testkit.Organisations.VESTLAND_FK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * YRKESFAG as the fylkeskommune runs it: Vestland fylkeskommune's caseworker starts the county's cycle from Udir's
 * frame; the schools, opplæringskontor, lærebedrifter and prøvenemnder of the county apply (not the kommuner, not the
 * county itself); the county's caseworkers and leader work every task; the decisions, letters and payments are the
 * county's; the Statsforvalter in Vestland reads the cycle and can neither work nor decide in it.
 */
@ApplicationTest
class CountyCycleTest {

    static final County VESTLAND = County.find("46").orElseThrow();
    static final String SCHOOL = DemoData.vocationalApplicant(0).value();
    static final String TRAINING_OFFICE = DemoData.vocationalApplicant(1).value();
    /** A fagskole the county registers as a provider (an invented organisation number). */
    static final String FAGSKOLE = "912345637";

    @Autowired
    ApplicationContext context;
    @Autowired
    TaskService tasks;
    @Autowired
    CycleRepository cycles;
    @Autowired
    LetterRepository letters;
    @Autowired
    MasterDataRepository masterData;
    @Autowired
    DemoIntegrasjonspunkt integrasjonspunkt;
    @Autowired
    Distributions distributions;
    @LocalServerPort
    int port;

    @Test
    void the_county_runs_its_vocational_cycle_and_the_statsforvalter_reads_it() throws Exception {
        int year = Years.next();
        CycleScenario cycle = new CycleScenario(context);
        ProcessInstance instance = cycle.startAt("vestland-fylkeskommune", People.COUNTY_CASEWORKER, "YRKESFAG", year,
                "3 000 000");
        assertThat(instance.getBusinessKey()).isEqualTo("vestland-fylkeskommune-YRKESFAG-" + year);
        String cycleId = cycle.cycleId();
        assertThat(cycles.cycle(cycleId).office()).isEqualTo(VESTLAND);

        // the county's applicants are asked, and only they: not the kommuner, not the county itself
        List<String> asked = cycle.taskQuery().taskDefinitionKey("Task_SubmitNeedReport").list().stream()
                .map(t -> (String) tasks.getVariable(t.getId(), "eier")).sorted().toList();
        assertThat(asked).containsExactlyInAnyOrderElementsOf(masterData.owners(VESTLAND, Scheme.YRKESFAG).stream()
                .map(o -> o.organisationNumber().value()).toList());
        assertThat(asked).hasSize(4).contains(SCHOOL, TRAINING_OFFICE).doesNotContain(VESTLAND_FK, "964338531");
        assertThat(masterData.owners(VESTLAND, Scheme.YRKESFAG)).allSatisfy(o -> assertThat(o.kind().isVocational()).isTrue());

        // the opplæringskontor asks in the vocational words; two apply, two miss the deadline
        Task report = cycle.taskFor("Task_SubmitNeedReport", TRAINING_OFFICE);
        assertThat((String) tasks.getVariable(report.getId(), "medvirkere"))
                .isEqualTo("yrkesfaglærere, instruktører og faglige ledere i bedriftene");
        cycle.complete(report, People.OWNER_OPPLAERINGSKONTOR, Applications.vocational(HVL));
        cycle.complete(cycle.taskFor("Task_ConfirmPartnership", TRAINING_OFFICE), People.UH_HVL, Map.of("uhSvar", "BEKREFT"));
        People.as(context.getBean(org.camunda.bpm.engine.IdentityService.class), "test-vgs",
                List.of("eier-" + SCHOOL), () -> {
                    tasks.complete(cycle.taskFor("Task_SubmitNeedReport", SCHOOL).getId(),
                            new java.util.HashMap<>(Applications.vocational(HVL)));
                    return null;
                });
        cycle.complete(cycle.taskFor("Task_ConfirmPartnership", SCHOOL), People.UH_HVL, Map.of("uhSvar", "BEKREFT"));
        cycle.executeJobsOf("BoundaryEvent_DeadlinePassed");
        List<Task> missed = cycle.taskQuery().taskDefinitionKey("Task_HandleMissedDeadline").list();
        assertThat(missed).hasSize(2);
        // the Statsforvalter's caseworker has none of the county's tasks and cannot complete them
        assertThat(cycle.as(People.CASEWORKER, () -> tasks.createTaskQuery().processInstanceBusinessKey(
                cycle.businessKey()).taskCandidateGroup("saksbehandler-vestland").count())).isZero();
        assertThatThrownBy(() -> cycle.complete(missed.get(0), People.CASEWORKER, Map.of("fristValg", "DELTAR_IKKE",
                "begrunnelseIkkeDeltakelse", "Nei."))).isInstanceOf(AuthorizationException.class);
        missed.forEach(t -> cycle.complete(t, People.COUNTY_CASEWORKER, Map.of("fristValg", "DELTAR_IKKE",
                "begrunnelseIkkeDeltakelse", "Meldte at de ikke søker i år.")));
        cycle.countNeedReports();

        // the county's forum: working life, the Y-nemnd, the unions, the schools and the opplæringskontor
        Task forum = cycle.taskQuery().taskDefinitionKey("Task_PrepareForum").singleResult();
        assertThat((String) tasks.getVariable(forum.getId(), "forumMedlemmer"))
                .contains("Arbeidslivet (NHO, LO og andre partnere)", "Yrkesopplæringsnemnda", "Opplæringskontorene")
                .endsWith("Vestland fylkeskommune er sekretariat og har ikke stemme.");
        cycle.complete(forum, People.COUNTY_CASEWORKER, Map.of());
        // the county registers a fagskole as a provider (R2): it applies for nothing, but may be paid for what it
        // delivers; the Statsforvalter registers no provider for the county
        var identity = context.getBean(org.camunda.bpm.engine.IdentityService.class);
        var runtime = context.getBean(org.camunda.bpm.engine.RuntimeService.class);
        Map<String, Object> fagskole = Map.of("organisasjonsnummer", FAGSKOLE, "navn", "Fagskolen Vestland",
                "eiertype", "FAGSKOLE", "embete", "vestland-fylkeskommune", "kontaktEpost", "post@fagskolen.example");
        assertThatThrownBy(() -> People.as(identity, People.CASEWORKER, () -> runtime.startProcessInstanceByKey(
                "registrer-privat-eier", fagskole))).isInstanceOf(RuntimeException.class);
        if (masterData.findOwner(new OrganisationNumber(FAGSKOLE)).isEmpty()) {
            People.as(identity, People.COUNTY_CASEWORKER, () -> runtime.startProcessInstanceByKey(
                    "registrer-privat-eier", fagskole));
        }
        assertThat(masterData.owners(VESTLAND, Scheme.YRKESFAG)).extracting(o -> o.organisationNumber().value())
                .as("a provider is not asked for a need report").doesNotContain(FAGSKOLE);
        distributions.save(cycleId, "AMOUNTS", no.kompetansemidler.domain.funding.ProposalLines.split(String.join("\n",
                TRAINING_OFFICE + "; 1 300 000; 0; 0; 0; Hospitering i bedrift; etterutdanning; " + year + "; " + year,
                SCHOOL + "; 1 000 000; 0; 0; 0; Hospitering i bedrift; etterutdanning; " + year + "; " + year,
                HVL + "; 500 000; 0; 0; 0; Yrkesfaglærer 2; etterutdanning; " + year + "; " + year,
                FAGSKOLE + "; 200 000; 0; 0; 0; Kurs for instruktører i lærebedriftene; etterutdanning; " + year + "; "
                        + year),
                no.kompetansemidler.domain.funding.DistributionKey.AMOUNTS), People.COUNTY_CASEWORKER);

        // the Statsforvalter reads the distribution and may not change it; another embete may not read it
        String path = "/api/sykluser/" + cycleId + "/fordeling";
        assertThat(Http.call(port, People.CASEWORKER, "GET", path, null).statusCode()).isEqualTo(200);
        assertThat(Http.call(port, People.COUNTY_CASEWORKER, "GET", path, null).statusCode()).isEqualTo(200);
        assertThat(Http.call(port, People.CASEWORKER_ROGALAND, "GET", path, null).statusCode()).isEqualTo(403);
        assertThat(Http.call(port, People.CASEWORKER, "POST", path + "/kontroll",
                "{\"nokkel\": \"AMOUNTS\", \"rader\": []}").statusCode()).isEqualTo(403);

        cycle.complete("Task_RecordRecommendation", People.COUNTY_CASEWORKER, Map.of("forumEnig", true,
                "prioriteringer", "Hospitering og Yrkesfaglærer 2", "begrunnelse", "Forumets innstilling."));
        // the county's leader decides; the Statsforvalter's leader is not asked
        Task signOff = cycle.taskQuery().taskDefinitionKey("Task_SignOff").singleResult();
        assertThat(tasks.getIdentityLinksForTask(signOff.getId())).anySatisfy(l ->
                assertThat(l.getGroupId()).isEqualTo("leder-vestland-fylkeskommune"));
        assertThatThrownBy(() -> cycle.complete(signOff, People.LEADER, Map.of("godkjenning", "GODKJENT")))
                .isInstanceOf(AuthorizationException.class);
        cycle.complete(signOff, People.COUNTY_LEADER, Map.of("godkjenning", "GODKJENT"));

        assertThat(cycles.decisions(cycleId)).hasSize(4).allSatisfy(d ->
                assertThat(d.reasons()).startsWith("Vestland fylkeskommune vedtar tilskudd fra Desentralisert ordning"
                        + " for fag- og yrkesopplæringen for " + year));
        assertThat(cycles.decisions(cycleId)).filteredOn(d -> d.organisationNumber().equals(FAGSKOLE)).singleElement()
                .satisfies(d -> assertThat(d.recipientKind()).isEqualTo("PROVIDER"));
        cycle.executeJobsOf("Task_Pay");
        // the fagskole has no account number yet: the county's caseworker registers it, and it is paid
        Task account = cycle.taskQuery().taskDefinitionKey("Task_RegisterAccount").singleResult();
        assertThat(tasks.getVariable(account.getId(), "mottaker")).isEqualTo(FAGSKOLE);
        cycle.complete(account, People.COUNTY_CASEWORKER, Map.of("kontonummer",
                no.kompetansemidler.testkit.Organisations.inventedAccountNumber(FAGSKOLE)));
        cycle.executeJobsOf("Task_Pay");
        assertThat(Money.sum(cycles.payments(cycleId).stream().map(CycleRepository.Payment::amount).toList()))
                .isEqualTo(Money.ofKroner(3_000_000));
        cycle.deliverLetters();
        LetterRepository.Letter letter = letters.find(cycleId, TRAINING_OFFICE, LetterRepository.Kind.TILSAGN)
                .orElseThrow();
        assertThat(letter.status()).isEqualTo(LetterRepository.Status.LEVERT);
        String text = no.kompetansemidler.testkit.Pdfs.keptText("brev-yrkesfag-fylkeskommune",
                letters.pdf(letter.id()).orElseThrow());
        assertThat(text.replaceAll("\\s+", " ")).contains("Vestland fylkeskommune gir Opplæringskontoret",
                "samarbeidsforumet i Vestland fylkeskommune, der arbeidslivet (NHO, LO og andre partnere),"
                        + " yrkesopplæringsnemnda").doesNotContain("Statsforvalter");
        assertThat(integrasjonspunkt.received().values()).filteredOn(m -> m.receiver().equals(TRAINING_OFFICE))
                .singleElement().satisfies(m -> assertThat(m.sbd().at(
                        "/standardBusinessDocumentHeader/sender/0/identifier/value").asText())
                        .isEqualTo("0192:" + VESTLAND.organisationNumber().value()));

        // a complaint on the county's decision goes to the county, which assesses it; Udir is the complaint body
        assertThat(text.replaceAll("\\s+", " ")).contains("Send klagen til Vestland fylkeskommune");
        String definition = context.getBean(org.camunda.bpm.engine.RepositoryService.class)
                .createProcessDefinitionQuery().processDefinitionKey("klage").latestVersion().singleResult().getId();
        Map<String, Object> grounds = Map.of("referanse", instance.getBusinessKey() + "/" + TRAINING_OFFICE,
                "klagegrunn", "Hospiteringen for instruktørene i lærebedriftene burde også fått tilskudd.");
        cycle.as(People.OWNER_OPPLAERINGSKONTOR, () -> context.getBean(org.camunda.bpm.engine.FormService.class)
                .submitStartForm(definition, grounds));
        CycleScenario complaint = new CycleScenario(context).on(instance.getBusinessKey() + "/" + TRAINING_OFFICE
                + "/klage");
        Task assess = complaint.taskQuery().taskDefinitionKey("Task_AssessComplaint").singleResult();
        assertThat(tasks.getIdentityLinksForTask(assess.getId())).anySatisfy(l ->
                assertThat(l.getGroupId()).isEqualTo("saksbehandler-vestland-fylkeskommune"));
        assertThatThrownBy(() -> complaint.complete(assess, People.CASEWORKER, Map.of("klageUtfall", "OPPRETTHOLDES",
                "klageVurdering", "Statsforvalteren vurderer ikke fylkeskommunens vedtak.")))
                .isInstanceOf(AuthorizationException.class);
        complaint.complete(assess, People.COUNTY_CASEWORKER, Map.of("klageUtfall", "OPPRETTHOLDES",
                "klageVurdering", "Forumet prioriterte hospitering for lærerne; instruktørene kommer neste år."));
        Task udir = complaint.taskQuery().taskDefinitionKey("Task_UdirDecides").singleResult();
        assertThat(udir.getName()).contains("(Vestland fylkeskommune, YRKESFAG " + year + ")");
        assertThat(tasks.createTaskQuery().taskId(udir.getId()).taskCandidateGroup("udir").count()).isOne();

        // the overviews: the county's own, and the Statsforvalter's, which shows who runs it
        String county = Http.call(port, People.COUNTY_LEADER, "GET", "/api/oversikt/vestland-fylkeskommune?aar=" + year,
                null).body();
        assertThat(county).contains("\"embeteNavn\":\"Vestland fylkeskommune\"", cycleId);
        String statsforvalter = Http.call(port, People.LEADER, "GET", "/api/oversikt/vestland?aar=" + year, null).body();
        assertThat(statsforvalter).contains(cycleId, "\"kjortAv\":\"Vestland fylkeskommune\"");
        assertThat(Http.call(port, People.LEADER, "GET", "/api/oversikt/vestland-fylkeskommune?aar=" + year, null)
                .statusCode()).isEqualTo(200);
        assertThat(Http.call(port, People.CASEWORKER_ROGALAND, "GET", "/api/oversikt/vestland-fylkeskommune", null)
                .statusCode()).isEqualTo(403);
        assertThat(Http.call(port, People.COUNTY_CASEWORKER, "GET", "/api/oversikt/vestland", null).statusCode())
                .isEqualTo(403);

        // self-evaluation and report, by the county
        cycle.executeJobsOf("Event_SelfEvaluationOpens");
        cycle.complete(cycle.taskFor("Task_SubmitSelfEvaluation", TRAINING_OFFICE), People.OWNER_OPPLAERINGSKONTOR,
                Map.of("brukt", "1 500 000", "egenfinansiering", "0", "gjennomforteTiltak", "Hospitering for 20 lærere.",
                        "deltakere", 20, "vurdering", "Nyttig."));
        cycle.complete(cycle.taskFor("Task_ReviewSelfEvaluation", TRAINING_OFFICE), People.COUNTY_CASEWORKER,
                Map.of("godkjent", true, "overforingVedtatt", false));
        assertThat(cycles.cycle(cycleId).embete()).isEqualTo(Embete.VESTLAND);

        // the auditor reads who decided: the county's people, by the county's name
        var audit = Http.call(port, People.AUDITOR, "GET", "/revisjon/sykluser/" + cycleId + "/csv", null);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("saksbehandler (Vestland fylkeskommune)", "leder (Vestland fylkeskommune)")
                .doesNotContain("Statsforvalteren i Vestland vedtar");
    }
}
