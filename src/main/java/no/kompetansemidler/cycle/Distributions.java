package no.kompetansemidler.cycle;

import no.kompetansemidler.application.ApplicationRepository;
import no.kompetansemidler.application.MeasureTexts;
import no.kompetansemidler.domain.funding.DistributionKey;
import no.kompetansemidler.domain.funding.Outcome;
import no.kompetansemidler.domain.funding.ProposalLine;
import no.kompetansemidler.domain.funding.ProposalLines;
import no.kompetansemidler.domain.money.Distribution;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.engine.EngineContext;
import no.kompetansemidler.funding.ProposalRepository;
import no.kompetansemidler.funding.StoredGrant;
import no.kompetansemidler.funding.StoredProposal;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.masterdata.UhInstitution;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cycle's distribution as the caseworker works it on the distribution page: rows prefilled from the need
 * reports, checked row by row, the key applied, and every save a new version of the proposal that the process
 * records, checks and decides on. Saving is possible only while the cycle waits for the distribution (the forum's
 * innstilling, the fallback decision or a correction); afterwards the versions are history.
 */
@Service
public class Distributions {

    /** The tasks during which the distribution may be changed. */
    static final List<String> EDITING_TASKS = List.of("Task_RecordRecommendation", "Task_FallbackDecision",
            "Task_CorrectBreaches");
    /** The process variable the forms show the saved version with (read-only). */
    static final String SUMMARY = "fordelingOppsummering";

    /**
     * One row as the page shows it: the fields as typed, the recipient's name, the breaches found on it, and, when
     * prefilled, what the owner applied for and what its UH partners answered.
     */
    public record Row(String organisasjonsnummer, String navn, String belop, String vekt, String egenandel, String lonn,
                      String tredjepart, String tiltak, String art, String fraAar, String tilAar, Long belopOre,
                      List<String> brudd, String soknad) {
    }

    /** The sums against the frame: in øre, and as people read them. */
    public record Sums(long rammeOre, String ramme, long sumOre, String sum, long igjenOre, String igjen) {
        static Sums of(Money frame, Money sum) {
            Money left = Money.ofOre(frame.ore() - sum.ore());
            return new Sums(frame.ore(), frame.format(), sum.ore(), sum.format(), left.ore(), left.format());
        }
    }

    /** The page's view of the distribution. */
    public record View(String syklusId, String embete, String ordning, int aar, Integer versjon, String lagretAv,
                       String lagret, String kilde, String nokkel, Sums summer, List<Row> rader, List<String> brudd,
                       String oppgaveId, String oppgave, boolean kanEndres, List<VersionView> versjoner) {
    }

    public record VersionView(int versjon, String lagretAv, String lagret, String kilde, String nokkel,
                              boolean kontrollert, int antallBrudd) {
    }

    /** What a check or a save answers: the rows as they will be decided (the key applied) and the sums. */
    public record Preview(String nokkel, Sums summer, List<Row> rader) {
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm")
            .withZone(ProcessSupport.OSLO);

    private final CycleRepository cycles;
    private final ApplicationRepository applications;
    private final ProposalRepository proposals;
    private final MasterDataRepository masterData;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Clock clock;

    private final no.kompetansemidler.security.PersonDirectory people;
    private final no.kompetansemidler.application.Networks networks;

    Distributions(CycleRepository cycles, ApplicationRepository applications, ProposalRepository proposals, MasterDataRepository masterData,
                  TaskService tasks, RuntimeService runtime, IdentityService identity,
                  no.kompetansemidler.security.PersonDirectory people, no.kompetansemidler.application.Networks networks,
                  Clock clock) {
        this.networks = networks;
        this.cycles = cycles;
        this.applications = applications;
        this.proposals = proposals;
        this.masterData = masterData;
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.people = people;
        this.clock = clock;
    }

    /** The newest version with its breaches, or, before the first save, rows prefilled from the need reports. */
    @Transactional(readOnly = true)
    public View view(String cycleId) {
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        Optional<Task> task = editingTask(cycle);
        List<ProposalRepository.Version> saved = proposals.versions(cycleId);
        Map<String, Optional<String>> checks = new LinkedHashMap<>();
        saved.forEach(v -> checks.put(v.id(), proposals.latestCheck(v.id())));
        List<VersionView> versions = saved.stream().map(v -> {
            Optional<String> check = checks.get(v.id());
            return new VersionView(v.number(), who(v.createdBy()), SHOWN.format(v.createdAt()),
                    ProposalRepository.originText(v.origin()), v.key().name(), check.isPresent(),
                    check.map(c -> proposals.breaches(c).size()).orElse(0));
        }).toList();
        Optional<ProposalRepository.Version> latest = saved.stream().findFirst();
        if (latest.isEmpty()) {
            List<Row> rows = prefilled(cycle);
            return new View(cycleId, cycle.office().displayName(), cycle.scheme().name(), cycle.year(), null, null, null,
                    "Forhåndsutfylt fra behovsmeldingene", DistributionKey.AMOUNTS.name(), Sums.of(cycles.distributable(cycle), Money.ZERO),
                    rows, List.of(), task.map(Task::getId).orElse(null), task.map(Task::getName).orElse(null),
                    task.isPresent(), versions);
        }
        ProposalRepository.Version version = latest.get();
        StoredProposal stored = proposals.find(version.id()).orElseThrow();
        Map<String, List<String>> breachesByRecipient = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        checks.get(version.id()).ifPresent(check -> proposals.breaches(check).forEach(b -> {
            String text = b.rule().name() + ": " + b.reason();
            if (b.recipient() == null) {
                general.add(text);
            } else {
                breachesByRecipient.computeIfAbsent(b.recipient(), r -> new ArrayList<>()).add(text);
            }
        }));
        List<Row> rows = stored.grants().stream().map(g -> row(g, version.key(),
                breachesByRecipient.getOrDefault(g.organisationNumber(), List.of()))).toList();
        Money sum = Money.sum(stored.grants().stream().map(StoredGrant::amount).toList());
        return new View(cycleId, cycle.office().displayName(), cycle.scheme().name(), cycle.year(), version.number(),
                who(version.createdBy()), SHOWN.format(version.createdAt()), ProposalRepository.originText(version.origin()),
                version.key().name(),
                Sums.of(stored.frame(), sum), rows, general, task.map(Task::getId).orElse(null),
                task.map(Task::getName).orElse(null), task.isPresent(), versions);
    }

    /** The names of who may stand on a row: the embete's owners in the scheme and the UH institutions, by number. */
    @Transactional(readOnly = true)
    public Map<String, String> recipients(String cycleId) {
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        Map<String, String> names = new java.util.TreeMap<>();
        masterData.owners(cycle.office(), cycle.scheme()).forEach(o -> names.put(o.organisationNumber().value(), o.name()));
        masterData.uhInstitutions().forEach(u -> names.put(u.organisationNumber().value(), u.name()));
        return names;
    }

    /** Checks the rows without saving: the key applied and the sums, or every problem on its row and field. */
    @Transactional(readOnly = true)
    public Preview check(String cycleId, String key, List<Map<String, String>> rows) {
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        return preview(distributed(cycle, parseKey(key), rows));
    }

    /**
     * Saves the rows as the next version, when the cycle waits for its distribution; the forms show it, and
     * completing the task records it.
     */
    @Transactional
    public View save(String cycleId, String key, List<Map<String, String>> rows, String user) {
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        if (editingTask(cycle).isEmpty()) {
            throw new ValidationException(List.of(new Violation(ProposalLines.ROWS, "STEG", "Fordelingen kan bare"
                    + " endres mens syklusen venter på forumets innstilling, Statsforvalterens reservevedtak eller"
                    + " retting av regelbrudd. Versjonene som er lagret, står i historikken.")));
        }
        DistributionKey distributionKey = parseKey(key);
        StoredProposal proposal = distributed(cycle, distributionKey, rows);
        ProposalRepository.Version version = proposals.saveVersion(cycleId, proposal, distributionKey,
                ProposalRepository.ORIGIN_SAVED, user, clock.instant());
        Sums sums = preview(proposal).summer();
        String summary = "Versjon " + version.number() + ", lagret " + SHOWN.format(version.createdAt()) + " av "
                + who(user) + ": " + proposal.grants().size() + (proposal.grants().size() == 1 ? " rad" : " rader")
                + ", til sammen " + sums.sum() + " av rammen " + sums.ramme() + " (igjen " + sums.igjen() + ").";
        // the system writes the summary the forms show; the caseworker holds no grant on the cycle's variables
        EngineContext.withoutPerson(identity, () -> {
            runtime.setVariable(cycle.processInstanceId(), SUMMARY, summary);
            return null;
        });
        return view(cycleId);
    }

    /** The open task during which the distribution may be changed, if the cycle waits for one. */
    Optional<Task> editingTask(CycleRepository.Cycle cycle) {
        if (cycle.processInstanceId() == null) {
            return Optional.empty();
        }
        return tasks.createTaskQuery().processInstanceId(cycle.processInstanceId())
                .taskDefinitionKeyIn(EDITING_TASKS.toArray(String[]::new)).list().stream().findFirst();
    }

    StoredProposal distributed(CycleRepository.Cycle cycle, DistributionKey key, List<Map<String, String>> rows) {
        List<ProposalLine> lines = ProposalLines.parse(rows, key);
        Set<String> optedOut = new HashSet<>(cycles.nonParticipants(cycle.id()));
        List<StoredGrant> grants = lines.stream().map(l -> new StoredGrant(l.organisationNumber(),
                name(l.organisationNumber()), false, optedOut.contains(l.organisationNumber()), l.weight(), l.amount(),
                l.coFinancingCash(), l.coFinancingSalary(), l.thirdPartyAmount(), l.measure())).toList();
        Money frame = cycles.distributable(cycle);
        StoredProposal proposal = new StoredProposal(null, cycle.embete(), cycle.scheme(), cycle.year(), frame,
                grants);
        Distribution.Result<String> shares;
        try {
            shares = proposal.distribute(key);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new Violation(ProposalLines.ROWS, "R6",
                    e.getMessage().replaceFirst("^R6: ", ""))));
        }
        return new StoredProposal(null, cycle.embete(), cycle.scheme(), cycle.year(), frame,
                proposal.withShares(shares));
    }

    private Preview preview(StoredProposal proposal) {
        Money sum = Money.sum(proposal.grants().stream().map(StoredGrant::amount).toList());
        return new Preview(null, Sums.of(proposal.frame(), sum),
                proposal.grants().stream().map(g -> row(g, null, List.of())).toList());
    }

    /**
     * One row per owner that applied and takes part, from its application's measures for the cycle's year: the
     * money sought for this year, the planned co-financing and its salary part for this year (the measure's total
     * in proportion to this year's share, rounded up to the øre), the measures' titles and the years they run. A
     * measure its UH partner declined is left out; what the UH partners answered is shown with the row.
     */
    private List<Row> prefilled(CycleRepository.Cycle cycle) {
        Set<String> optedOut = new HashSet<>(cycles.nonParticipants(cycle.id()));
        Map<String, List<ApplicationRepository.StoredMeasure>> byOwner = new LinkedHashMap<>();
        applications.measures(cycle.id()).forEach(m -> byOwner.computeIfAbsent(m.organisationNumber(),
                o -> new ArrayList<>()).add(m));
        String year = Integer.toString(cycle.year());
        Map<String, String> networkNotes = networks.leadNotes(cycle.id());
        Map<String, List<Commitment>> committed = commitments(cycle);
        return cycles.needReports(cycle.id()).stream().filter(r -> !optedOut.contains(r.organisationNumber()))
                .map(r -> prefilledRow(r.organisationNumber(), cycle.year(),
                        byOwner.getOrDefault(r.organisationNumber(), List.of()),
                        committed.getOrDefault(r.organisationNumber(), List.of()), year,
                        java.util.Optional.ofNullable(networkNotes.get(r.organisationNumber()))))
                .toList();
    }

    /** A measure granted in an earlier year's cycle that runs into this year: committed on condition (R14). */
    record Commitment(int decidedIn, ApplicationRepository.StoredMeasure measure) {
    }

    /**
     * What the cycles of the two years before, of the same embete and scheme, committed to each owner for this
     * year (R14): the measures of an owner that got a grant there, which its UH partner did not decline and whose
     * years reach this one, as the letter promised them. The newest cycle's version of a measure counts (by its
     * name); an owner that applies for a measure of the same name again replaces the commitment with it.
     */
    Map<String, List<Commitment>> commitments(CycleRepository.Cycle cycle) {
        Map<String, Map<String, Commitment>> byOwner = new LinkedHashMap<>();
        for (int earlier = cycle.year() - 2; earlier < cycle.year(); earlier++) {
            int decidedIn = earlier;
            cycles.findCycle(cycle.office(), cycle.scheme(), earlier).ifPresent(before -> {
                Set<String> granted = new HashSet<>();
                cycles.decisions(before.id()).stream().filter(d -> d.amount().isPositive())
                        .forEach(d -> granted.add(d.organisationNumber()));
                for (ApplicationRepository.StoredMeasure m : applications.measures(before.id())) {
                    boolean reaches = m.firstYear() <= cycle.year() && cycle.year() < m.firstYear() + m.plan().years();
                    if (granted.contains(m.organisationNumber()) && reaches
                            && m.answer() != ApplicationRepository.UhAnswer.AVSLATT) {
                        byOwner.computeIfAbsent(m.organisationNumber(), o -> new LinkedHashMap<>())
                                .put(m.plan().title(), new Commitment(decidedIn, m));
                    }
                }
            });
        }
        Map<String, List<Commitment>> result = new LinkedHashMap<>();
        byOwner.forEach((owner, byTitle) -> result.put(owner, List.copyOf(byTitle.values())));
        return result;
    }

    private Row prefilledRow(String owner, int year, List<ApplicationRepository.StoredMeasure> measures,
                             List<Commitment> commitments, String yearText, java.util.Optional<String> network) {
        List<ApplicationRepository.StoredMeasure> kept = new ArrayList<>(measures.stream()
                .filter(m -> m.answer() != ApplicationRepository.UhAnswer.AVSLATT).toList());
        Set<String> appliedAgain = new HashSet<>();
        measures.forEach(m -> appliedAgain.add(m.plan().title()));
        List<Commitment> carried = commitments.stream()
                .filter(c -> !appliedAgain.contains(c.measure().plan().title())).toList();
        carried.forEach(c -> kept.add(c.measure()));
        Money amount = Money.ZERO;
        Money cash = Money.ZERO;
        Money salary = Money.ZERO;
        int lastYear = year;
        for (ApplicationRepository.StoredMeasure m : kept) {
            Money thisYear = m.plan().amountInYear(year - m.firstYear());
            amount = amount.plus(thisYear);
            Money coFinancing = proportion(m.plan().coFinancing(), thisYear, m.plan().total());
            Money planned = proportion(m.plan().salary(), thisYear, m.plan().total());
            Money salaryPart = planned.isGreaterThan(coFinancing) ? coFinancing : planned;
            cash = cash.plus(coFinancing.minus(salaryPart));
            salary = salary.plus(salaryPart);
            lastYear = Math.max(lastYear, m.firstYear() + m.plan().years() - 1);
        }
        String titles = kept.stream().map(m -> m.plan().title()).collect(java.util.stream.Collectors.joining(" · "));
        List<String> notes = new ArrayList<>();
        if (!measures.isEmpty()) {
            notes.add(measures.stream().map(m -> MeasureTexts.applied(m, year,
                    masterData.uhInstitutionName(m.plan().uhPartner()))).collect(java.util.stream.Collectors.joining("; "))
                    + ".");
        }
        carried.forEach(c -> notes.add("Betinget tilsagn fra " + c.decidedIn() + " (R14): «" + c.measure().plan().title()
                + "», " + c.measure().plan().amountInYear(year - c.measure().firstYear()).format() + " i " + year + "."));
        network.ifPresent(notes::add);
        String application = notes.isEmpty() ? null : String.join(" ", notes);
        return new Row(owner, name(owner), kept.isEmpty() ? "" : plain(amount), "", kept.isEmpty() ? "" : plain(cash),
                kept.isEmpty() ? "" : plain(salary), "", titles.length() > 200 ? titles.substring(0, 199) + "…" : titles,
                "etterutdanning", yearText, Integer.toString(lastYear), null, List.of(), application);
    }

    /** The part of a whole that falls on this year's share of the total, rounded up to the øre. */
    static Money proportion(Money whole, Money share, Money total) {
        if (total.isZero()) {
            return Money.ZERO;
        }
        java.math.BigInteger[] qr = java.math.BigInteger.valueOf(whole.ore()).multiply(java.math.BigInteger.valueOf(share.ore()))
                .divideAndRemainder(java.math.BigInteger.valueOf(total.ore()));
        return Money.ofOre(qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0));
    }


    private static Row row(StoredGrant g, DistributionKey key, List<String> breaches) {
        return new Row(g.organisationNumber(), g.name(), plain(g.amount()),
                g.weight() == null ? "" : weight(g.weight()), plain(g.coFinancingCash()), plain(g.coFinancingSalary()),
                plain(g.thirdPartyAmount()), g.measure().title(), g.measure().kind().name().toLowerCase(java.util.Locale.ROOT),
                Integer.toString(g.measure().firstYear()), Integer.toString(g.measure().lastYear()), g.amount().ore(),
                breaches, null);
    }

    /** "1 234,50" as the page's fields show an amount (the form's "kr" left out). */
    static String plain(Money amount) {
        return amount.format().replace(" kr", "");
    }

    private static String weight(long hundredths) {
        return hundredths % 100 == 0 ? Long.toString(hundredths / 100)
                : (hundredths / 100) + "," + String.format("%02d", hundredths % 100);
    }

    private static DistributionKey parseKey(String key) {
        try {
            return key == null || key.isBlank() ? DistributionKey.AMOUNTS : DistributionKey.valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new Violation("nokkel", "VALG",
                    "Fordelingsnøkkelen må være AMOUNTS (beløp per mottaker), EQUAL (likt) eller WEIGHTS (vekter).")));
        }
    }

    private String name(String organisationNumber) {
        if (!OrganisationNumber.isValid(organisationNumber)) {
            return "Ukjent mottaker";
        }
        OrganisationNumber number = new OrganisationNumber(organisationNumber);
        return masterData.findOwner(number).map(Owner::name)
                .or(() -> masterData.findUhInstitution(number).map(UhInstitution::name))
                .orElse("Ukjent mottaker (verken eier eller UH)");
    }

    private String who(String user) {
        return user == null ? "prosessen" : people.displayName(user);
    }
}
