package no.kompetansemidler.testkit;

import com.icegreen.greenmail.util.GreenMail;
import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.domain.money.Money;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A yearly cycle driven through the engine's API as the people would, in Statsforvalteren i Vestland: the whole
 * year ({@link #run}) on H2 (FullCycleTest) and on PostgreSQL (FullCyclePostgresIT), or the steps one by one. A
 * scenario works on one cycle (its business key, which the cycle's called processes share): it finds only that
 * cycle's tasks and executes only its jobs, so tests sharing a database never move each other's cases.
 */
public final class CycleScenario {

    public static final String BERGEN = Organisations.BERGEN;
    public static final String VESTLAND_FK = Organisations.VESTLAND_FK;
    public static final String ASKOY = Organisations.ASKOY;
    public static final String HVL = Organisations.HVL;
    /** A user of Askøy kommune, which the demo has no login for. */
    public static final String ASKOY_USER = "test-eier-askoy";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final HistoryService history;
    private final CycleRepository cycles;
    private final GreenMail mail;
    private final no.kompetansemidler.masterdata.MasterDataRepository masterData;
    private final no.kompetansemidler.cycle.Distributions distributions;
    private final ApplicationContext context;
    private String businessKey;
    private String scheme = "DEKOM";
    /** How many owners the cycle asked for need reports (Vestland's DEKOM owners when it started). */
    private int owners;

    public CycleScenario(ApplicationContext context) {
        this.context = context;
        runtime = context.getBean(RuntimeService.class);
        tasks = context.getBean(TaskService.class);
        management = context.getBean(ManagementService.class);
        identity = context.getBean(IdentityService.class);
        history = context.getBean(HistoryService.class);
        cycles = context.getBean(CycleRepository.class);
        mail = context.getBean(GreenMail.class);
        masterData = context.getBean(no.kompetansemidler.masterdata.MasterDataRepository.class);
        distributions = context.getBean(no.kompetansemidler.cycle.Distributions.class);
    }

    /** How many owners the cycle of {@link #run} asked for a need report: 44 in the demo, more if tests add some. */
    public int owners() {
        return owners;
    }

    /** The caseworker starts a cycle in Vestland; the scenario works on it from now on. */
    /**
     * The scheme {@link #upTo} runs in: DEKOM unless told; Kompetanseløftet takes the same owners (kommune and
     * fylkeskommune), with years from {@link Years#forKompetanseloftet()}.
     */
    public CycleScenario inScheme(String scheme) {
        this.scheme = scheme;
        return this;
    }

    public ProcessInstance start(String scheme, int year, String frame) {
        return startAt("vestland", "demo-saksbehandler", scheme, year, frame);
    }

    /** The office's caseworker starts a cycle there (a fylkeskommune's for YRKESFAG, e.g. "vestland-fylkeskommune"). */
    public ProcessInstance startAt(String office, String caseworker, String scheme, int year, String frame) {
        ProcessInstance cycle = as(caseworker, () -> runtime.startProcessInstanceByKey("arssyklus",
                Map.of("embete", office, "ordning", scheme, "aar", year, "ramme", frame)));
        businessKey = cycle.getBusinessKey();
        return cycle;
    }

    /** The scenario on a cycle that is already running. */
    public CycleScenario on(String cycleBusinessKey) {
        businessKey = cycleBusinessKey;
        return this;
    }

    /** Runs a DEKOM cycle from Udir's frame to the report sent; returns the cycle's process instance. */
    public ProcessInstance run(int year) throws Exception {
        People.ensureUser(identity, ASKOY_USER, "eier-" + ASKOY);
        owners = masterData.owners(no.kompetansemidler.domain.organisation.Embete.VESTLAND,
                no.kompetansemidler.domain.organisation.Scheme.DEKOM).size();
        ProcessInstance cycle = start("DEKOM", year, "10 000 000");
        String cycleId = (String) runtime.getVariable(cycle.getId(), "syklusId");

        // need mapping: every owner (44 in the demo); reminders go out; three report, the rest miss the deadline and
        // do not take part
        List<Task> needReports = taskQuery().taskDefinitionKey("Task_SubmitNeedReport").list();
        assertThat(needReports).hasSize(owners);
        executeJobsOf("BoundaryEvent_ReminderDue");
        executeJobsOf("Task_SendNeedReportReminder");
        assertThat(cycles.reminders(cycleId)).hasSize(owners);
        assertThat(mail.getReceivedMessages().length).isGreaterThanOrEqualTo(owners);
        submitNeedReport(BERGEN, "demo-eier-bergen");
        submitNeedReport(VESTLAND_FK, "demo-eier-vestlandfk");
        submitNeedReport(ASKOY, ASKOY_USER);
        executeJobsOf("BoundaryEvent_DeadlinePassed");
        taskQuery().taskDefinitionKey("Task_HandleMissedDeadline").list().forEach(this::doesNotTakePart);
        countNeedReports();
        assertThat(cycles.nonParticipants(cycleId)).hasSize(owners - 3);

        // forum: prepared, the innstilling has an R1 breach that the caseworker corrects
        complete("Task_PrepareForum", "demo-saksbehandler", Map.of());
        saveDistribution(lines(year, "450 000,14"));
        complete("Task_RecordRecommendation", "demo-saksbehandler", Map.of("forumEnig", true,
                "prioriteringer", "Lesing og inkluderende læringsmiljø", "begrunnelse", "Forumets innstilling av 10. mars."));
        Task correction = taskQuery().taskDefinitionKey("Task_CorrectBreaches").singleResult();
        assertThat((String) tasks.getVariable(correction.getId(), "regelbruddTekst"))
                .startsWith("R1 Egenfinansiering: Askøy kommune");
        saveDistribution(lines(year, "450 000,15"));
        complete("Task_CorrectBreaches", "demo-saksbehandler", Map.of("begrunnelse", "Forumets innstilling av 10. mars."));

        // the leader approves; decisions, letters and disbursement: one asynchronous payment per decision
        assertThat(cycles.decisions(cycleId)).isEmpty();
        approve();
        assertThat(cycles.decisions(cycleId)).hasSize(4);
        executeJobsOf("Task_Pay");
        assertThat(cycles.payments(cycleId)).hasSize(4);
        deliverLetters();

        // self-evaluation opens; three owners report; the caseworker approves
        executeJobsOf("Event_SelfEvaluationOpens");
        assertThat(taskQuery().taskDefinitionKey("Task_SubmitSelfEvaluation").count()).isEqualTo(3);
        submitSelfEvaluation(BERGEN, "demo-eier-bergen", "4 000 000", "1 200 000");
        submitSelfEvaluation(VESTLAND_FK, "demo-eier-vestlandfk", "2 900 000", "900 000");
        submitSelfEvaluation(ASKOY, ASKOY_USER, "1 000 000,50", "450 000,15");
        review(BERGEN, false);
        review(VESTLAND_FK, false);
        review(ASKOY, true);
        // the county's unused 100 000 kr is claimed back (R15): its letter is sent and delivered
        deliverLetters();
        countSelfEvaluations();

        // the report, then sent to Udir
        complete("Task_SendReport", "demo-saksbehandler", Map.of("merknad", "Sendt Udir."));
        return cycle;
    }

    /** Organisation number; amount; cash; salary; third party; measure; kind; from; to. */
    static String lines(int year, String askoyCoFinancing) {
        return String.join("\n",
                BERGEN + "; 4 000 000; 1 000 000; 200 000; 0; Lesing i alle fag; etterutdanning; " + year + "; " + (year + 1),
                VESTLAND_FK + "; 3 000 000; 500 000; 400 000; 0; Yrkesfaglærerløftet; etterutdanning; " + year + "; " + year,
                ASKOY + "; 1 500 000,50; " + askoyCoFinancing + "; 0; 0; Inkluderende praksis; etterutdanning; " + year + "; " + year,
                HVL + "; 1 499 999,50; 0; 0; 300 000; Partnerskap med skolene; etterutdanning; " + year + "; " + (year + 2));
    }

    // --- the steps, shared by the tests that drive a cycle through the engine's API ------------------------

    /**
     * Starts a DEKOM cycle in Vestland (frame 10 000 000 kr) and drives it to the stage, the named task open (at
     * "Task_ConfirmPartnership" Bergen has applied and Høgskulen på Vestlandet is asked to confirm):
     * Bergen and Vestland fylkeskommune report their needs, the rest do not take part; the innstilling gives Bergen
     * 7 000 000 kr and the county 3 000 000 kr ({@link #twoLines}), with too little co-financing for Bergen when the
     * stage is "Task_CorrectBreaches"; at "Task_RegisterAccount" the county is paid and Bergen's payment waits for
     * an account, at "Task_PaymentFailed" for the caseworker after its failed retries; at "Task_SubmitSelfEvaluation" the county has reported and Bergen's is open.
     */
    public ProcessInstance upTo(int year, String stage) {
        ProcessInstance cycle = start(scheme, year, "10 000 000");
        if (stage.equals("Task_SubmitNeedReport")) {
            return cycle;
        }
        if (stage.equals("Task_ConfirmPartnership")) {
            complete(taskFor("Task_SubmitNeedReport", BERGEN), "demo-eier-bergen", Applications.needReport(HVL));
            return cycle;
        }
        submitNeedReport(BERGEN, "demo-eier-bergen");
        submitNeedReport(VESTLAND_FK, "demo-eier-vestlandfk");
        executeJobsOf("BoundaryEvent_DeadlinePassed");
        taskQuery().taskDefinitionKey("Task_HandleMissedDeadline").list().forEach(this::doesNotTakePart);
        countNeedReports();
        if (stage.equals("Task_PrepareForum")) {
            return cycle;
        }
        complete("Task_PrepareForum", "demo-saksbehandler", Map.of());
        if (stage.equals("Task_RecordRecommendation")) {
            return cycle;
        }
        if (stage.equals("Task_FallbackDecision")) {
            complete("Task_RecordRecommendation", "demo-saksbehandler", Map.of("forumEnig", false,
                    "prioriteringer", "Uenighet", "begrunnelse", "Forumet ble ikke enig."));
            return cycle;
        }
        String coFinancing = stage.equals("Task_CorrectBreaches") ? "100 000" : "2 100 000";
        saveDistribution(twoLines(year, coFinancing));
        complete("Task_RecordRecommendation", "demo-saksbehandler", Map.of("forumEnig", true,
                "prioriteringer", "Lesing", "begrunnelse", "Forumets innstilling."));
        if (stage.equals("Task_CorrectBreaches") || stage.equals("Task_SignOff")) {
            return cycle;
        }
        approve();
        if (stage.equals("Task_RegisterAccount")) {
            payWithoutBergensAccount();
            return cycle;
        }
        if (stage.equals("Task_PaymentFailed")) {
            payWhileTheDatabaseRefusesBergen();
            return cycle;
        }
        executeJobsOf("Task_Pay");
        deliverLetters();
        executeJobsOf("Event_SelfEvaluationOpens");
        complete(taskFor("Task_SubmitSelfEvaluation", VESTLAND_FK), "demo-eier-vestlandfk", Map.of("brukt",
                "3 000 000", "egenfinansiering", "900 000", "gjennomforteTiltak", "Nettverk.", "deltakere", 12,
                "vurdering", "Bra."));
        if (stage.equals("Task_SubmitSelfEvaluation")) {
            return cycle;
        }
        complete(taskFor("Task_SubmitSelfEvaluation", BERGEN), "demo-eier-bergen", Map.of("brukt", "7 000 000",
                "egenfinansiering", "2 100 000", "gjennomforteTiltak", "Nettverk.", "deltakere", 120,
                "vurdering", "Bra."));
        Map<String, Object> approved = Map.of("godkjent", true, "overforingVedtatt", false);
        complete(taskFor("Task_ReviewSelfEvaluation", VESTLAND_FK), "demo-saksbehandler", approved);
        complete(taskFor("Task_ReviewSelfEvaluation", BERGEN), "demo-saksbehandler", approved);
        countSelfEvaluations();
        if (!stage.equals("Task_SendReport")) {
            throw new IllegalArgumentException("No such stage: " + stage);
        }
        return cycle;
    }

    /**
     * Runs the payments while Bergen has no account, so that Bergen's waits at «Registrer kontonummer for Bergen
     * kommune»; Bergen's account is put back afterwards, for the other cycles of the same database.
     */
    private void payWithoutBergensAccount() {
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        String account = jdbc.sql("select account_number from km_owner where organisation_number = ?").param(BERGEN)
                .query(String.class).single();
        jdbc.sql("update km_owner set account_number = null where organisation_number = ?").param(BERGEN).update();
        try {
            executeJobsOf("Task_Pay");
        } finally {
            jdbc.sql("update km_owner set account_number = ? where organisation_number = ?").params(account, BERGEN)
                    .update();
        }
    }

    /**
     * Runs the payments three times while the database refuses Bergen's (a check constraint of the test's), so that
     * Bergen's has spent its retries and waits at «Utbetaling feilet: Bergen kommune»; the constraint is dropped
     * afterwards.
     */
    private void payWhileTheDatabaseRefusesBergen() {
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        String decision = jdbc.sql("select id from km_decision where cycle_id = ? and organisation_number = ?")
                .params(cycleId(), BERGEN).query(String.class).single();
        jdbc.sql("alter table km_payment add constraint km_test_stopp_" + businessKey.replace('-', '_')
                + " check (decision_id <> '" + decision + "')").update();
        try {
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    executeJobsOf("Task_Pay");
                } catch (RuntimeException refused) {
                    // the failure the stage is about; the county's payment has gone through
                }
            }
        } finally {
            jdbc.sql("alter table km_payment drop constraint km_test_stopp_" + businessKey.replace('-', '_')).update();
        }
    }

    /** Bergen 7 000 000 kr with the co-financing given, Vestland fylkeskommune 3 000 000 kr (900 000 kr own). */
    public static String twoLines(int year, String bergenCoFinancing) {
        return BERGEN + "; 7 000 000; " + bergenCoFinancing + "; 0; 0; Lesing i alle fag; etterutdanning; " + year
                + "; " + year + "\n" + VESTLAND_FK + "; 3 000 000; 900 000; 0; 0; Yrkesfaglærerløftet; etterutdanning; "
                + year + "; " + year;
    }

    /**
     * The caseworker saves the distribution as the next version, as the distribution page does: the rows given as
     * spreadsheet lines (organisation number; amount; cash; salary; third party; measure; kind; from; to).
     */
    public no.kompetansemidler.cycle.Distributions.View saveDistribution(String spreadsheetLines) {
        return distributions.save(cycleId(), "AMOUNTS", no.kompetansemidler.domain.funding.ProposalLines.split(
                spreadsheetLines, no.kompetansemidler.domain.funding.DistributionKey.AMOUNTS), "demo-saksbehandler");
    }

    /**
     * The owner's user sends the need report, one measure with Høgskulen på Vestlandet as UH partner
     * ({@link Applications#measure}), and the university confirms the partnership.
     */
    public void submitNeedReport(String owner, String user) {
        complete(taskFor("Task_SubmitNeedReport", owner), user, Applications.needReport(HVL));
        complete(taskFor("Task_ConfirmPartnership", owner), People.UH_HVL, Map.of("uhSvar", "BEKREFT"));
    }

    /** The caseworker records that an owner who missed the deadline does not take part this year. */
    public void doesNotTakePart(Task missedDeadline) {
        complete(missedDeadline, "demo-saksbehandler", Map.of("fristValg", "DELTAR_IKKE",
                "begrunnelseIkkeDeltakelse", "Meldte at de ikke har kapasitet i år."));
    }

    private void submitSelfEvaluation(String owner, String user, String used, String coFinancing) {
        Task task = taskFor("Task_SubmitSelfEvaluation", owner);
        as(user, () -> {
            tasks.complete(task.getId(), Map.of("brukt", used, "egenfinansiering", coFinancing,
                    "gjennomforteTiltak", "Nettverk for lesing på alle skoler.", "deltakere", 120,
                    "vurdering", "God deltakelse; fortsetter neste år."));
            return null;
        });
    }

    private void review(String owner, boolean carryOver) {
        Task task = taskFor("Task_ReviewSelfEvaluation", owner);
        as("demo-saksbehandler", () -> {
            tasks.complete(task.getId(), Map.of("godkjent", true, "overforingVedtatt", carryOver));
            return null;
        });
    }

    /** The business key of the scenario's cycle, which its called processes share. */
    public String businessKey() {
        taskQuery(); // the scenario must have a cycle
        return businessKey;
    }

    /** The cycle's id in km_cycle. */
    public String cycleId() {
        return (String) history.createHistoricVariableInstanceQuery().variableName("syklusId")
                .processInstanceIdIn(history.createHistoricProcessInstanceQuery().processDefinitionKey("arssyklus")
                        .processInstanceBusinessKey(businessKey()).singleResult().getId()).singleResult().getValue();
    }

    /** The cycle's open tasks. */
    public org.camunda.bpm.engine.task.TaskQuery taskQuery() {
        if (businessKey == null) {
            throw new IllegalStateException("The scenario has no cycle: start one, or name it with on(...)");
        }
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey);
    }

    public Task taskFor(String definitionKey, String owner) {
        return taskQuery().taskDefinitionKey(definitionKey).processVariableValueEquals("eier", owner).singleResult();
    }

    /** The embete's leader approves the decisions (demo-leder; the caseworker prepared them). */
    public void approve() {
        complete("Task_SignOff", People.LEADER, Map.of("godkjenning", "GODKJENT"));
    }

    /**
     * Writes and sends every letter of the cycle through the integrasjonspunkt and asks for its status until it is delivered
     * (the demo's integrasjonspunkt delivers on the second question).
     */
    public void deliverLetters() {
        executeJobsOf("Task_WriteLetter");
        executeJobsOf("Task_SendLetter");
        executeJobsOf("Event_WaitForStatus");
        executeJobsOf("Event_WaitForStatus");
    }

    /**
     * Counts each ended self-evaluation into the cycle, as the job executor does after each one ends: «Egenvurdering
     * per eier» continues in a job of its own, so that two ending at once do not collide on the cycle's counter.
     */
    public void countSelfEvaluations() {
        executeJobsOf("Activity_SelfEvaluation");
    }

    /** Completes the cycle's only open task of the definition, as the user. */
    public void complete(String definitionKey, String user, Map<String, Object> variables) {
        complete(taskQuery().taskDefinitionKey(definitionKey).singleResult(), user, variables);
    }

    public void complete(Task task, String user, Map<String, Object> variables) {
        as(user, () -> {
            tasks.complete(task.getId(), new HashMap<>(variables));
            return null;
        });
    }

    /**
     * Counts the ended need reports into the cycle, as the job executor does a moment after each ends (the
     * multi-instance «Behovskartlegging per eier» is asynchronous after, so that owners sending at once do not
     * collide on the cycle).
     */
    public void countNeedReports() {
        executeJobsOf("Activity_NeedMapping");
    }

    /**
     * Executes every job of the activity in this cycle now (timers included), as the job executor would when they
     * are due.
     */
    public void executeJobsOf(String activityId) {
        taskQuery(); // the scenario must have a cycle
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list()) {
                management.executeJob(job.getId());
            }
        }
    }

    public <T> T as(String user, java.util.concurrent.Callable<T> action) {
        return People.as(identity, user, action);
    }

    /** What the cycle must have paid and reported, to the øre. */
    public void assertPaymentsAndReport(ProcessInstance cycle) {
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(cycle.getId()).singleResult()
                .getState()).isEqualTo("COMPLETED");
        String cycleId = (String) history.createHistoricVariableInstanceQuery().processInstanceId(cycle.getId())
                .variableName("syklusId").singleResult().getValue();
        Map<String, Long> paid = new HashMap<>();
        cycles.payments(cycleId).forEach(p -> paid.put(p.organisationNumber(), p.amount().ore()));
        assertThat(paid).containsExactlyInAnyOrderEntriesOf(Map.of(BERGEN, 400_000_000L, VESTLAND_FK, 300_000_000L,
                ASKOY, 150_000_050L, HVL, 149_999_950L));
        assertThat(Money.sum(cycles.payments(cycleId).stream().map(CycleRepository.Payment::amount).toList()))
                .isEqualTo(Money.ofKroner(10_000_000));
        String report = cycles.report(cycleId).orElseThrow();
        assertThat(report)
                .contains("<th>Ramme fra Udir</th><td class=n>10 000 000,00 kr</td>")
                .contains("<th>Vedtatt</th><td class=n>10 000 000,00 kr</td>")
                .contains("<th>Ikke fordelt</th><td class=n>0,00 kr</td>")
                .contains("<th>Utbetalt</th><td class=n>10 000 000,00 kr</td>")
                .contains("<th>Rapportert brukt</th><td class=n>7 900 000,50 kr</td>")
                .contains("<th>Egenfinansiering rapportert</th><td class=n>2 550 000,15 kr</td>")
                .contains("<th>Tilbakebetalingskrav</th><td class=n>100 000,00 kr</td>")
                .contains("<th>Overført til neste år</th><td class=n>500 000,00 kr</td>")
                .contains("3 behovsmeldinger, " + (owners - 3) + " eiere deltok ikke, " + owners + " påminnelser sendt.")
                .contains("Askøy kommune").contains("1 500 000,50 kr");
    }
}
