package no.kompetansemidler.overview;

import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.domain.organisation.County;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.engine.EngineContext;
import no.kompetansemidler.funding.SchemeCatalogue;
import no.kompetansemidler.masterdata.MasterDataRepository;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where each cycle of an embete's year stands, from our tables and the engine's history: per owner whether the
 * application was sent, is late, was extended or the owner does not take part; what was applied for, recommended,
 * decided and paid; the self-evaluations; the sums against the frame; what is blocked and what unblocks it; and how
 * many cases are in each element of each model, for the diagram.
 */
@Service
public class CycleOverview {

    /** What the page and the CSV show of one owner (or other recipient) in a cycle. */
    public record OwnerLine(String organisasjonsnummer, String navn, String soknad, String soknadStatus, int tiltak,
                            long soktOre, long innstiltOre, long vedtattOre, long utbetaltOre, String brev,
                            String egenvurdering) {
    }

    /** The cycle's money against its frame, in øre; «ikke fordelt» is the frame less what is decided (or recommended). */
    public record Sums(long rammeOre, long overfortInnOre, long soktOre, long innstiltOre, long vedtattOre,
                       long utbetaltOre, long ikkeFordeltOre) {
    }

    /** Work that stands still until a person acts, and how to act. */
    public record Blocked(String hva, String handling, String lenke, String siden) {
    }

    /** A model of the cycle's case tree and how many cases are in (aktive) and have passed (ferdige) each element. */
    public record Diagram(String navn, String definisjonId, Map<String, long[]> antall) {
    }

    public record CycleView(String syklusId, String ordning, String ordningNavn, String kjortAv, int aar, String fase,
                            String startet,
                            String godkjenning, Sums summer, Map<String, Long> soknader, List<OwnerLine> eiere,
                            List<Blocked> blokkert, List<Diagram> diagrammer, String klager, String forummote) {
    }

    public record View(String embete, String embeteNavn, int aar, List<Integer> aarValg, List<CycleView> sykluser,
                       List<FollowUpLine> oppfolginger) {
    }

    /**
     * A kommune the embete follows up in Oppfølgingsordningen (every selection year): where its case stands, its
     * veileder, the deadline for its analysis, and how many of its three yearly reports are approved.
     */
    public record FollowUpLine(String kommune, String organisasjonsnummer, int uttrekk, String fase, String veileder,
                               String analysefrist, int rapporterGodkjent) {
    }

    /** The embete's follow-ups in Oppfølgingsordningen, newest selection first (none for a fylkeskommune). */
    public List<FollowUpLine> followUps(Office office) {
        if (!(office instanceof no.kompetansemidler.domain.organisation.Embete embete)) {
            return List.of();
        }
        return jdbc.sql("""
                        select o.name, f.organisation_number, f.selection_year, f.phase, f.veileder_name,
                               f.analysis_deadline, f.reports_approved
                        from km_follow_up f join km_owner o on o.organisation_number = f.organisation_number
                        where f.embete_code = ? order by f.selection_year desc, o.name""")
                .param(embete.name())
                .query((rs, i) -> new FollowUpLine(rs.getString(1), rs.getString(2), rs.getInt(3),
                        phaseName(rs.getString(4)), rs.getString(5) == null ? "ikke tildelt" : rs.getString(5),
                        rs.getDate(6) == null ? "" : DAY.format(rs.getDate(6).toLocalDate()), rs.getInt(7)))
                .list();
    }

    private static String phaseName(String phase) {
        return switch (phase) {
            case "ANALYSE" -> "Analysefasen";
            case "UTVIKLING" -> "Utviklingsfasen";
            default -> "Avsluttet";
        };
    }

    /** The complaints on the cycle's decisions, by where they stand ("" when there is none). */
    public String complaints(String cycleId) {
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        jdbc.sql("select status, count(*) from km_complaint where cycle_id = ? group by status").param(cycleId)
                .query((rs, n) -> byStatus.put(rs.getString(1), rs.getLong(2))).list();
        if (byStatus.isEmpty()) {
            return "";
        }
        long assessed = byStatus.getOrDefault("MOTTATT", 0L);
        long leader = byStatus.getOrDefault("TIL_GODKJENNING", 0L);
        long udir = byStatus.getOrDefault("HOS_UDIR", 0L);
        long upheld = byStatus.getOrDefault("OMGJORT", 0L) + byStatus.getOrDefault("OMGJORT_AV_UDIR", 0L);
        long kept = byStatus.getOrDefault("STADFESTET", 0L);
        return "Klager: " + assessed + " til vurdering, " + leader + " til godkjenning hos leder, " + udir
                + " hos Udir, " + upheld + " tatt til følge, " + kept + " stadfestet av Udir.";
    }

    /** The application's state, as the page names it. */
    static final String SENT = "Sendt";
    static final String NOT_SENT = "Ikke sendt";
    static final String LATE = "For sent";
    static final String EXTENDED = "Fristen forlenget";
    static final String NOT_TAKING_PART = "Deltar ikke";
    static final String NOT_APPLICANT = "Ikke søker (UH-partner)";

    /** Caseworker tasks that mean the cycle waits, and what the caseworker does in them. */
    private static final Map<String, String> BLOCKING_TASKS = Map.of(
            "Task_SignOff", "En leder som ikke har forberedt fordelingen, godkjenner vedtakene eller sender dem tilbake.",
            "Task_SendFailed", "Se feilen i oppgaven, rett årsaken og send brevet på nytt.",
            "Task_DeliveryFailed", "Se feilen i oppgaven, rett årsaken og send brevet på nytt.",
            "Task_RegisterAccount", "Registrer kontonummeret i oppgaven; utbetalingen går da én gang.",
            "Task_PaymentFailed", "Se feilen i oppgaven, rett årsaken og prøv utbetalingen på nytt.",
            "Task_HandleMissedDeadline", "Forleng fristen eller registrer at eieren ikke deltar (R5).",
            "Task_CorrectBreaches", "Rett regelbruddene i fordelingen, eller send den tilbake til forumet.");

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm").withZone(OSLO);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(OSLO);

    private final JdbcClient jdbc;
    private final CycleRepository cycles;
    private final MasterDataRepository masterData;
    private final SchemeCatalogue parameters;
    private final CaseTree tree;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final Clock clock;
    private final no.kompetansemidler.security.PersonDirectory people;
    private final Map<String, ProcessDefinition> definitions = new java.util.concurrent.ConcurrentHashMap<>();

    private final no.kompetansemidler.cycle.JointMeetings meetings;

    CycleOverview(JdbcClient jdbc, CycleRepository cycles, MasterDataRepository masterData, SchemeCatalogue parameters,
                  CaseTree tree, RepositoryService repository, IdentityService identity, Clock clock,
                  no.kompetansemidler.security.PersonDirectory people, no.kompetansemidler.cycle.JointMeetings meetings) {
        this.meetings = meetings;
        this.people = people;
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.masterData = masterData;
        this.parameters = parameters;
        this.tree = tree;
        this.repository = repository;
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * Which cycles an office's overview shows: an embete's are all in its area (those its fylkeskommuner run, which
     * it reads, too), a fylkeskommune's are its own.
     */
    private static String cyclesOf(Office office) {
        return office instanceof County ? "embete_code = :embete and county_number = :county" : "embete_code = :embete";
    }

    private static Map<String, Object> params(Office office) {
        return Map.of("embete", office.embete().name(), "county", CycleRepository.countyNumber(office));
    }

    /** The years the office has cycles in, newest first. */
    public List<Integer> years(Office embete) {
        return jdbc.sql("select distinct budget_year from km_cycle where " + cyclesOf(embete)
                        + " order by budget_year desc")
                .params(params(embete)).query(Integer.class).list();
    }

    /** The office's cycles in the year (the newest year with cycles when the year is null). */
    public View of(Office embete, Integer yearOrNull) {
        List<Integer> years = years(embete);
        int year = yearOrNull != null ? yearOrNull : years.isEmpty() ? LocalDate.now(clock).getYear() : years.get(0);
        Map<CycleRepository.Cycle, String> inYear = new LinkedHashMap<>();
        jdbc.sql("select * from km_cycle where " + cyclesOf(embete) + " and budget_year = :year"
                        + " order by scheme, county_number")
                .params(params(embete)).param("year", year).query((rs, i) -> inYear.put(CycleRepository.cycle(rs),
                        SHOWN.format(rs.getTimestamp("started_at").toInstant()))).list();
        return new View(embete.slug(), embete.displayName(), year, years, inYear.entrySet().stream()
                .map(c -> cycle(c.getKey(), c.getValue())).toList(), followUps(embete));
    }

    private CycleView cycle(CycleRepository.Cycle cycle, String started) {
        String id = cycle.id();
        Map<String, java.sql.Timestamp> sent = pairs("select organisation_number, submitted_at from km_need_report"
                + " where cycle_id = ?", id, java.sql.Timestamp.class);
        Map<String, Boolean> participation = pairs("select organisation_number, takes_part from km_participation"
                + " where cycle_id = ?", id, Boolean.class);
        Map<String, long[]> applied = new HashMap<>();
        jdbc.sql("""
                        select m.organisation_number, count(distinct m.id), coalesce(sum(y.amount_ore), 0)
                        from km_measure m left join km_measure_year y on y.measure_id = m.id and y.budget_year = ?
                        where m.cycle_id = ? group by m.organisation_number""")
                .params(cycle.year(), id).query((rs, i) -> applied.put(rs.getString(1),
                        new long[]{rs.getLong(2), rs.getLong(3)})).list();
        Map<String, Long> recommended = sums("""
                select g.organisation_number, sum(g.amount_ore) from km_proposal_grant g
                where g.proposal_id = (select p.id from km_proposal p where p.cycle_id = ?
                                       and p.version = (select max(version) from km_proposal where cycle_id = p.cycle_id))
                group by g.organisation_number""", id);
        Map<String, Long> decided = sums("select organisation_number, sum(amount_ore) from km_decision"
                + " where cycle_id = ? group by organisation_number", id);
        Map<String, Long> paid = sums("""
                select p.organisation_number, sum(p.amount_ore) from km_payment p
                join km_decision d on d.id = p.decision_id where d.cycle_id = ? group by p.organisation_number""", id);
        Map<String, String> decisionKinds = pairs("select organisation_number, recipient_kind from km_decision"
                + " where cycle_id = ?", id, String.class);
        Map<String, String> selfEvaluations = jdbc.sql("""
                        select d.organisation_number, e.settlement, e.settlement_ore from km_self_evaluation e
                        join km_decision d on d.id = e.decision_id where d.cycle_id = ?""")
                .param(id).query((rs, i) -> Map.entry(rs.getString(1), selfEvaluation(rs.getString(2),
                        rs.getObject(3) == null ? null : rs.getLong(3))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));

        Map<String, String> letters = jdbc.sql("""
                        select organisation_number, kind, status, delivered_at from km_letter where cycle_id = ?""")
                .param(id).query((rs, i) -> Map.entry(rs.getString(1), letter(rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a + "; " + b));
        String signOff = signOff(id);

        List<CaseTree.ElementCount> counts = cycle.processInstanceId() == null ? List.of()
                : tree.counts(cycle.processInstanceId());
        boolean selfEvaluationOpen = counts.stream().anyMatch(c -> c.elementId().equals("Activity_SelfEvaluation"));
        LocalDate deadline = parameters.calendar(cycle.scheme()).needReportDeadline(cycle.year());
        boolean pastDeadline = LocalDate.now(clock.withZone(OSLO)).isAfter(deadline);

        Set<String> recipients = new LinkedHashSet<>();
        Map<String, String> names = new HashMap<>();
        for (Owner owner : masterData.owners(cycle.office(), cycle.scheme())) {
            recipients.add(owner.organisationNumber().value());
            names.put(owner.organisationNumber().value(), owner.name());
        }
        recipients.addAll(sent.keySet());
        recipients.addAll(decided.keySet());
        recipients.addAll(recommended.keySet());
        List<OwnerLine> lines = new ArrayList<>();
        for (String orgnr : recipients) {
            // a UH institution or a provider the scheme pays did not apply
            boolean owner = decisionKinds.get(orgnr) == null || "OWNER".equals(decisionKinds.get(orgnr))
                    || sent.containsKey(orgnr);
            String status;
            String text;
            if (sent.containsKey(orgnr)) {
                status = SENT;
                text = "Sendt " + SHOWN.format(sent.get(orgnr).toInstant());
            } else if (!owner || (!names.containsKey(orgnr) && recommended.containsKey(orgnr))) {
                status = NOT_APPLICANT;
                text = NOT_APPLICANT;
            } else if (Boolean.FALSE.equals(participation.get(orgnr))) {
                status = NOT_TAKING_PART;
                text = NOT_TAKING_PART + " (R5)";
            } else if (Boolean.TRUE.equals(participation.get(orgnr))) {
                status = EXTENDED;
                text = EXTENDED + ", ikke sendt ennå";
            } else if (pastDeadline) {
                status = LATE;
                text = "Ikke sendt innen fristen " + DAY.format(deadline.atStartOfDay(OSLO));
            } else {
                status = NOT_SENT;
                text = "Ikke sendt ennå (frist " + DAY.format(deadline.atStartOfDay(OSLO)) + ")";
            }
            long[] measures = applied.getOrDefault(orgnr, new long[]{0, 0});
            String selfEvaluation = !decided.containsKey(orgnr) || NOT_APPLICANT.equals(status) ? ""
                    : selfEvaluations.getOrDefault(orgnr, selfEvaluationOpen ? "Ikke sendt ennå" : "Ikke åpnet ennå");
            lines.add(new OwnerLine(orgnr, names.computeIfAbsent(orgnr, masterData::recipientName), text, status,
                    (int) measures[0], measures[1], recommended.getOrDefault(orgnr, 0L), decided.getOrDefault(orgnr, 0L),
                    paid.getOrDefault(orgnr, 0L), letters.getOrDefault(orgnr, ""), selfEvaluation));
        }
        lines.sort(Comparator.comparing(OwnerLine::navn, String.CASE_INSENSITIVE_ORDER));

        long recommendedSum = total(lines, OwnerLine::innstiltOre);
        long decidedSum = total(lines, OwnerLine::vedtattOre);
        long carriedIn = cycles.carriedIn(cycle).ore();
        Sums sums = new Sums(cycle.frame().ore(), carriedIn, total(lines, OwnerLine::soktOre), recommendedSum,
                decidedSum, total(lines, OwnerLine::utbetaltOre),
                cycle.frame().ore() + carriedIn - (decided.isEmpty() ? recommendedSum : decidedSum));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String status : List.of(SENT, NOT_SENT, LATE, EXTENDED, NOT_TAKING_PART)) {
            byStatus.put(status, lines.stream().filter(l -> l.soknadStatus().equals(status)).count());
        }
        List<Blocked> blocked = cycle.processInstanceId() == null ? List.of() : blocked(cycle.processInstanceId());
        List<Diagram> diagrams = diagrams(counts);
        return new CycleView(id, cycle.scheme().name(), parameters.name(cycle.scheme()), cycle.office().displayName(),
                cycle.year(),
                stage(counts, diagrams), started, signOff, sums, byStatus, lines, blocked, diagrams, complaints(id),
                meetings.meetingOf(id).orElse(null));
    }

    /** A letter as the owner's row shows it: «Tilsagn levert 03.12.2026», «Avslag: utsendingen feilet». */
    private static String letter(String kind, String status, java.sql.Timestamp deliveredAt) {
        String what = kind.equals("TILSAGN") ? "Tilsagn" : "Avslag";
        return deliveredAt != null && status.equals("LEVERT") ? what + " levert " + DAY.format(deliveredAt.toInstant())
                : what + ": " + no.kompetansemidler.letters.LetterRepository.Status.valueOf(status).displayName();
    }

    /** Who signed the decisions off and when, and who prepared them; empty before a leader has decided. */
    private String signOff(String cycleId) {
        return jdbc.sql("""
                        select prepared_by, decided_by, approved, decided_at from km_sign_off where cycle_id = ?
                        order by decided_at desc""").param(cycleId)
                .query((rs, i) -> (rs.getBoolean(3) ? "Vedtakene godkjent av " : "Sendt tilbake av ")
                        + people.plainName(rs.getString(2)) + " " + SHOWN.format(rs.getTimestamp(4).toInstant())
                        + " (forberedt av " + people.plainName(rs.getString(1)) + ").")
                .list().stream().findFirst().orElse("");
    }

    private List<Blocked> blocked(String root) {
        List<Blocked> blocked = new ArrayList<>();
        for (CaseTree.OpenTask task : tree.openTasks(root, List.copyOf(BLOCKING_TASKS.keySet()))) {
            blocked.add(new Blocked(task.name(), BLOCKING_TASKS.get(task.definitionKey()),
                    "/camunda/app/tasklist/default/#/?task=" + task.id(), SHOWN.format(task.created())));
        }
        for (CaseTree.OpenIncident incident : tree.openIncidents(root)) {
            blocked.add(new Blocked("Et steg feilet etter alle forsøkene: " + (incident.message() == null
                    ? "ukjent feil" : incident.message()), "Driften ser på feilhendelsen i Cockpit og prøver steget"
                    + " på nytt når årsaken er rettet (docs/drift.md).", "/camunda/app/cockpit/default/",
                    SHOWN.format(incident.created())));
        }
        return blocked;
    }

    /** The models of the case tree, the cycle's own first, with the counts per element. */
    private List<Diagram> diagrams(List<CaseTree.ElementCount> counts) {
        Map<String, Map<String, long[]>> byModel = new LinkedHashMap<>();
        for (CaseTree.ElementCount count : counts) {
            byModel.computeIfAbsent(count.definitionId(), d -> new HashMap<>())
                    .put(count.elementId(), new long[]{count.active(), count.done()});
        }
        List<Diagram> diagrams = new ArrayList<>();
        for (var model : byModel.entrySet()) {
            ProcessDefinition definition = definition(model.getKey());
            diagrams.add(new Diagram(definition.getName() == null ? definition.getKey() : definition.getName(),
                    model.getKey(), model.getValue()));
        }
        diagrams.sort(Comparator.comparing((Diagram d) -> !d.definisjonId().startsWith("arssyklus:"))
                .thenComparing(Diagram::navn));
        return diagrams;
    }

    /** Where the cycle stands: the names of the elements of the cycle's own model that hold it now. */
    private String stage(List<CaseTree.ElementCount> counts, List<Diagram> diagrams) {
        if (diagrams.isEmpty()) {
            return "Ikke startet";
        }
        Diagram cycleModel = diagrams.get(0);
        BpmnModelInstance model = EngineContext.withoutPerson(identity,
                () -> repository.getBpmnModelInstance(cycleModel.definisjonId()));
        String names = counts.stream()
                .filter(c -> c.definitionId().equals(cycleModel.definisjonId()) && c.active() > 0)
                .map(c -> Optional.ofNullable(model.<FlowElement>getModelElementById(c.elementId()))
                        .map(FlowElement::getName).map(ElementNames::plain).orElse(null))
                .filter(n -> n != null && !n.isBlank()).distinct().sorted().collect(Collectors.joining(" og "));
        return names.isEmpty() ? "Avsluttet" : names;
    }

    /** A model's diagram, its names without the case's expressions; empty when the id names no deployed model. */
    public Optional<String> diagram(String definitionId) {
        return EngineContext.withoutPerson(identity, () -> {
            if (repository.createProcessDefinitionQuery().processDefinitionId(definitionId).count() == 0) {
                return Optional.<String>empty();
            }
            try (InputStream xml = repository.getProcessModel(definitionId)) {
                return Optional.of(ElementNames.plainNames(new String(xml.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** A deployed model's definition; a deployment never changes, so each is read once. */
    private ProcessDefinition definition(String definitionId) {
        return definitions.computeIfAbsent(definitionId, id -> EngineContext.withoutPerson(identity,
                () -> repository.getProcessDefinition(id)));
    }

    private static String selfEvaluation(String settlement, Long amountOre) {
        if (settlement == null) {
            return "Sendt, venter på vurdering";
        }
        Money amount = Money.ofOre(amountOre == null ? 0 : amountOre);
        return switch (settlement) {
            case "REPAYMENT_CLAIM" -> "Godkjent, krav om tilbakebetaling " + amount.format();
            case "CARRY_OVER" -> "Godkjent, overført til neste år " + amount.format();
            default -> "Godkjent";
        };
    }

    private <T> Map<String, T> pairs(String sql, String cycleId, Class<T> type) {
        Map<String, T> pairs = new HashMap<>();
        jdbc.sql(sql).param(cycleId).query((rs, i) -> pairs.put(rs.getString(1), rs.getObject(2, type))).list();
        return pairs;
    }

    private Map<String, Long> sums(String sql, String cycleId) {
        Map<String, Long> sums = new HashMap<>();
        jdbc.sql(sql).param(cycleId).query((rs, i) -> sums.put(rs.getString(1), rs.getLong(2))).list();
        return sums;
    }

    private static long total(List<OwnerLine> lines, Function<OwnerLine, Long> amount) {
        return lines.stream().mapToLong(amount::apply).sum();
    }
}
