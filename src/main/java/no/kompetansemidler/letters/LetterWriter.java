package no.kompetansemidler.letters;

import no.kompetansemidler.application.ApplicationRepository;
import no.kompetansemidler.application.ApplicationRepository.StoredMeasure;
import no.kompetansemidler.complaint.Complaints;
import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.cycle.SignOffs;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.funding.SchemeCatalogue;
import no.kompetansemidler.funding.ProposalRepository;
import no.kompetansemidler.funding.StoredGrant;
import no.kompetansemidler.letters.LetterRepository.Kind;
import no.kompetansemidler.letters.LetterRepository.Letter;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.security.PersonDirectory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes the letter to one recipient of a cycle from the process owner's template: a grant (tilsagn) to every
 * recipient of a decision, stating what was refused when it got less than it applied for, and a refusal (avslag) to
 * every applicant that got nothing. Each states the amount, the measures, the legal basis, the reasons, the
 * conditions, a later year's amount as a conditional commitment (R14), the right to complain with its deadline, and
 * who prepared and who approved the decision. A letter is written once: asked again, the stored one is returned.
 */
@Component
public class LetterWriter {

    /** The template every decision letter is written from. */
    public static final String TEMPLATE = "vedtaksbrev.xhtml";
    /** The template of a repayment claim (R15). */
    public static final String CLAIM_TEMPLATE = "krav.xhtml";
    /** The template of a complaint's outcome. */
    public static final String COMPLAINT_TEMPLATE = "klage.xhtml";
    /** Udir's address, as the complaint body's letters state it. */
    static final String UDIR_ADDRESS = "Postboks 9359 Grønland, 0135 Oslo";
    /** Forvaltningsloven § 29: three weeks to complain. */
    static final int COMPLAINT_DAYS = 21;

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("nb-NO"));

    /** The reasons of the cycle's decisions, as the caseworker recorded them with the forum's innstilling. */
    public record Reasons(String basis, String priorities, String reasons) {
    }

    private final LetterRepository letters;
    private final LetterTemplates templates;
    private final CycleRepository cycles;
    private final ProposalRepository proposals;
    private final ApplicationRepository applications;
    private final SignOffs signOffs;
    private final SchemeCatalogue parameters;
    private final MasterDataRepository masterData;
    private final PersonDirectory people;
    private final LetterProperties properties;
    private final no.kompetansemidler.cycle.Claims claims;
    private final Complaints complaints;
    private final Clock clock;

    LetterWriter(LetterRepository letters, LetterTemplates templates, CycleRepository cycles,
                 ProposalRepository proposals, ApplicationRepository applications, SignOffs signOffs,
                 SchemeCatalogue parameters, MasterDataRepository masterData, PersonDirectory people,
                 LetterProperties properties, no.kompetansemidler.cycle.Claims claims, Complaints complaints,
                 Clock clock) {
        this.claims = claims;
        this.complaints = complaints;
        this.letters = letters;
        this.templates = templates;
        this.cycles = cycles;
        this.proposals = proposals;
        this.applications = applications;
        this.signOffs = signOffs;
        this.parameters = parameters;
        this.masterData = masterData;
        this.people = people;
        this.properties = properties;
        this.clock = clock;
    }

    /** The letter to this recipient of the cycle, written from the template of this process definition's deployment. */
    public Letter write(String cycleId, String organisationNumber, String processDefinitionId, Reasons reasons) {
        Optional<CycleRepository.Decision> decision = cycles.decisionOf(cycleId, organisationNumber);
        Kind kind = decision.isPresent() ? Kind.TILSAGN : Kind.AVSLAG;
        Optional<Letter> written = letters.find(cycleId, organisationNumber, kind);
        if (written.isPresent()) {
            return written.get();
        }
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        LocalDate today = LocalDate.now(clock.withZone(OSLO));
        LocalDate complaintDeadline = today.plusDays(COMPLAINT_DAYS);
        List<StoredMeasure> applied = applications.measures(cycleId, organisationNumber);
        Money appliedThisYear = Money.sum(applied.stream().map(m -> amountIn(m, cycle.year())).toList());
        Money granted = decision.map(CycleRepository.Decision::amount).orElse(Money.ZERO);
        String name = decision.map(CycleRepository.Decision::name).orElseGet(() -> masterData.ownerName(organisationNumber));
        var approval = signOffs.approval(cycleId).orElseThrow(() -> new IllegalStateException(
                "Vedtakene i syklusen " + cycleId + " er ikke godkjent av en leder"));

        Map<String, Object> facts = letterhead(cycle, organisationNumber, name, reference(cycle, organisationNumber),
                today);
        facts.put("ordningKode", cycle.scheme().name());
        facts.put("tilsagn", kind == Kind.TILSAGN);
        facts.put("avslag", kind == Kind.AVSLAG);
        facts.put("sokt", appliedThisYear.format());
        facts.put("innvilget", granted.format());
        Money refused = appliedThisYear.isGreaterThan(granted) ? appliedThisYear.minus(granted) : Money.ZERO;
        facts.put("delvisAvslag", kind == Kind.TILSAGN && refused.isPositive());
        facts.put("avslatt", refused.format());
        facts.put("soknadTiltak", applied.stream().map(m -> Map.of("tittel", m.plan().title(),
                "belop", amountIn(m, cycle.year()).format())).toList());
        facts.put("forumetsInnstilling", !"RESERVEVEDTAK".equals(reasons.basis()));
        facts.put("forumet", parameters.definition(cycle.scheme()).forumMembers().stream()
                .map(LetterWriter::inSentence).collect(java.util.stream.Collectors.joining(", ")));
        facts.put("prioriteringer", text(reasons.priorities()));
        facts.put("begrunnelse", text(reasons.reasons()));
        facts.put("rapportFrist", DATE.format(parameters.calendar(cycle.scheme()).reportDeadline(cycle.year())));
        facts.put("klagefrist", DATE.format(complaintDeadline));
        facts.put("saksbehandler", people.plainName(approval.preparedBy()));
        facts.put("leder", people.plainName(approval.decidedBy()));
        facts.put("godkjent", DATE.format(approval.decidedAt().atZone(OSLO).toLocalDate()));
        decision.ifPresent(d -> grantFacts(facts, d, cycle.year(), applied));

        LetterTemplates.Template template = templates.of(processDefinitionId, TEMPLATE);
        byte[] pdf = templates.pdf(template, facts);
        String title = kind.displayName() + " – " + parameters.name(cycle.scheme()) + " " + cycle.year();
        String id = letters.insert(new LetterRepository.NewLetter(cycleId, decision.map(CycleRepository.Decision::id)
                .orElse(null), organisationNumber, name, kind, title, granted, appliedThisYear, complaintDeadline,
                template.name()), pdf, clock.instant());
        return letters.letter(id);
    }

    /**
     * The letter with the repayment claim (R15) to the owner of the cycle: what was granted and used, the amount to
     * pay back, the account, the due date and the reference, why, and the right to complain. Written once.
     */
    public Letter writeClaim(String cycleId, String organisationNumber, String processDefinitionId) {
        Optional<Letter> written = letters.find(cycleId, organisationNumber, Kind.KRAV);
        if (written.isPresent()) {
            return written.get();
        }
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        CycleRepository.Decision decision = cycles.decisionOf(cycleId, organisationNumber).orElseThrow();
        no.kompetansemidler.cycle.Claims.Claim claim = claims.ofDecision(decision.id()).orElseThrow(
                () -> new IllegalStateException("Vedtaket " + decision.id() + " har ikke noe krav om tilbakebetaling"));
        CycleRepository.SelfEvaluation evaluation = cycles.selfEvaluation(decision.id()).orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(OSLO));
        LocalDate complaintDeadline = today.plusDays(COMPLAINT_DAYS);
        String reference = reference(cycle, organisationNumber) + "/krav";
        Map<String, Object> facts = letterhead(cycle, organisationNumber, decision.name(), reference, today);
        facts.put("innvilget", decision.amount().format());
        facts.put("brukt", evaluation.used().format());
        facts.put("krav", claim.amount().format());
        facts.put("konto", new no.kompetansemidler.domain.organisation.AccountNumber(claim.accountNumber()).formatted());
        facts.put("frist", DATE.format(claim.dueDate()));
        facts.put("klagefrist", DATE.format(complaintDeadline));
        facts.put("saksbehandler", people.plainName(claim.createdBy()));
        LetterTemplates.Template template = templates.of(processDefinitionId, CLAIM_TEMPLATE);
        byte[] pdf = templates.pdf(template, facts);
        String title = "Krav om tilbakebetaling – " + parameters.name(cycle.scheme()) + " " + cycle.year();
        String id = letters.insert(new LetterRepository.NewLetter(cycleId, decision.id(), organisationNumber,
                decision.name(), Kind.KRAV, title, claim.amount(), decision.amount(), complaintDeadline,
                template.name()), pdf, clock.instant());
        return letters.letter(id);
    }

    /**
     * The letter with a complaint's outcome: the Statsforvalter's new decision when it upheld the complaint (which
     * can be complained on), or Udir's decision as the complaint body (final): the amounts before and after, the
     * reasons, and the difference to be paid or claimed back with account and due date. Written once.
     */
    public Letter writeComplaint(String complaintId, String processDefinitionId) {
        Complaints.Complaint complaint = complaints.complaint(complaintId);
        Optional<Letter> written = letters.find(complaint.cycleId(), complaint.organisationNumber(), Kind.KLAGE);
        if (written.isPresent()) {
            return written.get();
        }
        CycleRepository.Cycle cycle = cycles.cycle(complaint.cycleId());
        LocalDate today = LocalDate.now(clock.withZone(OSLO));
        boolean byUdir = complaint.status() != Complaints.Status.OMGJORT;
        LocalDate complaintDeadline = byUdir ? today : today.plusDays(COMPLAINT_DAYS);
        Money before = complaint.before();
        Money after = complaint.after() == null ? before : complaint.after();
        Money difference = after.minus(before);
        String title = (byUdir ? "Vedtak i klagesak" : "Nytt vedtak etter klage") + " – " + parameters.name(cycle.scheme())
                + " " + cycle.year();
        Map<String, Object> facts = letterhead(cycle, complaint.organisationNumber(), complaint.name(),
                reference(cycle, complaint.organisationNumber()) + "/klage", today);
        facts.put("tittel", title);
        facts.put("avsender", byUdir ? "Utdanningsdirektoratet" : cycle.office().displayName());
        if (byUdir) {
            facts.put("embeteAdresse", UDIR_ADDRESS);
        }
        facts.put("klagetDato", DATE.format(complaint.lodgedAt().atZone(OSLO).toLocalDate()));
        facts.put("omgjortAvStatsforvalteren", complaint.status() == Complaints.Status.OMGJORT);
        facts.put("stadfestet", complaint.status() == Complaints.Status.STADFESTET);
        facts.put("omgjortAvUdir", complaint.status() == Complaints.Status.OMGJORT_AV_UDIR);
        facts.put("tidligere", before.format());
        facts.put("nytt", after.format());
        facts.put("forskjell", (difference.isNegative() ? Money.ZERO.minus(difference) : difference).format());
        facts.put("etterbetaling", difference.isPositive());
        facts.put("krav", difference.isNegative());
        facts.put("begrunnelse", text(byUdir ? complaint.udirReasons() : complaint.assessment()));
        facts.put("klagerett", !byUdir);
        facts.put("klagefrist", DATE.format(complaintDeadline));
        if (difference.isNegative()) {
            var claim = claims.ofDecision(complaint.decisionId(), no.kompetansemidler.cycle.Claims.Kind.KLAGE)
                    .orElseThrow(() -> new IllegalStateException("Klagen " + complaintId + " har ikke noe krav"));
            facts.put("konto", new no.kompetansemidler.domain.organisation.AccountNumber(claim.accountNumber())
                    .formatted());
            facts.put("frist", DATE.format(claim.dueDate()));
        }
        List<String> signers = new ArrayList<>();
        if (byUdir) {
            signers.add(people.plainName(complaint.udirBy()) + ", Utdanningsdirektoratet");
        } else {
            signers.add(people.plainName(complaint.approvedBy()) + ", leder (godkjente det nye vedtaket)");
        }
        signers.add(people.plainName(complaint.assessedBy()) + ", saksbehandler hos " + cycle.office().displayName()
                + " (kontaktperson)");
        facts.put("underskrivere", signers);
        LetterTemplates.Template template = templates.of(processDefinitionId, COMPLAINT_TEMPLATE);
        byte[] pdf = templates.pdf(template, facts);
        String id = letters.insert(new LetterRepository.NewLetter(cycle.id(), complaint.decisionId(),
                complaint.organisationNumber(), complaint.name(), Kind.KLAGE, title, after, before, complaintDeadline,
                template.name()), pdf, clock.instant());
        return letters.letter(id);
    }

    /** Names the forum's members keep their capital letter in a sentence. */
    private static final java.util.Set<String> PROPER_NAMES = java.util.Set.of("Statped", "Udir",
            "Utdanningsdirektoratet", "Sametinget");

    /**
     * A forum member as written in the scheme file («Kommunene som skoleeiere») as it reads inside a sentence
     * («kommunene som skoleeiere»); abbreviations (KS, UH-institusjonene) and names (Statped) are kept.
     */
    static String inSentence(String member) {
        String first = member.split("[\\s(,]", 2)[0];
        if (member.length() < 2 || !Character.isLowerCase(member.charAt(1)) || PROPER_NAMES.contains(first)) {
            return member;
        }
        return member.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + member.substring(1);
    }

    /** What every letter's head states: the embete and its address, the date, the reference, the recipient, the scheme. */
    private Map<String, Object> letterhead(CycleRepository.Cycle cycle, String organisationNumber, String name,
                                           String reference, LocalDate today) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("embete", cycle.office().displayName());
        facts.put("embeteAdresse", properties.address(cycle.office().slug()));
        facts.put("dato", DATE.format(today));
        facts.put("referanse", reference);
        facts.put("mottaker", name);
        facts.put("orgnr", organisationNumber);
        facts.put("ordning", parameters.name(cycle.scheme()));
        facts.put("aar", String.valueOf(cycle.year()));
        return facts;
    }

    /** The reference of the decision to a recipient in a cycle, as its letter states it: vestland-DEKOM-2027/974767880. */
    public static String reference(CycleRepository.Cycle cycle, String organisationNumber) {
        return cycle.reference() + "/" + organisationNumber;
    }

    /** The granted measure, its co-financing and the later years' conditional amounts (R14). */
    private void grantFacts(Map<String, Object> facts, CycleRepository.Decision decision, int year,
                            List<StoredMeasure> applied) {
        StoredGrant grant = proposals.grant(decision.proposalId(), decision.organisationNumber()).orElseThrow();
        facts.put("tiltak", grant.measure().title());
        facts.put("tiltakPeriode", grant.measure().firstYear() == grant.measure().lastYear()
                ? String.valueOf(grant.measure().firstYear())
                : grant.measure().firstYear() + "–" + grant.measure().lastYear());
        facts.put("tiltakArt", grant.measure().kind().displayName());
        boolean owner = "OWNER".equals(decision.recipientKind());
        facts.put("eier", owner);
        facts.put("egenfinansiering", grant.coFinancingCash().format());
        facts.put("egenfinansieringLonn", grant.coFinancingSalary().format());
        facts.put("harLonn", grant.coFinancingSalary().isPositive());
        Map<Integer, Money> later = new TreeMap<>();
        for (StoredMeasure m : applied) {
            for (int y = year + 1; y < m.firstYear() + m.plan().years(); y++) {
                later.merge(y, amountIn(m, y), Money::plus);
            }
        }
        List<Map<String, String>> laterYears = new ArrayList<>();
        later.forEach((y, amount) -> laterYears.add(Map.of("aar", String.valueOf(y), "belop", amount.format())));
        facts.put("senereAr", laterYears);
    }

    /** The measure's amount in a budget year (nothing outside its years). */
    static Money amountIn(StoredMeasure m, int year) {
        int index = year - m.firstYear();
        return index < 0 || index >= m.plan().amountPerYear().size() ? Money.ZERO : m.plan().amountPerYear().get(index);
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
