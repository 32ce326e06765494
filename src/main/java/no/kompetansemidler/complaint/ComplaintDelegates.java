package no.kompetansemidler.complaint;

import no.kompetansemidler.cycle.Claims;
import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.cycle.CycleVariables;
import no.kompetansemidler.cycle.FreeText;
import no.kompetansemidler.cycle.PaymentBatches;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.AccountNumber;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.engine.EngineContext;
import no.kompetansemidler.identity.IdentityGroups;
import no.kompetansemidler.letters.LetterRepository;
import no.kompetansemidler.security.CaseAccess;
import no.kompetansemidler.security.PersonDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of the model klage (docs/arssyklus.md, «Klage på vedtak»): register an owner's complaint
 * ({@code registerComplaintDelegate}: its own decision, before the deadline, once), record the caseworker's
 * assessment ({@code recordComplaintAssessmentDelegate}), a leader's approval of the new decision
 * ({@code recordComplaintApprovalDelegate}: not the caseworker who assessed it), Udir's decision
 * ({@code recordUdirDecisionDelegate}), and the difference claimed back ({@code complaintClaimDelegate}) or put in a
 * payment file ({@code complaintPaymentBatchDelegate}). A refusal names the field and the rule, and stores nothing.
 */
@Configuration
class ComplaintDelegates {

    // the start form
    static final String REFERENCE = "referanse";
    static final String GROUNDS = "klagegrunn";
    // set when the complaint is registered
    static final String COMPLAINT_ID = CycleVariables.COMPLAINT_ID;
    static final String COMPLAINED_BY = "klagetAv";
    static final String DECISION_TEXT = "vedtakTekst";
    static final String LODGED_TEXT = "klagetDato";
    static final String FREE_TEXT = "ledigTekst";
    // the caseworker's assessment
    static final String OUTCOME = "klageUtfall";
    static final String UPHOLD = "OMGJORES";
    static final String KEEP = "OPPRETTHOLDES";
    static final String NEW_AMOUNT = "nyttBelop";
    static final String ASSESSMENT = "klageVurdering";
    static final String NEW_AMOUNT_TEXT = "nyttBelopTekst";
    static final String ASSESSED_BY_NAME = "vurdertAvNavn";
    // the leader's approval
    static final String APPROVAL = "klageGodkjenning";
    static final String APPROVE = "GODKJENT";
    static final String RETURN = "TILBAKE";
    static final String LEADER_COMMENT = "lederMerknad";
    static final String APPROVED = "klageGodkjent";
    // Udir
    static final String UDIR_OUTCOME = "udirUtfall";
    static final String UDIR_KEEPS = "STADFESTET";
    static final String UDIR_CHANGES = "OMGJORT";
    static final String UDIR_AMOUNT = "udirNyttBelop";
    static final String UDIR_REASONS = "udirBegrunnelse";
    // the outcome
    static final String RESULT = "klageResultat";
    static final String DIFFERENCE = "forskjellOre";

    /** A letter's reference: embete-ORDNING-år/organisasjonsnummer (LetterWriter), e.g. vestland-DEKOM-2027/974767880. */
    private static final Pattern LETTER_REFERENCE =
            Pattern.compile("^([a-z-]+)-([A-Z]+)-(\\d{4})\\s*/\\s*(\\d{3})\\s?(\\d{3})\\s?(\\d{3})$");
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @Bean
    JavaDelegate registerComplaintDelegate(Complaints complaints, CycleRepository cycles, LetterRepository letters,
                                           CaseAccess access, Clock clock) {
        return execution -> {
            String person = EngineContext.currentUserId(execution);
            List<String> groups = EngineContext.currentGroupIds(execution);
            List<Violation> problems = new ArrayList<>();
            String typed = text(execution, REFERENCE);
            Optional<LetterRepository.Letter> letter = letterOf(typed, cycles, letters);
            if (letter.isEmpty() || !groups.contains(ownerGroup(letter.get()))) {
                // a decision to someone else is answered as one that does not exist
                problems.add(new Violation(REFERENCE, "EGNE_VEDTAK", "Vi finner ikke noe vedtak til din organisasjon"
                        + " med referansen «" + (typed == null ? "" : typed) + "». Skriv referansen slik den står"
                        + " øverst i vedtaksbrevet (under «Mine brev»), for eksempel vestland-DEKOM-2027/974767880."));
            }
            String grounds = FreeText.check(execution.getVariable(GROUNDS), GROUNDS, "Klagen", 20, "KLAGE", problems);
            LocalDate today = LocalDate.now(clock.withZone(OSLO));
            if (letter.isPresent() && problems.stream().noneMatch(p -> p.field().equals(REFERENCE))) {
                LetterRepository.Letter l = letter.get();
                if (today.isAfter(l.complaintDeadline())) {
                    problems.add(new Violation(REFERENCE, "KLAGEFRIST", "Klagefristen for dette vedtaket gikk ut "
                            + DAY.format(l.complaintDeadline()) + " (tre uker, forvaltningsloven § 29). En klage etter"
                            + " fristen kan Statsforvalteren bare ta under behandling når det er særlige grunner"
                            + " (§ 31): send den som brev til embetet og forklar hvorfor den kom for sent."));
                }
                complaints.of(l.cycleId(), l.organisationNumber()).ifPresent(earlier -> problems.add(new Violation(
                        REFERENCE, "EN_KLAGE", "Dere klaget på dette vedtaket " + DAY.format(earlier.lodgedAt()
                        .atZone(OSLO)) + ", og klagen er " + earlier.status().displayName() + ".")));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            LetterRepository.Letter l = letter.orElseThrow();
            CycleRepository.Cycle cycle = cycles.cycle(l.cycleId());
            Optional<CycleRepository.Decision> decision = cycles.decisionOf(cycle.id(), l.organisationNumber());
            Money before = decision.map(CycleRepository.Decision::amount).orElse(Money.ZERO);
            String id = complaints.lodge(cycle.id(), l.id(), decision.map(CycleRepository.Decision::id).orElse(null),
                    l.organisationNumber(), l.name(), grounds, before, person, execution.getProcessInstanceId(),
                    clock.instant());
            execution.setProcessBusinessKey(cycle.reference() + "/" + l.organisationNumber() + "/klage");
            String caseworkers = IdentityGroups.caseworkers(cycle.office());
            access.caseworkers(execution.getProcessInstanceId(), caseworkers);
            access.owner(execution.getProcessInstanceId(), ownerGroup(l));
            execution.setVariable(COMPLAINT_ID, id);
            execution.setVariable(GROUNDS, grounds);
            execution.setVariable(CycleVariables.CYCLE_ID, cycle.id());
            execution.setVariable(CycleVariables.EMBETE_NAME, cycle.office().displayName());
            execution.setVariable(CycleVariables.SCHEME, cycle.scheme().name());
            execution.setVariable(CycleVariables.YEAR, cycle.year());
            execution.setVariable(CycleVariables.RECIPIENT, l.organisationNumber());
            execution.setVariable(CycleVariables.RECIPIENT_NAME, l.name());
            execution.setVariable(CycleVariables.CASEWORKER_GROUP, caseworkers);
            execution.setVariable(CycleVariables.LEADER_GROUP, IdentityGroups.leaders(cycle.office()));
            execution.setVariable(DECISION_TEXT, (decision.isPresent() ? "Tilsagn om " + before.format()
                    : "Avslag") + " (søkt: " + l.applied().format() + "), brev " + DAY.format(l.writtenAt().atZone(OSLO))
                    + ", klagefrist " + DAY.format(l.complaintDeadline()) + ".");
            execution.setVariable(LODGED_TEXT, DAY.format(today));
            execution.setVariable(FREE_TEXT, freeText(cycles, cycle));
        };
    }

    /** The letter the reference names: the decision letter (grant or refusal) to that recipient in that cycle. */
    static Optional<LetterRepository.Letter> letterOf(String typed, CycleRepository cycles, LetterRepository letters) {
        Matcher m = LETTER_REFERENCE.matcher(typed == null ? "" : typed.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Office embete = Office.fromSlug(m.group(1));
            Scheme scheme = Scheme.valueOf(m.group(2));
            String organisationNumber = m.group(4) + m.group(5) + m.group(6);
            return cycles.findCycle(embete, scheme, Integer.parseInt(m.group(3))).flatMap(cycle ->
                    letters.find(cycle.id(), organisationNumber, LetterRepository.Kind.TILSAGN).or(() ->
                            letters.find(cycle.id(), organisationNumber, LetterRepository.Kind.AVSLAG)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String ownerGroup(LetterRepository.Letter letter) {
        return IdentityGroups.owner(new OrganisationNumber(letter.organisationNumber()));
    }

    private static String freeText(CycleRepository cycles, CycleRepository.Cycle cycle) {
        Money decided = cycles.decided(cycle.id());
        Money distributable = cycles.distributable(cycle);
        return "Rammen til fordeling er " + distributable.format() + "; vedtatt " + decided.format() + "; ledig "
                + distributable.minus(decided).format() + ".";
    }

    @Bean
    JavaDelegate recordComplaintAssessmentDelegate(Complaints complaints, CycleRepository cycles,
                                                   PersonDirectory people, Clock clock) {
        return execution -> {
            Complaints.Complaint complaint = complaints.complaint(text(execution, COMPLAINT_ID));
            List<Violation> problems = new ArrayList<>();
            String outcome = text(execution, OUTCOME);
            String assessment = FreeText.check(execution.getVariable(ASSESSMENT), ASSESSMENT, "Vurderingen", 20,
                    "BEGRUNNELSE", problems);
            Money after = null;
            if (UPHOLD.equals(outcome)) {
                after = newAmount(execution, NEW_AMOUNT, "Nytt beløp", complaint, cycles, problems);
            } else if (!KEEP.equals(outcome)) {
                problems.add(new Violation(OUTCOME, "PÅKREVD", "Velg om klagen tas til følge eller ikke."));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            String person = EngineContext.currentUserId(execution);
            complaints.assess(complaint.id(), after != null, after, assessment, person, clock.instant());
            execution.setVariable(ASSESSMENT, assessment);
            execution.setVariable(ASSESSED_BY_NAME, people.plainName(person));
            execution.setVariable(NEW_AMOUNT_TEXT, after == null ? "" : after.format() + " (" + differenceText(
                    after.minus(complaint.before())) + ")");
        };
    }

    @Bean
    JavaDelegate recordComplaintApprovalDelegate(Complaints complaints, Clock clock) {
        return execution -> {
            Complaints.Complaint complaint = complaints.complaint(text(execution, COMPLAINT_ID));
            String leader = EngineContext.currentUserId(execution);
            String choice = text(execution, APPROVAL);
            List<Violation> problems = new ArrayList<>();
            if (leader != null && leader.equals(complaint.assessedBy())) {
                problems.add(new Violation(APPROVAL, "TO_PERSONER", "Du vurderte selv klagen, og kan derfor ikke"
                        + " godkjenne det nye vedtaket. En annen leder må godkjenne det (økonomiregelverket 6.3:"
                        + " godkjent av en annen enn den som forberedte)."));
            }
            if (RETURN.equals(choice)) {
                FreeText.check(execution.getVariable(LEADER_COMMENT), LEADER_COMMENT, "Merknaden til saksbehandleren",
                        1, "R8", problems);
            } else if (!APPROVE.equals(choice)) {
                problems.add(new Violation(APPROVAL, "PÅKREVD",
                        "Velg om du godkjenner det nye vedtaket eller sender klagen tilbake."));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            boolean approved = APPROVE.equals(choice);
            if (approved) {
                complaints.decide(complaint.id(), Complaints.Status.OMGJORT, complaint.after(), leader, null,
                        clock.instant());
                outcome(execution, complaints.complaint(complaint.id()));
            } else {
                complaints.sendBack(complaint.id());
            }
            execution.setVariable(APPROVED, approved);
        };
    }

    @Bean
    JavaDelegate recordUdirDecisionDelegate(Complaints complaints, CycleRepository cycles, Clock clock) {
        return execution -> {
            Complaints.Complaint complaint = complaints.complaint(text(execution, COMPLAINT_ID));
            List<Violation> problems = new ArrayList<>();
            String choice = text(execution, UDIR_OUTCOME);
            String reasons = FreeText.check(execution.getVariable(UDIR_REASONS), UDIR_REASONS, "Begrunnelsen", 20,
                    "BEGRUNNELSE", problems);
            Money after = complaint.before();
            if (UDIR_CHANGES.equals(choice)) {
                after = newAmount(execution, UDIR_AMOUNT, "Nytt beløp", complaint, cycles, problems);
            } else if (!UDIR_KEEPS.equals(choice)) {
                problems.add(new Violation(UDIR_OUTCOME, "PÅKREVD", "Velg om vedtaket stadfestes eller omgjøres."));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            complaints.decide(complaint.id(), UDIR_CHANGES.equals(choice) ? Complaints.Status.OMGJORT_AV_UDIR
                            : Complaints.Status.STADFESTET, after, EngineContext.currentUserId(execution), reasons,
                    clock.instant());
            execution.setVariable(UDIR_REASONS, reasons);
            outcome(execution, complaints.complaint(complaint.id()));
        };
    }

    @Bean
    JavaDelegate complaintClaimDelegate(Complaints complaints, CycleRepository cycles, Claims claims,
                                        @Value("${kompetansemidler.brev.innbetalingskonto}") String account,
                                        @Value("${kompetansemidler.brev.krav-frist-dager:30}") int dueDays,
                                        Clock clock) {
        String to = AccountNumber.parse(account).value();
        return execution -> {
            Complaints.Complaint complaint = complaints.complaint(text(execution, COMPLAINT_ID));
            Money claimed = Money.ZERO.minus(complaint.difference());
            claims.open(cycles.decision(complaint.decisionId()), Claims.Kind.KLAGE, claimed, to,
                    LocalDate.now(clock.withZone(OSLO)).plusDays(dueDays), decider(complaint), clock.instant());
        };
    }

    @Bean
    JavaDelegate complaintPaymentBatchDelegate(Complaints complaints, CycleRepository cycles, PaymentBatches batches,
                                               Clock clock) {
        return execution -> {
            Complaints.Complaint complaint = complaints.complaint(text(execution, COMPLAINT_ID));
            batches.make(complaint.cycleId(), cycles.cycle(complaint.cycleId()).reference(), complaint.assessedBy(),
                    decider(complaint), clock.instant())
                    .ifPresent(batch -> execution.setVariable(CycleVariables.PAYMENT_BATCH_ID, batch.id()));
        };
    }

    /** Who made the new decision: the leader who approved the caseworker's, or Udir. */
    private static String decider(Complaints.Complaint complaint) {
        return complaint.udirBy() != null ? complaint.udirBy() : complaint.approvedBy();
    }

    private static void outcome(DelegateExecution execution, Complaints.Complaint complaint) {
        execution.setVariable(RESULT, complaint.status().name());
        if (complaint.decisionId() != null) {
            execution.setVariable(CycleVariables.DECISION_ID, complaint.decisionId());
        }
        execution.setVariable(DIFFERENCE, complaint.difference().ore());
    }

    /**
     * The new amount typed in kroner: a valid amount, not what was decided, and within the frame to distribute (R6):
     * the cycle's decisions with this one changed may not exceed it.
     */
    private static Money newAmount(DelegateExecution execution, String field, String label,
                                   Complaints.Complaint complaint, CycleRepository cycles, List<Violation> problems) {
        String typed = text(execution, field);
        if (typed == null || typed.isBlank()) {
            problems.add(new Violation(field, "PÅKREVD", "«" + label + "» må fylles ut når vedtaket endres."));
            return null;
        }
        Optional<String> wrong = Money.problemWith(typed);
        if (wrong.isPresent()) {
            problems.add(new Violation(field, "FORMAT", "«" + label + "»: " + wrong.get()));
            return null;
        }
        Money after = Money.parse(typed);
        if (after.equals(complaint.before())) {
            problems.add(new Violation(field, "KLAGE", "«" + label + "» er det samme som vedtaket, "
                    + after.format() + ". Skal vedtaket stå, er klagen ikke tatt til følge."));
            return null;
        }
        CycleRepository.Cycle cycle = cycles.cycle(complaint.cycleId());
        Money decided = cycles.decided(cycle.id());
        Money total = decided.minus(complaint.before()).plus(after);
        Money distributable = cycles.distributable(cycle);
        if (total.isGreaterThan(distributable)) {
            problems.add(new Violation(field, "R6", "Med " + after.format() + " blir vedtakene i syklusen til sammen "
                    + total.format() + ", mer enn rammen til fordeling, " + distributable.format() + ". Høyst "
                    + distributable.minus(decided).plus(complaint.before()).format() + " er mulig."));
            return null;
        }
        return after;
    }

    static String differenceText(Money difference) {
        if (difference.isPositive()) {
            return difference.format() + " etterbetales";
        }
        return difference.isNegative() ? Money.ZERO.minus(difference).format() + " kreves tilbake" : "ingen forskjell";
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString().trim();
    }
}
