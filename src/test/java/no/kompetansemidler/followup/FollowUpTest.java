package no.kompetansemidler.followup;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.forms.Refusal;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.Applications;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static no.kompetansemidler.testkit.Organisations.ASKOY;
import static no.kompetansemidler.testkit.Organisations.BERGEN;
import static no.kompetansemidler.testkit.Organisations.HVL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Oppfølgingsordningen as its actors do it: Udir sends its selection of kommuner; each kommune's Statsforvalter
 * assigns a veileder; the kommune analyses its situation with the veileder (with a reminder, and a new deadline when
 * it passes); the caseworker approves the analysis, and the kommune takes part in the scheme's cycle, where the
 * forum, the rules, the decision and the payment are the cycle's; three yearly reports follow, and the follow-up ends.
 */
@ApplicationTest
class FollowUpTest {

    static final String OSLO = "958935420";

    @Autowired
    ApplicationContext context;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    FollowUps followUps;
    @Autowired
    MasterDataRepository masterData;
    @Autowired
    GreenMail mail;
    @Autowired
    JdbcClient db;
    @Autowired
    no.kompetansemidler.overview.CycleOverview overview;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    @Test
    void a_wrong_selection_is_refused_whole_with_every_line_named_and_only_udir_sends_one() {
        int year = Years.forSelection();
        long before = db.sql("select count(*) from km_follow_up").query(Long.class).single();
        String file = "år;kommunenummer;organisasjonsnummer\n"
                + year + ";4601;" + BERGEN + "\n"
                + year + ";9999;" + BERGEN + "\n"
                + year + ";1103;" + BERGEN + "\n"
                + year + ";4627;" + BERGEN + "\n";
        assertThatThrownBy(() -> selection(People.UDIR, file)).isInstanceOf(Refusal.class)
                .hasMessageContaining("utvalg [UTVALG]: Linje 3: kommunenummer 9999 finnes ikke blant kommunene fra 2024.")
                .hasMessageContaining("Linje 4: Stavanger (1103) er ikke registrert som eier")
                .hasMessageContaining("Linje 5: organisasjonsnummer " + BERGEN + " er ikke Askøy kommune sitt ("
                        + ASKOY + ").");
        assertThat(db.sql("select count(*) from km_follow_up").query(Long.class).single()).isEqualTo(before);
        assertThat(history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyLike("oppfolging-%-" + year).count()).isZero();

        // a caseworker or an owner does not send Udir's selection
        for (String user : List.of(People.CASEWORKER, People.OWNER_BERGEN)) {
            assertThatThrownBy(() -> selection(user, year + ";4601;" + BERGEN)).isInstanceOf(AuthorizationException.class);
        }
        // the same kommune twice in one year: refused the second time
        selection(People.UDIR, year + ";4601;" + BERGEN);
        // a second file for the year starts a case for its own kommune only
        selection(People.UDIR, year + ";4627;" + ASKOY);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("oppfolging-4601-" + year).count())
                .isOne();
        assertThatThrownBy(() -> selection(People.UDIR, year + ";4601;" + BERGEN)).isInstanceOf(Refusal.class)
                .hasMessageContaining("Linje 1: Bergen kommune er allerede i uttrekket for " + year + ".");
        endFollowUp(year, "4601");
        endFollowUp(year, "4627");
    }

    @Test
    void udir_selects_the_statsforvalter_follows_up_and_the_kommune_applies_reports_and_ends() {
        int year = Years.forSelection();
        People.ensureUser(identity, CycleScenario.ASKOY_USER, "eier-" + ASKOY);
        ProcessInstance selection = selection(People.UDIR, "år;kommunenummer;organisasjonsnummer\n"
                + year + ";4601;" + BERGEN + "\n" + year + ";4627;" + ASKOY + "\n" + year + ";301;" + OSLO + "\n");
        assertThat(selection.getBusinessKey()).isEqualTo("oppfolging-utvalg-" + year);

        // one case per kommune, at its own Statsforvalter
        CycleScenario bergen = new CycleScenario(context).on("oppfolging-4601-" + year);
        CycleScenario askoy = new CycleScenario(context).on("oppfolging-4627-" + year);
        Task assign = bergen.taskQuery().taskDefinitionKey("Task_AssignVeileder").singleResult();
        assertThat(assign.getName()).isEqualTo("Tildel veileder – Bergen kommune");
        assertThat(tasks.getIdentityLinksForTask(assign.getId())).anySatisfy(l ->
                assertThat(l.getGroupId()).isEqualTo("saksbehandler-vestland"));
        Task oslo = new CycleScenario(context).on("oppfolging-0301-" + year).taskQuery().singleResult();
        assertThat(tasks.getIdentityLinksForTask(oslo.getId())).anySatisfy(l -> assertThat(l.getGroupId())
                .isEqualTo("saksbehandler-ostfold-buskerud-oslo-og-akershus"));
        assertThat(followUps.find(Scheme.OPPFOLGING, year, "4601")).get().satisfies(f -> {
            assertThat(f.embete()).isEqualTo(Embete.VESTLAND);
            assertThat(f.phase()).isEqualTo(FollowUps.ANALYSIS);
        });
        // Rogaland's caseworker does not assign Vestland's veileder
        assertThatThrownBy(() -> bergen.complete(assign, People.CASEWORKER_ROGALAND, veileder("Vera Veileder",
                LocalDate.now().plusMonths(3)))).isInstanceOf(AuthorizationException.class);

        // the veileder: a wrong address or a deadline in the past is refused on its field
        assertThatThrownBy(() -> bergen.complete(assign, People.CASEWORKER, Map.of("veilederNavn", "Vera Veileder",
                "veilederEpost", "vera.hvl.example", "analyseFrist", LocalDate.now().plusMonths(3).toString())))
                .isInstanceOf(Refusal.class).hasMessageContaining("veilederEpost [FORMAT]");
        assertThatThrownBy(() -> bergen.complete(assign, People.CASEWORKER, veileder("Vera Veileder",
                LocalDate.now().minusDays(1)))).isInstanceOf(Refusal.class)
                .hasMessageContaining("analyseFrist [FRIST]: Fristen for analysen må være etter i dag");
        assertThat(followUps.find(Scheme.OPPFOLGING, year, "4601").orElseThrow().veilederName()).isNull();
        int mailsBefore = mail.getReceivedMessages().length;
        bergen.complete(assign, People.CASEWORKER, veileder("Vera Veileder", LocalDate.now().plusMonths(3)));
        assertThat(subjects(mailsBefore)).contains("Oppfølgingsordningen: Vera Veileder er veileder for Bergen kommune");
        assertThat(followUps.find(Scheme.OPPFOLGING, year, "4601").orElseThrow().veilederEmail())
                .isEqualTo("vera@hvl.example");

        // Askøy misses its deadline: reminded before it, and the caseworker sets a new one after it
        askoy.complete("Task_AssignVeileder", People.CASEWORKER, veileder("Per Veileder", LocalDate.now().plusMonths(2)));
        mailsBefore = mail.getReceivedMessages().length;
        askoy.executeJobsOf("BoundaryEvent_AnalysisReminder");
        askoy.executeJobsOf("Task_AnalysisReminder");
        assertThat(subjects(mailsBefore)).anySatisfy(s -> assertThat(s).startsWith("Påminnelse: analysen i"
                + " oppfølgingsordningen innen "));
        askoy.executeJobsOf("BoundaryEvent_AnalysisDeadline");
        Task late = askoy.taskQuery().taskDefinitionKey("Task_NewAnalysisDeadline").singleResult();
        assertThat(askoy.taskQuery().taskDefinitionKey("Task_Analysis").count()).isZero();
        LocalDate newDeadline = LocalDate.now().plusMonths(1);
        askoy.complete(late, People.CASEWORKER, Map.of("nyFrist", newDeadline.toString()));
        assertThat(followUps.find(Scheme.OPPFOLGING, year, "4627").orElseThrow().analysisDeadline())
                .isEqualTo(newDeadline);
        assertThat(askoy.taskQuery().taskDefinitionKey("Task_Analysis").singleResult().getDueDate()).isNotNull();

        // Bergen's analysis: too short is refused; returned once with the caseworker's comment; then approved
        Task analysis = bergen.taskQuery().taskDefinitionKey("Task_Analysis").singleResult();
        assertThatThrownBy(() -> bergen.complete(analysis, People.OWNER_BERGEN, Map.of("analyseSituasjon", "Kort.",
                "analysePrioriteringer", "Lesing og læringsmiljø i alle skolene.",
                "analyseVeileder", "Vi har hatt fire møter med veilederen.")))
                .isInstanceOf(Refusal.class).hasMessageContaining("analyseSituasjon [");
        // the kommune sets only its form's fields: not its own phase, not the veileder
        java.util.Map<String, Object> withMore = new java.util.HashMap<>(analysis());
        withMore.put("godkjent", true);
        assertThatThrownBy(() -> bergen.complete(analysis, People.OWNER_BERGEN, withMore))
                .isInstanceOf(Refusal.class).hasMessageContaining("godkjent [SKJEMA]");
        bergen.complete(analysis, People.OWNER_BERGEN, analysis());
        Task review = bergen.taskQuery().taskDefinitionKey("Task_ReviewAnalysis").singleResult();
        assertThat((String) tasks.getVariable(review.getId(), "tilVurdering")).contains("Kommunens situasjon:",
                "Elevundersøkelsen viser");
        assertThatThrownBy(() -> bergen.complete(review, People.CASEWORKER, Map.of("vurdering", "TILBAKE")))
                .isInstanceOf(Refusal.class).hasMessageContaining("vurderingKommentar [PÅKREVD]");
        bergen.complete(review, People.CASEWORKER, Map.of("vurdering", "TILBAKE",
                "vurderingKommentar", "Ta med resultatene fra nasjonale prøver."));
        Task again = bergen.taskQuery().taskDefinitionKey("Task_Analysis").singleResult();
        assertThat(tasks.getVariable(again.getId(), "tilbakemelding")).isEqualTo("Ta med resultatene fra nasjonale prøver.");
        assertThat(masterData.owners(Embete.VESTLAND, Scheme.OPPFOLGING)).isEmpty();
        bergen.complete(again, People.OWNER_BERGEN, analysis());
        bergen.complete("Task_ReviewAnalysis", People.CASEWORKER, Map.of("vurdering", "GODKJENT"));
        assertThat(followUps.find(Scheme.OPPFOLGING, year, "4601").orElseThrow().phase()).isEqualTo(FollowUps.DELIVERY);
        // the embete's overview shows where each of its kommuner stands
        assertThat(overview.of(Embete.VESTLAND, null).oppfolginger()).filteredOn(l -> l.uttrekk() == year)
                .extracting(l -> l.kommune() + ": " + l.fase() + ", " + l.veileder() + ", " + l.rapporterGodkjent())
                .containsExactly("Askøy kommune: Analysefasen, Per Veileder, 0",
                        "Bergen kommune: Utviklingsfasen, Vera Veileder, 0");
        assertThat(overview.of(Embete.ROGALAND, null).oppfolginger()).noneMatch(l -> l.uttrekk() == year);

        // the delivery phase: Bergen, and only Bergen, is asked in Vestland's Oppfølgingsordningen cycle
        assertThat(masterData.owners(Embete.VESTLAND, Scheme.OPPFOLGING)).extracting(o -> o.organisationNumber().value())
                .containsExactly(BERGEN);
        assertThat(masterData.findOwner(new no.kompetansemidler.domain.organisation.OrganisationNumber(BERGEN))
                .map(Owner::schemes).orElseThrow()).contains(Scheme.OPPFOLGING);
        int cycleYear = Years.forOppfolging();
        CycleScenario cycle = new CycleScenario(context);
        cycle.start("OPPFOLGING", cycleYear, "2 000 000");
        assertThat(cycle.taskQuery().taskDefinitionKey("Task_SubmitNeedReport").list()).singleElement()
                .satisfies(t -> assertThat(tasks.getVariable(t.getId(), "eier")).isEqualTo(BERGEN));
        assertThat((String) tasks.getVariable(cycle.taskFor("Task_SubmitNeedReport", BERGEN).getId(), "medvirkere"))
                .isEqualTo("skoleledere og lærere, sammen med veilederen");
        cycle.complete(cycle.taskFor("Task_SubmitNeedReport", BERGEN), People.OWNER_BERGEN, Applications.needReport(HVL));
        cycle.complete(cycle.taskFor("Task_ConfirmPartnership", BERGEN), People.UH_HVL, Map.of("uhSvar", "BEKREFT"));
        cycle.countNeedReports();
        cycle.complete("Task_PrepareForum", People.CASEWORKER, Map.of());
        cycle.saveDistribution(String.join("\n",
                BERGEN + "; 1 500 000; 0; 0; 0; Lesing i alle fag; etterutdanning; " + cycleYear + "; " + cycleYear,
                HVL + "; 500 000; 0; 0; 0; Lesing i alle fag; etterutdanning; " + cycleYear + "; " + cycleYear));
        // Askøy is still analysing: it gets no money from the scheme (R5)
        assertThat(cycle.taskQuery().taskDefinitionKey("Task_RecordRecommendation").count()).isOne();
        cycle.complete("Task_RecordRecommendation", People.CASEWORKER, Map.of("forumEnig", true,
                "prioriteringer", "Lesing", "begrunnelse", "Forumets innstilling."));
        assertThat(bergen.taskQuery().count()).isZero();
        cycle.approve();

        // the decision moves Bergen's case on to its yearly reports, with the grant
        ProcessInstance bergenCase = runtime.createProcessInstanceQuery().processInstanceBusinessKey(
                "oppfolging-4601-" + year).singleResult();
        assertThat(runtime.getVariable(bergenCase.getId(), "tilskudd")).isEqualTo("1 500 000,00 kr i " + cycleYear);
        for (int n = 1; n <= FollowUps.REPORTS; n++) {
            assertThat(bergen.taskQuery().count()).as("no report before it opens").isZero();
            bergen.executeJobsOf("Event_ReportOpens");
            Task report = bergen.taskQuery().taskDefinitionKey("Task_YearlyReport").singleResult();
            assertThat(report.getName()).isEqualTo("Send årsrapport " + n + " av 3 – Bergen kommune");
            assertThat(report.getDueDate()).isNotNull();
            assertThat(tasks.getVariable(report.getId(), "rapportGjennomfort")).as("a new year starts empty").isNull();
            bergen.complete(report, People.OWNER_BERGEN, Map.of("rapportGjennomfort", "Lesekurs for alle lærerne i år " + n + ".",
                    "rapportResultater", "Flere elever leser på forventet nivå.",
                    "rapportVidere", "Vi fortsetter med lesing og vurdering."));
            bergen.complete("Task_ReviewReport", People.CASEWORKER, Map.of("vurdering", "GODKJENT"));
        }
        assertThat(bergen.taskQuery().count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(bergenCase.getId()).singleResult()
                .getEndActivityId()).isEqualTo("EndEvent_FollowedUp");
        // the selection counts Bergen's ended case in a job of its own (kommuner ending at once do not collide on
        // its counter), and goes on waiting for Askøy and Oslo
        org.camunda.bpm.engine.runtime.Job counted = management.createJobQuery().processInstanceId(selection.getId())
                .activityId("Activity_FollowUp").singleResult();
        assertThat(counted).isNotNull();
        management.executeJob(counted.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(selection.getId()).count()).isOne();
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(selection.getId()).list())
                .extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder("oppfolging-4627-" + year, "oppfolging-0301-" + year);
        FollowUps.FollowUp ended = followUps.find(Scheme.OPPFOLGING, year, "4601").orElseThrow();
        assertThat(ended.phase()).isEqualTo(FollowUps.ENDED);
        assertThat(ended.reportsApproved()).isEqualTo(3);
        assertThat(db.sql("select count(*) from km_follow_up_report where follow_up_id = ?").param(ended.id())
                .query(Long.class).single()).isEqualTo(3);
        assertThat(masterData.owners(Embete.VESTLAND, Scheme.OPPFOLGING)).isEmpty();
        assertThat(overview.of(Embete.VESTLAND, null).oppfolginger()).filteredOn(l -> l.uttrekk() == year)
                .extracting(l -> l.kommune() + ": " + l.fase() + ", " + l.rapporterGodkjent())
                .contains("Bergen kommune: Avsluttet, 3");
    }

    private ProcessInstance selection(String user, String file) {
        return People.as(identity, user, () -> runtime.startProcessInstanceByKey("oppfolging-utvalg",
                Map.of("utvalg", file)));
    }

    private static Map<String, Object> veileder(String name, LocalDate deadline) {
        return Map.of("veilederNavn", name, "veilederEpost", name.startsWith("Vera") ? "vera@hvl.example"
                : "per@uib.example", "veilederVirksomhet", "Høgskulen på Vestlandet", "analyseFrist", deadline.toString());
    }

    private static Map<String, Object> analysis() {
        return Map.of("analyseSituasjon", "Elevundersøkelsen viser at mange elever opplever uro i timene, og"
                        + " leseresultatene på 5. trinn ligger under landssnittet.",
                "analysePrioriteringer", "Lesing og læringsmiljø i alle skolene.",
                "analyseVeileder", "Vi har hatt fire møter med veilederen og alle rektorene.");
    }

    private List<String> subjects(int from) {
        MimeMessage[] all = mail.getReceivedMessages();
        return Arrays.stream(all, from, all.length).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** A selection a test made only to refuse its repetition: ended, so that the kommune is in no later test's way. */
    private void endFollowUp(int year, String municipality) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey("oppfolging-" + municipality + "-" + year).singleResult();
        runtime.deleteProcessInstance(instance.getId(), "test");
        followUps.end(followUps.find(Scheme.OPPFOLGING, year, municipality).orElseThrow().id());
    }
}
