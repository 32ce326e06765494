package no.kompetansemidler.letters;

import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.cycle.PaymentBatches;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.security.ApiAccess;
import no.kompetansemidler.security.ApiUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The letters and payment files (docs/api.md): an owner's users read the letters to their own organisation
 * («Mine brev»); the embete's caseworkers, leaders, auditors and administrators read every letter and payment file
 * of its cycles. Anyone else gets 404 for a letter, as if it did not exist.
 */
@RestController
class LetterController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Oslo"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** A letter as the lists show it. */
    record Entry(String id, String syklusId, String mottaker, String mottakerNavn, String embete, String ordning,
                 int aar, String hva, String tittel, long innvilgetOre, String innvilget, long soktOre, String sokt,
                 String belop, String klagefrist, String skrevet, String status, String statusTekst, String levert, String lenke,
                 String referanse) {
    }

    /** A payment file as the list shows it. */
    record BatchEntry(String id, int nummer, int linjer, long sumOre, String sum, String forberedtAv,
                      String godkjentAv, String laget, String lenke) {
    }

    /** A claim (R15) as the list shows it. */
    record ClaimEntry(String id, String vedtakId, String mottaker, String mottakerNavn, long belopOre, String belop,
                      String kontonummer, String frist, String status, Long innbetaltOre, String innbetalt) {
    }

    /** What the caseworker records when a claim is paid back: the amount and the day (dd.mm.åååå or åååå-mm-dd). */
    record PaidBack(String belop, String dato) {
    }

    private final LetterRepository letters;
    private final no.kompetansemidler.cycle.Claims claims;
    private final no.kompetansemidler.cycle.SignOffs signOffs;
    private final java.time.Clock clock;
    private final CycleRepository cycles;
    private final PaymentBatches batches;
    private final ApiAccess access;
    private final no.kompetansemidler.security.PersonDirectory people;

    LetterController(LetterRepository letters, CycleRepository cycles, PaymentBatches batches, ApiAccess access,
                     no.kompetansemidler.security.PersonDirectory people, no.kompetansemidler.cycle.Claims claims,
                     no.kompetansemidler.cycle.SignOffs signOffs, java.time.Clock clock) {
        this.claims = claims;
        this.signOffs = signOffs;
        this.clock = clock;
        this.letters = letters;
        this.cycles = cycles;
        this.batches = batches;
        this.access = access;
        this.people = people;
    }

    @GetMapping("/api/brev")
    List<Entry> mine() {
        return letters.to(access.current().ownerOrganisations()).stream().map(this::entry).toList();
    }

    @GetMapping("/api/sykluser/{syklusId}/brev")
    List<Entry> ofCycle(@PathVariable("syklusId") String cycleId) {
        access.requireDecisions(embete(cycleId));
        return letters.ofCycle(cycleId).stream().map(this::entry).toList();
    }

    @GetMapping("/api/brev/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable("id") String id) {
        LetterRepository.Letter letter = letters.find(id).filter(this::mayRead)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\""
                        + LetterDelegates.fileName(letter, cycles.cycle(letter.cycleId())) + "\"")
                .body(letters.pdf(id).orElseThrow());
    }

    @GetMapping("/api/sykluser/{syklusId}/utbetalingsfiler")
    List<BatchEntry> batches(@PathVariable("syklusId") String cycleId) {
        access.requireDecisions(embete(cycleId));
        return batches.of(cycleId).stream().map(this::batchEntry).toList();
    }

    private BatchEntry batchEntry(PaymentBatches.Batch b) {
        return new BatchEntry(b.id(), b.number(), b.lines(), b.total().ore(), b.total().format(),
                people.displayName(b.preparedBy()), people.displayName(b.approvedBy()), TIME.format(b.createdAt()),
                "/api/utbetalingsfiler/" + b.id() + ".csv");
    }

    /**
     * A payment file now, of the payments ready and in no file yet: so that one recipient still without an account
     * does not hold back the others. The embete's caseworkers and administrators; the decisions must be approved.
     */
    @org.springframework.web.bind.annotation.PostMapping("/api/sykluser/{syklusId}/utbetalingsfiler")
    ResponseEntity<BatchEntry> makeBatch(@PathVariable("syklusId") String cycleId) {
        CycleRepository.Cycle cycle = cycles.findCycle(cycleId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        access.requireWork(cycle.office());
        var approval = signOffs.approval(cycleId).orElseThrow(() -> new no.kompetansemidler.domain.validation
                .ValidationException(List.of(new no.kompetansemidler.domain.validation.Violation("syklus",
                "GODKJENNING", "Vedtakene i syklusen er ikke godkjent av en leder ennå; ingen utbetalingsfil lages."))));
        var batch = batches.make(cycleId, cycle.office().slug() + "-" + cycle.scheme().name() + "-" + cycle.year(),
                approval.preparedBy(), approval.decidedBy(), clock.instant()).orElseThrow(() ->
                new no.kompetansemidler.domain.validation.ValidationException(List.of(
                        new no.kompetansemidler.domain.validation.Violation("utbetalinger", "INGEN",
                                "Ingen utbetalinger venter på en utbetalingsfil i syklusen."))));
        return ResponseEntity.status(HttpStatus.CREATED).body(batchEntry(batch));
    }

    @GetMapping("/api/utbetalingsfiler/{id}.csv")
    ResponseEntity<byte[]> batchFile(@PathVariable("id") String id) {
        PaymentBatches.Batch batch = batches.batch(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        access.requireDecisions(embete(batch.cycleId()));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"utbetalingsfil-" + batch.number()
                        + "-" + batch.cycleId() + ".csv\"")
                .body(batches.file(id).orElseThrow().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/sykluser/{syklusId}/krav")
    List<ClaimEntry> claims(@PathVariable("syklusId") String cycleId) {
        access.requireDecisions(embete(cycleId));
        return claims.of(cycleId).stream().map(this::claimEntry).toList();
    }

    @org.springframework.web.bind.annotation.PostMapping(value = "/api/krav/{id}/innbetaling",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ClaimEntry paidBack(@PathVariable("id") String id,
                        @org.springframework.web.bind.annotation.RequestBody PaidBack paid) {
        var claim = claims.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        access.requireWork(embete(claim.cycleId()));
        List<no.kompetansemidler.domain.validation.Violation> problems = new java.util.ArrayList<>();
        var amount = paid == null || paid.belop() == null ? java.util.Optional.<no.kompetansemidler.domain.money.Money>empty()
                : no.kompetansemidler.domain.money.Money.tryParse(paid.belop());
        if (amount.isEmpty()) {
            problems.add(new no.kompetansemidler.domain.validation.Violation("belop", "BELØP",
                    "Skriv beløpet som kom inn, i kroner (f.eks. 100 000 eller 100 000,50)."));
        }
        java.time.LocalDate day = paid == null ? null : day(paid.dato());
        if (day == null) {
            problems.add(new no.kompetansemidler.domain.validation.Violation("dato", "DATO",
                    "Skriv datoen pengene kom inn, som dd.mm.åååå."));
        }
        if (!problems.isEmpty()) {
            throw new no.kompetansemidler.domain.validation.ValidationException(problems);
        }
        return claimEntry(claims.recordPaid(id, amount.get(), day, java.time.LocalDate.now(clock.withZone(
                java.time.ZoneId.of("Europe/Oslo"))), access.current().id(), clock.instant()));
    }

    private static java.time.LocalDate day(String typed) {
        if (typed == null) {
            return null;
        }
        for (String pattern : List.of("dd.MM.uuuu", "uuuu-MM-dd")) {
            try {
                return java.time.LocalDate.parse(typed.trim(), DateTimeFormatter.ofPattern(pattern)
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT));
            } catch (java.time.format.DateTimeParseException notThis) {
                // the next pattern
            }
        }
        return null;
    }

    private ClaimEntry claimEntry(no.kompetansemidler.cycle.Claims.Claim c) {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Oslo")));
        String status = c.settled() ? "Innbetalt " + DAY.format(c.paidOn())
                : (today.isAfter(c.dueDate()) ? "Forfalt" : "Åpent") + (c.paid() == null ? ", ikke innbetalt"
                : ", delvis innbetalt: " + c.remaining().format() + " står igjen");
        return new ClaimEntry(c.id(), c.decisionId(), c.organisationNumber(), c.name(), c.amount().ore(),
                c.amount().format(), new no.kompetansemidler.domain.organisation.AccountNumber(c.accountNumber()).formatted(),
                DAY.format(c.dueDate()), status, c.paid() == null ? null : c.paid().ore(),
                c.paid() == null ? "" : c.paid().format());
    }

    private boolean mayRead(LetterRepository.Letter letter) {
        ApiUser user = access.current();
        return user.ownerOrganisations().contains(letter.organisationNumber())
                || cycles.findCycle(letter.cycleId()).map(c -> user.mayReadDecisions(c.office())).orElse(false);
    }

    private Office embete(String cycleId) {
        return cycles.findCycle(cycleId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)).office();
    }

    private Entry entry(LetterRepository.Letter l) {
        CycleRepository.Cycle cycle = cycles.cycle(l.cycleId());
        return new Entry(l.id(), l.cycleId(), l.organisationNumber(), l.name(), cycle.office().displayName(),
                cycle.scheme().name(), cycle.year(), l.kind() == LetterRepository.Kind.KLAGE
                ? l.title().substring(0, Math.max(0, l.title().indexOf(" – "))) : l.kind().displayName(), l.title(), l.granted().ore(),
                l.granted().format(), l.applied().ore(), l.applied().format(), switch (l.kind()) {
                    case TILSAGN -> "Innvilget " + l.granted().format() + " (søkt " + l.applied().format() + ")";
                    case AVSLAG -> "Søkt " + l.applied().format() + ", ikke innvilget";
                    case KRAV -> "Krav om " + l.granted().format();
                    case KLAGE -> l.granted().equals(l.applied()) ? "Uendret: " + l.granted().format()
                            : "Etter klage: " + l.granted().format() + " (før: " + l.applied().format() + ")";
                }, isFinal(l) ? "kan ikke påklages" : DAY.format(l.complaintDeadline()),
                TIME.format(l.writtenAt()), l.status().name(), l.status().displayName(),
                l.deliveredAt() == null ? "" : TIME.format(l.deliveredAt()), "/api/brev/" + l.id() + ".pdf",
                LetterWriter.reference(cycle, l.organisationNumber()) + switch (l.kind()) {
                    case TILSAGN, AVSLAG -> "";
                    case KRAV -> "/krav";
                    case KLAGE -> "/klage";
                });
    }

    /** A complaint body's decision (Udir's), which cannot be complained on: its deadline is the day it was written. */
    private static boolean isFinal(LetterRepository.Letter l) {
        return l.kind() == LetterRepository.Kind.KLAGE
                && !l.complaintDeadline().isAfter(l.writtenAt().atZone(java.time.ZoneId.of("Europe/Oslo")).toLocalDate());
    }
}
