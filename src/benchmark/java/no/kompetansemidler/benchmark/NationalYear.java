package no.kompetansemidler.benchmark;

import no.kompetansemidler.testkit.Starts;
import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.AccountNumber;
import no.kompetansemidler.domain.organisation.County;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.domain.organisation.OwnerKind;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.identity.IdentityGroups;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.masterdata.Municipality;
import no.kompetansemidler.masterdata.UhInstitution;
import no.kompetansemidler.testkit.People;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A national year of the five schemes in the ten embeter, generated from the real master data and driven through
 * the engine's API as the people would drive Tasklist: a caseworker starts each cycle from its start form; every
 * owner lists its tasks, opens the form, claims the task and submits it; the caseworkers handle missed deadlines,
 * the forum and the self-evaluations. Timers are fired when the benchmark makes them due; payments and reminders
 * go through the job executor, as in production. Used by {@link BenchmarkRun} (the benchmark) and by
 * {@code NationalYearSmokeIT} (a small year in the heavy suites).
 *
 * <p>Every municipality and county authority takes part where its scheme allows, plus private school owners
 * (one per eight municipalities of the embete) and private kindergarten owners (one per four). At scale k, every
 * municipality, county authority and private owner is there k times (copies with invented organisation numbers).
 * YRKESFAG runs per fylkeskommune (15 cycles, Oslo kommune for Oslo), worked by the county's own caseworker and
 * leader; each county's caseworker registers its applicants through the start form (3 schools, 2 training offices,
 * 3 companies and a trade test board, k times).
 * Every twentieth owner of a cycle misses the need-report deadline: it gets the reminder over SMTP, and the
 * caseworker then extends the deadline (the owner reports) or records that it does not take part.
 * Oppfølgingsordningen: Udir selects three kommuner per embete; each gets its veileder and sends its analysis,
 * applies in the embete's OPPFOLGING cycle, and sends three yearly reports after the decision. In Agder the
 * forum does not agree (the Statsforvalter's fallback decision, R7); in Rogaland's DEKOM cycle the first
 * innstilling breaks R1 and is corrected.
 */
public final class NationalYear {

    /** The state money proposed for each owner taking part, and for the cycle's UH partner. */
    static final Money OWNER_AMOUNT = Money.ofKroner(500_000);
    static final Money UH_AMOUNT = Money.ofKroner(1_000_000);
    /** What the county pays itself as a provider in its YRKESFAG cycle (Yrkesfaglærer 2 in its own courses, R2). */
    static final Money PROVIDER_AMOUNT = Money.ofKroner(200_000);
    static final String PASSWORD = "Ytelse-2027-maaling";
    /** Oslo kommune: an owner in the three schemes the Statsforvalter runs, whose task list the benchmark times. */
    static final String OSLO = "958935420";

    /** What the benchmark asks: which embeter, how many times the national size, the year, parallel users. */
    public record Settings(List<Embete> embeter, int scale, int year, int users) {
    }

    /** One owner in the year: its organisation number, kind, and the user who acts for it. */
    record Participant(String organisationNumber, OwnerKind kind, String user) {
    }

    /** One cycle (office, scheme) and what the benchmark knows of it: YRKESFAG's office is a fylkeskommune. */
    static final class Cycle {
        final Office office;
        final Embete embete;
        final Scheme scheme;
        final List<Participant> owners = new ArrayList<>();
        final Set<String> late = new HashSet<>();
        final Set<String> notTakingPart = new HashSet<>();
        String uh;
        String processInstanceId;
        String cycleId;
        /** The cycle's business key, which its sub-processes share: what a person narrows the task list to. */
        String businessKey;

        Cycle(Office office, Scheme scheme) {
            this.office = office;
            this.embete = office.embete();
            this.scheme = scheme;
        }

        List<Participant> takingPart() {
            return owners.stream().filter(o -> !notTakingPart.contains(o.organisationNumber())).toList();
        }

        Money frame() {
            return Money.ofOre(OWNER_AMOUNT.ore() * takingPart().size()).plus(UH_AMOUNT)
                    .plus(provider() == null ? Money.ZERO : PROVIDER_AMOUNT);
        }

        /** The county itself as the provider in its YRKESFAG cycle; no provider in the other schemes. */
        String provider() {
            return office instanceof County county && Scheme.YRKESFAG.equals(scheme)
                    ? county.organisationNumber().value() : null;
        }

        /** The decisions the cycle makes: one per owner taking part, the UH partner's, and the provider's. */
        int decisions() {
            return takingPart().size() + 1 + (provider() == null ? 0 : 1);
        }

        String caseworker() {
            return caseworkerOf(office);
        }
    }

    private final ApplicationContext context;
    private final no.kompetansemidler.funding.SchemeCatalogue schemes;
    private final Settings settings;
    private final MasterDataRepository masterData;
    private final IdentityService identity;
    private final TaskService tasks;
    private final FormService forms;
    private final ManagementService management;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final CycleRepository cycleRepository;
    private final no.kompetansemidler.cycle.Distributions distributions;
    private final JdbcClient jdbc;
    private final List<Cycle> cycles = new ArrayList<>();
    private final Map<String, List<String>> groups = new HashMap<>();
    /** Wall time per phase, in order. */
    final Map<String, Duration> phases = new LinkedHashMap<>();
    final AtomicLong userTasks = new AtomicLong();
    final AtomicLong conflicts = new AtomicLong();
    private int nextInvented = 0;

    public NationalYear(ApplicationContext context, Settings settings) {
        this.context = context;
        schemes = context.getBean(no.kompetansemidler.funding.SchemeCatalogue.class);
        this.settings = settings;
        masterData = context.getBean(MasterDataRepository.class);
        identity = context.getBean(IdentityService.class);
        tasks = context.getBean(TaskService.class);
        forms = context.getBean(FormService.class);
        management = context.getBean(ManagementService.class);
        runtime = context.getBean(org.camunda.bpm.engine.RuntimeService.class);
        history = context.getBean(HistoryService.class);
        repository = context.getBean(RepositoryService.class);
        cycleRepository = context.getBean(CycleRepository.class);
        distributions = context.getBean(no.kompetansemidler.cycle.Distributions.class);
        jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
    }

    static String caseworkerOf(Office office) {
        return "bench-sb-" + office.slug();
    }

    /** The leader who signs off the office's decisions (not the caseworker who prepared them). */
    static String leaderOf(Office office) {
        return "bench-leder-" + office.slug();
    }

    /** The fylkeskommuner (and Oslo kommune) in the embete's area: they run YRKESFAG there. */
    static List<County> countiesOf(Embete embete) {
        return County.all().stream().filter(c -> c.embete() == embete).toList();
    }

    /** The offices that run the scheme's cycles in the embete's area: the embete, or its fylkeskommuner. */
    private List<Office> officesOf(Embete embete, Scheme scheme) {
        return schemes.definition(scheme).runBy() == no.kompetansemidler.domain.funding.CycleRunner.FYLKESKOMMUNE
                ? List.copyOf(countiesOf(embete)) : List.of(embete);
    }

    // --- the master data of a national year ----------------------------------------------------------------

    /**
     * Owners for every municipality that has none (invented organisation numbers, marked as such), k copies at
     * scale k, private owners registered by the caseworkers through their start form, bank accounts for every
     * recipient, and one login per caseworker team and owner.
     */
    public void prepare() throws Exception {
        timed("oppsett", this::createPublicOwnersAndUsers);
        timed("private eiere registrert", this::registerPrivateOwners);
        timed("oppfølging: uttrekk, veileder og analyse", this::followUpSelection);
        List<UhInstitution> uhs = masterData.uhInstitutions();
        for (Embete embete : settings.embeter()) {
            for (Scheme scheme : schemes.schemes()) {
                for (Office office : officesOf(embete, scheme)) {
                    Cycle cycle = new Cycle(office, scheme);
                    cycle.uh = uhs.get(embete.ordinal() % uhs.size()).organisationNumber().value();
                    ensureUser(ownerUser(cycle.uh), IdentityGroups.uh(new OrganisationNumber(cycle.uh)), false);
                    masterData.owners(office, scheme).stream().sorted((a, b) -> a.organisationNumber().value()
                            .compareTo(b.organisationNumber().value())).forEach(o -> cycle.owners.add(new Participant(
                            o.organisationNumber().value(), o.kind(), ownerUser(o.organisationNumber().value()))));
                    for (int i = 0; i < cycle.owners.size(); i++) {
                        if (i % 20 == 7) {
                            String late = cycle.owners.get(i).organisationNumber();
                            cycle.late.add(late);
                            if (i % 40 == 27) {
                                cycle.notTakingPart.add(late);
                            }
                        }
                    }
                    cycles.add(cycle);
                }
            }
        }
        User owner = identity.createUserQuery().userId(latencyOwner()).singleResult();
        owner.setPassword(PASSWORD);
        identity.saveUser(owner);
    }

    /** The office of the largest cycle: its overview page is timed. */
    Office latencyEmbete() {
        return cycles.stream().max(java.util.Comparator.comparingInt(c -> c.owners.size())).orElseThrow().office;
    }

    String latencyCaseworker() {
        return cycles.stream().max(java.util.Comparator.comparingInt(c -> c.owners.size())).orElseThrow().caseworker();
    }

    /** Oslo kommune when it takes part (an owner in all four schemes), else the first owner: its list is timed. */
    String latencyOwner() {
        return cycles.stream().flatMap(c -> c.owners.stream()).filter(o -> o.organisationNumber().equals(OSLO))
                .findFirst().orElse(cycles.get(0).owners.get(0)).user();
    }

    private void createPublicOwnersAndUsers() {
        Set<String> withOwner = new HashSet<>(jdbc.sql(
                "select municipality_number from km_owner where municipality_number is not null")
                .query(String.class).list());
        for (Embete embete : settings.embeter()) {
            ensureUser(caseworkerOf(embete), IdentityGroups.caseworkers(embete), true);
            ensureUser(leaderOf(embete), IdentityGroups.leaders(embete), true);
            for (County county : countiesOf(embete)) {
                ensureUser(caseworkerOf(county), IdentityGroups.caseworkers(county), true);
                ensureUser(leaderOf(county), IdentityGroups.leaders(county), true);
            }
            for (Municipality m : masterData.municipalities(embete)) {
                if (!withOwner.contains(m.municipalityNumber())) {
                    saveInvented(new Owner(invented(), m.name() + " kommune", OwnerKind.KOMMUNE, embete,
                            schemes.schemesFor(OwnerKind.KOMMUNE), null), m.municipalityNumber());
                }
            }
            for (Owner real : masterData.owners(embete, null)) {
                if (real.kind().isVocational()) {
                    continue; // the counties register their applicants below
                }
                for (int copy = 2; copy <= settings.scale(); copy++) {
                    saveInvented(new Owner(invented(), real.name() + " (kopi " + copy + ")", real.kind(), embete,
                            schemes.schemesFor(real.kind()), null), null);
                }
            }
            masterData.owners(embete, null).forEach(this::loginAndAccount);
        }
        for (UhInstitution uh : masterData.uhInstitutions()) {
            account(uh.organisationNumber());
        }
    }

    private void saveInvented(Owner owner, String municipalityNumber) {
        masterData.saveOwner(owner, municipalityNumber, null, true, "ytelsestest", java.time.Instant.now());
    }

    /** The caseworkers register the private owners through the start form "Registrer privat eier". */
    private void registerPrivateOwners() throws Exception {
        String definition = latestDefinition("registrer-privat-eier");
        forEachInParallel(settings.embeter(), embete -> {
            int municipalities = masterData.municipalities(embete).size();
            int schools = (municipalities + 7) / 8 * settings.scale();
            int kindergartens = (municipalities + 3) / 4 * settings.scale();
            for (int i = 0; i < schools + kindergartens; i++) {
                boolean school = i < schools;
                OrganisationNumber org;
                synchronized (this) {
                    org = invented();
                }
                Map<String, Object> form = Map.of("organisasjonsnummer", org.value(),
                        "navn", (school ? "Friskolen " : "Barnehagen ") + embete.displayName() + " " + (i + 1) + " AS",
                        "eiertype", (school ? OwnerKind.PRIVAT_SKOLEEIER : OwnerKind.PRIVAT_BARNEHAGEEIER).name(),
                        "embete", embete.slug(), "kontaktEpost", "post-" + org.value() + "@privat.example");
                act(caseworkerOf(embete), () -> forms.submitStartForm(definition, form));
            }
        });
        registerVocationalApplicants(definition);
        for (Embete embete : settings.embeter()) {
            masterData.owners(embete, null).stream().filter(o -> o.kind().isPrivate() || o.kind().isVocational())
                    .forEach(this::loginAndAccount);
        }
    }

    /** The kinds of applicant a county registers in YRKESFAG, and how many of each at scale 1 (9 per county). */
    static final Map<OwnerKind, Integer> VOCATIONAL_APPLICANTS = new java.util.EnumMap<>(Map.of(
            OwnerKind.VIDEREGAENDE_SKOLE, 3, OwnerKind.OPPLAERINGSKONTOR, 2, OwnerKind.LAEREBEDRIFT, 3,
            OwnerKind.PROVENEMND, 1));

    /**
     * Each fylkeskommune's caseworker registers its applicants in YRKESFAG (schools, training offices, companies,
     * trade test boards) through the same start form, with the county as where they belong.
     */
    private void registerVocationalApplicants(String definition) throws Exception {
        List<County> counties = settings.embeter().stream().flatMap(e -> countiesOf(e).stream()).toList();
        forEachInParallel(counties, county -> {
            for (Map.Entry<OwnerKind, Integer> kind : VOCATIONAL_APPLICANTS.entrySet()) {
                for (int i = 0; i < kind.getValue() * settings.scale(); i++) {
                    OrganisationNumber org;
                    synchronized (this) {
                        org = invented();
                    }
                    Map<String, Object> form = Map.of("organisasjonsnummer", org.value(),
                            "navn", kind.getKey().displayName() + " " + (i + 1) + " i " + county.displayName(),
                            "eiertype", kind.getKey().name(), "embete", county.slug(),
                            "kontaktEpost", "post-" + org.value() + "@yrkesfag.example");
                    act(caseworkerOf(county), () -> forms.submitStartForm(definition, form));
                }
            }
        });
    }

    /** A login for the owner's people, and a bank account (as PUT /api/stamdata/kontonummer registers it). */
    private void loginAndAccount(Owner owner) {
        ensureUser(ownerUser(owner.organisationNumber().value()), IdentityGroups.owner(owner.organisationNumber()),
                false);
        account(owner.organisationNumber());
    }

    private void account(OrganisationNumber recipient) {
        masterData.setAccountNumber(recipient, new AccountNumber(no.kompetansemidler.testkit.Organisations.inventedAccountNumber(recipient.value())));
    }

    /** An organisation number no one has: "93", a serial, the MOD11 check digit. */
    private OrganisationNumber invented() {
        while (true) {
            String base = "93" + String.format("%06d", nextInvented++);
            int check = OrganisationNumber.checkDigit(base);
            if (check == 10) {
                continue;
            }
            OrganisationNumber number = new OrganisationNumber(base + check);
            if (masterData.findOwner(number).isEmpty() && masterData.findUhInstitution(number).isEmpty()) {
                return number;
            }
        }
    }

    static String ownerUser(String organisationNumber) {
        return "bench-" + organisationNumber;
    }

    private void ensureUser(String id, String group, boolean withPassword) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            var g = identity.newGroup(group);
            g.setName(group);
            g.setType("WORKFLOW");
            identity.saveGroup(g);
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setEmail(id + "@ytelse.example");
            user.setPassword(withPassword ? PASSWORD : null);
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
        groups.put(id, List.of(group));
    }

    // --- the year ----------------------------------------------------------------------------------------------

    /** Runs the year from the frames to the reports sent; the phases' wall times are in {@link #phases}. */
    public void run() throws Exception {
        startCycles();
        completeYear();
    }

    /** Udir's frames arrive: the caseworkers start the 40 cycles; every owner gets its need report. */
    public void startCycles() throws Exception {
        timed("syklusene startet", () -> forEachCycle(this::start));
    }

    /** From the need reports to the reports sent to Udir. */
    public void completeYear() throws Exception {
        timed("behovsmeldinger", () -> forEachCycle(this::needReports));
        timed("samarbeidsforum og vedtak", () -> forEachCycle(this::forum));
        timed("utbetalinger og brev ferdige", this::awaitPayments);
        timed("egenvurderinger", () -> forEachCycle(this::selfEvaluations));
        timed("kravbrev levert", this::awaitLetters);
        timed("årsrapporter sendt", () -> forEachCycle(this::report));
        timed("oppfølging: tre årsrapporter", () -> forEachInParallel(followUps, this::followUpReports));
    }

    // --- Oppfølgingsordningen ------------------------------------------------------------------------------

    /** One kommune Udir selected: its case, and the people who work it. */
    record FollowUpCase(String businessKey, Embete embete, String organisationNumber, String user) {
    }

    /** The kommuner Udir selects in each embete (about 30 in the country, whatever the scale). */
    static final int SELECTED_PER_EMBETE = 3;
    static final String UDIR_USER = "bench-udir";
    private final List<FollowUpCase> followUps = new ArrayList<>();

    /**
     * Udir sends its selection (the first three kommuner of each embete) through the start form; each embete's
     * caseworker assigns a veileder, the kommune sends its analysis, the caseworker approves it: the kommuner are in
     * the delivery phase, and take part in the embete's OPPFOLGING cycle.
     */
    private void followUpSelection() throws Exception {
        ensureUser(UDIR_USER, IdentityGroups.UDIR, true);
        StringBuilder file = new StringBuilder("år;kommunenummer;organisasjonsnummer\n");
        for (Embete embete : settings.embeter()) {
            // the embete's first kommuner by number, with the organisation numbers they are registered with
            jdbc.sql("""
                            select municipality_number, organisation_number from km_owner
                            where embete_code = ? and kind in ('KOMMUNE', 'KOMMUNE_MED_FYLKESROLLE')
                            and municipality_number is not null order by municipality_number""")
                    .param(embete.name()).query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list()
                    .stream().limit(SELECTED_PER_EMBETE).forEach(kommune -> {
                        file.append(settings.year()).append(';').append(kommune[0]).append(';').append(kommune[1])
                                .append('\n');
                        followUps.add(new FollowUpCase("oppfolging-" + kommune[0] + "-" + settings.year(), embete,
                                kommune[1], ownerUser(kommune[1])));
                    });
        }
        act(UDIR_USER, () -> forms.submitStartForm(latestDefinition("oppfolging-utvalg"),
                Map.of("utvalg", file.toString())));
        forEachInParallel(followUps, this::analysis);
    }

    private void analysis(FollowUpCase f) {
        String caseworker = caseworkerOf(f.embete());
        complete(caseworker, single(taskList(caseworker, f.businessKey(), "Task_AssignVeileder")), Map.of(
                "veilederNavn", "Veileder for " + f.embete().displayName(), "veilederEpost",
                "veileder-" + f.embete().slug() + "@uh.example", "analyseFrist",
                LocalDate.now().plusMonths(4).toString()));
        complete(f.user(), single(taskList(f.user(), f.businessKey(), "Task_Analysis")), Map.of(
                "analyseSituasjon", "Elevundersøkelsen og nasjonale prøver viser at lesingen på mellomtrinnet må"
                        + " styrkes, og at læringsmiljøet varierer mellom skolene.",
                "analysePrioriteringer", "Lesing i alle fag og et trygt læringsmiljø.",
                "analyseVeileder", "Fire møter med veilederen, rektorene og PPT."));
        complete(caseworker, single(taskList(caseworker, f.businessKey(), "Task_ReviewAnalysis")),
                Map.of("vurdering", "GODKJENT"));
    }

    /** After the decisions: three yearly reports, each opened by its timer, sent and approved; then it ends. */
    private void followUpReports(FollowUpCase f) {
        String caseworker = caseworkerOf(f.embete());
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(f.businessKey())
                .singleResult().getId();
        for (int n = 1; n <= 3; n++) {
            fireTimer(instance, "Event_ReportOpens");
            complete(f.user(), single(taskList(f.user(), f.businessKey(), "Task_YearlyReport")), Map.of(
                    "rapportGjennomfort", "Lesekurs og nettverk for alle lærerne, år " + n + ".",
                    "rapportResultater", "Flere elever leser på forventet nivå.",
                    "rapportVidere", "Vi fortsetter med lesing og læringsmiljø."));
            complete(caseworker, single(taskList(caseworker, f.businessKey(), "Task_ReviewReport")),
                    Map.of("vurdering", "GODKJENT"));
        }
    }

    List<FollowUpCase> followUps() {
        return followUps;
    }

    /** The ids of the cycles' process instances. */
    public List<String> processInstanceIds() {
        return cycles.stream().map(c -> c.processInstanceId).toList();
    }

    List<Cycle> cycles() {
        return cycles;
    }

    private void start(Cycle cycle) {
        ProcessInstance instance = startCycle(cycle, settings.year());
        cycle.processInstanceId = instance.getId();
        cycle.cycleId = (String) runtime.getVariable(instance.getId(), "syklusId");
        cycle.businessKey = runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey();
    }

    /** Starts a further year's cycles (the load on the task list); returns the number of cycles started. */
    int startFollowingYear(int year) {
        cycles.forEach(cycle -> startCycle(cycle, year));
        return cycles.size();
    }

    /** The caseworker submits the start form "Ramme mottatt fra Udir" for the cycle's embete and scheme. */
    private ProcessInstance startCycle(Cycle cycle, int year) {
        return act(cycle.caseworker(), () -> forms.submitStartForm(latestDefinition("arssyklus"), Map.of(
                "embete", cycle.office.slug(), "ordning", cycle.scheme.name(), "aar", (long) year,
                "ramme", cycle.frame().format().replace(" kr", ""))));
    }

    private String latestDefinition(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
                .getId();
    }

    private void needReports(Cycle cycle) {
        for (Participant owner : cycle.owners) {
            if (!cycle.late.contains(owner.organisationNumber())) {
                submitNeedReport(cycle, owner);
            }
        }
        for (Participant owner : cycle.owners) {
            if (!cycle.late.contains(owner.organisationNumber())) {
                continue;
            }
            String subprocess = ownerTask(cycle, owner, "Task_SubmitNeedReport").getProcessInstanceId();
            fireTimer(subprocess, "BoundaryEvent_ReminderDue");
            awaitJobsDone(subprocess, "Task_SendNeedReportReminder");
            fireTimer(subprocess, "BoundaryEvent_DeadlinePassed");
            boolean extend = !cycle.notTakingPart.contains(owner.organisationNumber());
            Task missed = single(caseworkerTasks(cycle, "Task_HandleMissedDeadline"));
            if (!missed.getProcessInstanceId().equals(subprocess)) {
                throw new IllegalStateException("the missed deadline is not " + owner.organisationNumber() + "'s");
            }
            complete(cycle.caseworker(), missed, extend
                    ? Map.of("fristValg", "FORLENG", "nyFrist", LocalDate.now().plusDays(30).toString())
                    : Map.of("fristValg", "DELTAR_IKKE", "begrunnelseIkkeDeltakelse",
                    "Eieren meldte at de ikke har kapasitet i år."));
            if (extend) {
                submitNeedReport(cycle, owner);
            }
        }
    }

    /** The owner applies for one measure shared with the cycle's UH partner, which then confirms it. */
    private void submitNeedReport(Cycle cycle, Participant owner) {
        Task report = ownerTask(cycle, owner, "Task_SubmitNeedReport");
        complete(owner.user(), report, Map.of("tiltak", measure(cycle),
                "medvirkning", "Skoleledere, barnehageledere og lærere deltok i kartleggingen i hver enhet.",
                "behov", "Lesing, vurdering for læring og inkluderende læringsmiljø."));
        String uhUser = ownerUser(cycle.uh);
        Task confirm = act(uhUser, () -> tasks.createTaskQuery().processInstanceId(report.getProcessInstanceId())
                .taskDefinitionKey("Task_ConfirmPartnership").taskCandidateGroupIn(groups.get(uhUser)).singleResult());
        complete(uhUser, confirm, Map.of("uhSvar", "BEKREFT"));
    }

    /** One measure as the form's dynamic list sends it, with the scheme's own target groups. */
    private static org.camunda.spin.plugin.variable.value.JsonValue measure(Cycle cycle) {
        String groups = switch (cycle.scheme.code()) {
            case "REKOM" -> "\"BARNEHAGELEDERE\", \"BARNEHAGEANSATTE\"";
            case "YRKESFAG" -> "\"YRKESFAGLAERERE\", \"INSTRUKTORER\"";
            default -> "\"SKOLELEDERE\", \"LAERERE\", \"PPT\"";
        };
        return org.camunda.spin.plugin.variable.SpinValues.jsonValue("""
                [{"tittel": "Lesing og inkluderende praksis", "uhPartner": "%s", "mal": ["GRUNNLEGGENDE_FERDIGHETER"],
                  "malgrupper": [%s], "enheter": "Skolene, barnehagene og PPT i kommunen", "belopAr1": "100 000", "belopAr2": "100 000", "deltakere": "40",
                  "egenfinansiering": "60 000", "lonnFrikjop": "30 000", "koordinator": "10 000", "tredjepart": false}]"""
                .formatted(cycle.uh, groups)).create();
    }

    /** The caseworker saves the distribution on the distribution page (a paste from the spreadsheet). */
    private void saveDistribution(Cycle cycle, boolean breach) {
        distributions.save(cycle.cycleId, "AMOUNTS", no.kompetansemidler.domain.funding.ProposalLines.split(
                lines(cycle, breach), no.kompetansemidler.domain.funding.DistributionKey.AMOUNTS), cycle.caseworker());
    }

    private void forum(Cycle cycle) {
        // the job executor counts each ended need report into the cycle (asyncAfter) before the forum's task opens
        awaitJobsDone(cycle.processInstanceId, "Activity_NeedMapping");
        complete(cycle.caseworker(), single(caseworkerTasks(cycle, "Task_PrepareForum")),
                Map.of("sakspapirer", "Sakspapirene er sendt forumet."));
        boolean agreed = cycle.embete != Embete.AGDER;
        boolean breach = cycle.embete == Embete.ROGALAND && Scheme.DEKOM.equals(cycle.scheme);
        Map<String, Object> proposal = new HashMap<>(Map.of("prioriteringer", "Lesing og inkluderende læringsmiljø.",
                "begrunnelse", "Samarbeidsforumets møte i mars."));
        if (agreed) {
            saveDistribution(cycle, breach);
            proposal.put("forumEnig", true);
            complete(cycle.caseworker(), single(caseworkerTasks(cycle, "Task_RecordRecommendation")), proposal);
        } else {
            saveDistribution(cycle, false);
            complete(cycle.caseworker(), single(caseworkerTasks(cycle, "Task_RecordRecommendation")),
                    Map.of("forumEnig", false, "prioriteringer", "Forumet ble ikke enig.",
                            "begrunnelse", "Forumet ble ikke enig om fordelingen."));
            saveDistribution(cycle, breach);
            complete(cycle.caseworker(), single(caseworkerTasks(cycle, "Task_FallbackDecision")), proposal);
        }
        if (breach) {
            saveDistribution(cycle, false);
            complete(cycle.caseworker(), single(caseworkerTasks(cycle, "Task_CorrectBreaches")), Map.of(
                    "begrunnelse", "Egenandelen er rettet."));
        }
        String leader = leaderOf(cycle.office);
        complete(leader, single(taskList(leader, cycle, "Task_SignOff")), Map.of("godkjenning", "GODKJENT"));
    }

    /**
     * One line per recipient: every owner taking part, then the UH partner, and in YRKESFAG the county itself as a
     * provider; with a breach, one øre short of R1.
     */
    private String lines(Cycle cycle, boolean r1Breach) {
        int year = settings.year();
        StringBuilder text = new StringBuilder();
        boolean first = true;
        for (Participant owner : cycle.takingPart()) {
            String coFinancing = Scheme.DEKOM.equals(cycle.scheme) ? (first && r1Breach ? "99 999,99" : "100 000") : "0";
            String salary = Scheme.DEKOM.equals(cycle.scheme) ? "50 000" : "0";
            text.append(owner.organisationNumber()).append("; 500 000; ").append(coFinancing).append("; ")
                    .append(salary).append("; 0; Kompetanseutvikling i alle enheter; etterutdanning; ")
                    .append(year).append("; ").append(year + 1).append('\n');
            first = false;
        }
        text.append(cycle.uh).append("; 1 000 000; 0; 0; 200 000; Partnerskap med eierne; etterutdanning; ")
                .append(year).append("; ").append(year + 2);
        if (cycle.provider() != null) {
            text.append('\n').append(cycle.provider()).append("; ").append(PROVIDER_AMOUNT.format().replace(" kr", ""))
                    .append("; 0; 0; 0; Yrkesfaglærer 2; etterutdanning; ")
                    .append(year).append("; ").append(year);
        }
        return text.toString();
    }

    private void awaitPayments() throws InterruptedException {
        long expected = expectedDecisions();
        long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
        while (paymentsMade() < expected || lettersDelivered() < expected) {
            if (System.nanoTime() > deadline || runtime.createIncidentQuery().count() > 0) {
                throw new IllegalStateException("payments stopped at " + paymentsMade() + " of " + expected
                        + ", letters delivered " + lettersDelivered()
                        + "; incidents: " + runtime.createIncidentQuery().list().stream()
                        .map(i -> i.getIncidentMessage()).toList());
            }
            Thread.sleep(50);
        }
    }

    /** Until every letter is delivered (the claims of unused money among them): no letter case is still open. */
    private void awaitLetters() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
        while (runtime.createProcessInstanceQuery().processDefinitionKey("vedtaksbrev").count() > 0) {
            if (System.nanoTime() > deadline || runtime.createIncidentQuery().count() > 0) {
                throw new IllegalStateException("letters stopped with " + runtime.createProcessInstanceQuery()
                        .processDefinitionKey("vedtaksbrev").count() + " still open");
            }
            Thread.sleep(50);
        }
    }

    long expectedDecisions() {
        return cycles.stream().mapToLong(Cycle::decisions).sum();
    }

    /** Decision letters (grants and refusals) delivered; the claims of unused money come later. */
    long lettersDelivered() {
        return jdbc.sql("select count(*) from km_letter where status = 'LEVERT' and kind <> 'KRAV'").query(Long.class)
                .single();
    }

    /** Claim letters (R15) delivered, and the claims they were written for. */
    long[] claimLettersAndClaims() {
        return new long[]{jdbc.sql("select count(*) from km_letter where status = 'LEVERT' and kind = 'KRAV'")
                .query(Long.class).single(), jdbc.sql("select count(*) from km_claim").query(Long.class).single()};
    }

    long paymentsMade() {
        return jdbc.sql("select count(*) from km_payment").query(Long.class).single();
    }

    private void selfEvaluations(Cycle cycle) {
        for (Job job : management.createJobQuery().processInstanceId(cycle.processInstanceId)
                .activityId("Event_SelfEvaluationOpens").list()) {
            management.executeJob(job.getId());
        }
        int i = 0;
        for (Participant owner : cycle.takingPart()) {
            boolean underspent = i++ % 10 == 3;
            complete(owner.user(), ownerTask(cycle, owner, "Task_SubmitSelfEvaluation"), Map.of(
                    "brukt", underspent ? "450 000" : "500 000",
                    "egenfinansiering", Scheme.DEKOM.equals(cycle.scheme) ? "150 000" : "0",
                    "gjennomforteTiltak", "Nettverk og veiledning i alle enheter.", "deltakere", 40L,
                    "vurdering", "God deltakelse; fortsetter neste år."));
        }
        int reviewed = 0;
        for (List<Task> page = caseworkerTasks(cycle, "Task_ReviewSelfEvaluation"); !page.isEmpty();
             page = caseworkerTasks(cycle, "Task_ReviewSelfEvaluation")) {
            for (Task review : page) {
                complete(cycle.caseworker(), review, Map.of("godkjent", true, "overforingVedtatt",
                        reviewed++ % 20 == 3));
            }
        }
    }

    private void report(Cycle cycle) {
        // the job executor counts each ended self-evaluation into the cycle (asyncAfter) before the report is made
        awaitJobsDone(cycle.processInstanceId, "Activity_SelfEvaluation");
        complete(cycle.caseworker(), single(caseworkerTasks(cycle, "Task_SendReport")),
                Map.of("merknad", "Sendt Udir."));
    }

    // --- how a person works in Tasklist ------------------------------------------------------------------

    /** The owner's task list (its group's tasks in this cycle, of this kind): the one task it opens. */
    private Task ownerTask(Cycle cycle, Participant owner, String definitionKey) {
        return single(taskList(owner.user(), cycle, definitionKey));
    }

    /** The caseworker's task list: the first page of the group's tasks of this kind in this cycle. */
    private List<Task> caseworkerTasks(Cycle cycle, String definitionKey) {
        return taskList(cycle.caseworker(), cycle, definitionKey);
    }

    private List<Task> taskList(String user, Cycle cycle, String definitionKey) {
        return taskList(user, cycle.businessKey, definitionKey);
    }

    private List<Task> taskList(String user, String businessKey, String definitionKey) {
        return act(user, () -> Tasklist.page(tasks, groups.get(user), businessKey, definitionKey));
    }

    /** Opens the form (its variables), claims the task ("Ta oppgaven") and submits the form, as Tasklist does. */
    private void complete(String user, Task task, Map<String, Object> variables) {
        act(user, () -> {
            forms.getTaskFormVariables(task.getId());
            tasks.claim(task.getId(), user);
            forms.submitTaskForm(task.getId(), new HashMap<>(variables));
            return null;
        });
        userTasks.incrementAndGet();
    }

    private void fireTimer(String processInstanceId, String activityId) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .list()) {
            management.executeJob(job.getId());
        }
    }

    /** Waits for the job executor to have run the activity's jobs in the process instance (a reminder sent). */
    private void awaitJobsDone(String processInstanceId, String activityId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).count() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the job executor did not run " + activityId + " in " + processInstanceId);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Task single(List<Task> list) {
        if (list.size() != 1) {
            throw new IllegalStateException("expected one task, found " + list.size());
        }
        return list.get(0);
    }

    /**
     * As the user; a conflict with another transaction on the same case (the engine's optimistic lock) is
     * answered as Tasklist's user would: the action is done again. Conflicts are counted.
     */
    private <T> T act(String user, Callable<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return People.as(identity, user, groups.getOrDefault(user, List.of()), action);
            } catch (OptimisticLockingException e) {
                conflicts.incrementAndGet();
                System.err.println("KONFLIKT " + user + ": " + String.valueOf(e.getMessage()).lines().findFirst()
                        .orElse("") + " i " + java.util.Arrays.stream(new Throwable().getStackTrace())
                        .filter(f -> f.getClassName().contains("NationalYear")).map(f -> f.getMethodName() + ":"
                                + f.getLineNumber()).toList());
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private void act(String user, Runnable action) {
        act(user, () -> {
            action.run();
            return null;
        });
    }

    private interface Step {
        void run() throws Exception;
    }

    private void timed(String phase, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        phases.put(phase, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The cycles shared among the parallel users, each cycle always with the same thread: the people of one embete
     * and scheme work in order, the embeter at the same time.
     */
    private void forEachCycle(Consumer<Cycle> work) throws Exception {
        forEachInParallel(cycles, work);
    }

    private <T> void forEachInParallel(List<T> items, Consumer<T> work) throws Exception {
        Parallel.run(settings.users(), items.size(), i -> work.accept(items.get(i)));
    }

    // --- what the year must add up to ---------------------------------------------------------------------

    /** Every cycle completed; every decision paid exactly once; the payments add up to the frames, to the øre. */
    public Totals totals() {
        long completed = cycles.stream().filter(c -> "COMPLETED".equals(history.createHistoricProcessInstanceQuery()
                .processInstanceId(c.processInstanceId).singleResult().getState())).count();
        long decisions = 0;
        long paymentsCount = 0;
        long paidOre = 0;
        long frameOre = 0;
        Set<String> paidDecisions = new HashSet<>();
        for (Cycle c : cycles) {
            frameOre += c.frame().ore();
            decisions += cycleRepository.decisions(c.cycleId).size();
            for (CycleRepository.Payment p : cycleRepository.payments(c.cycleId)) {
                paymentsCount++;
                paidOre += p.amount().ore();
                paidDecisions.add(p.decisionId());
            }
        }
        long reminders = jdbc.sql("select count(*) from km_reminder").query(Long.class).single();
        long serviceTasks = history.createHistoricActivityInstanceQuery().activityType("serviceTask").count();
        long jobs = serviceTasksAsync();
        long processInstances = history.createHistoricProcessInstanceQuery().count();
        long followUpsEnded = jdbc.sql("select count(*) from km_follow_up where phase = 'AVSLUTTET'")
                .query(Long.class).single();
        return new Totals(cycles.size(), completed, decisions, paymentsCount, paidDecisions.size(), paidOre, frameOre,
                reminders, userTasks.get(), serviceTasks, jobs, processInstances, conflicts.get(), followUps.size(),
                followUpsEnded);
    }

    /** The asynchronous service tasks run by the job executor: payments and reminders. */
    private long serviceTasksAsync() {
        return history.createHistoricActivityInstanceQuery().activityId("Task_Pay").count()
                + history.createHistoricActivityInstanceQuery().activityId("Task_SendNeedReportReminder").count();
    }

    /** The year's counts and sums. */
    public record Totals(int cycles, long cyclesCompleted, long decisions, long payments, long decisionsPaid,
                         long paidOre, long frameOre, long reminders, long userTasks, long serviceTasks,
                         long asyncServiceTasks, long processInstances, long conflicts, long followUps,
                         long followUpsEnded) {
    }
}
