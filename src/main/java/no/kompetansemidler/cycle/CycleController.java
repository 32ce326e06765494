package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;

import no.kompetansemidler.domain.organisation.AccountNumber;
import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.security.ApiAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.masterdata.MasterDataRepository;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The yearly report as a document, the payments of a cycle, and registering a recipient's bank account. */
@RestController
class CycleController {

    record PaymentView(String organisationNumber, long amountOre, String amount, String accountNumber, String paidAt) {
    }

    record AccountRequest(String kontonummer) {
    }

    private final CycleRepository cycles;
    private final MasterDataRepository masterData;
    private final SelfEvaluationReviews reviews;
    private final ApiAccess access;
    private final no.kompetansemidler.funding.SchemeCatalogue schemes;
    private final JointMeetings meetings;

    CycleController(CycleRepository cycles, MasterDataRepository masterData, SelfEvaluationReviews reviews,
                    ApiAccess access, no.kompetansemidler.funding.SchemeCatalogue schemes, JointMeetings meetings) {
        this.meetings = meetings;
        this.schemes = schemes;
        this.cycles = cycles;
        this.masterData = masterData;
        this.reviews = reviews;
        this.access = access;
    }

    /** The report: the embete's caseworkers and leaders, auditors, Udir and administrators. */
    @GetMapping(value = "/api/rapporter/{syklusId}", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    ResponseEntity<String> report(@PathVariable("syklusId") String cycleId) {
        access.requireOverview(officeOf(cycleId));
        return ResponseEntity.of(cycles.report(cycleId));
    }

    /** The report as data (schema kompetansemidler-arsrapport/1, docs/api.md), once it has been made. */
    @GetMapping("/api/rapporter/{syklusId}/json")
    ResponseEntity<YearlyReport.Data> reportData(@PathVariable("syklusId") String cycleId) {
        access.requireOverview(officeOf(cycleId));
        return ResponseEntity.of(cycles.reportMadeAt(cycleId)
                .map(made -> YearlyReport.data(YearlyReport.Inputs.load(cycles, schemes, cycleId), made)));
    }

    /** The report's recipients as CSV, the same fields as the JSON's «mottakere». */
    @GetMapping("/api/rapporter/{syklusId}/csv")
    ResponseEntity<byte[]> reportCsv(@PathVariable("syklusId") String cycleId) {
        access.requireOverview(officeOf(cycleId));
        return cycles.reportMadeAt(cycleId).map(made -> {
            YearlyReport.Data data = YearlyReport.data(YearlyReport.Inputs.load(cycles, schemes, cycleId), made);
            return ResponseEntity.ok()
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"arsrapport-"
                            + data.embete() + "-" + data.ordning() + "-" + data.aar() + ".csv\"")
                    .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .body(YearlyReport.csv(data).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The payments: the embete's caseworkers, auditors and administrators. */
    @GetMapping("/api/sykluser/{syklusId}/utbetalinger")
    List<PaymentView> payments(@PathVariable("syklusId") String cycleId) {
        access.requireRead(officeOf(cycleId));
        return cycles.payments(cycleId).stream().map(p -> new PaymentView(p.organisationNumber(), p.amount().ore(),
                p.amount().format(), p.accountNumber(), p.paidAt().toString())).toList();
    }

    record Approval(List<String> oppgaver, Boolean overforing) {
    }

    /** The self-evaluations waiting for review: the embete's caseworkers (who review them). */
    @GetMapping("/api/sykluser/{syklusId}/egenvurderinger")
    List<SelfEvaluationReviews.Waiting> waitingReviews(@PathVariable("syklusId") String cycleId) {
        access.requireWork(officeOf(cycleId));
        return reviews.waiting(cycleId);
    }

    /** Approves the chosen self-evaluations, each as its own decision; JSON only (a cross-site form cannot send it). */
    @org.springframework.web.bind.annotation.PostMapping(value = "/api/sykluser/{syklusId}/egenvurderinger/godkjenning",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    List<SelfEvaluationReviews.Outcome> approveReviews(@PathVariable("syklusId") String cycleId,
                                                       @RequestBody Approval approval) {
        access.requireWork(officeOf(cycleId));
        return reviews.approve(cycleId, approval == null ? null : approval.oppgaver(),
                approval != null && Boolean.TRUE.equals(approval.overforing()), access.current().id());
    }

    private Office officeOf(String cycleId) {
        return officeOf(cycles, cycleId);
    }

    /**
     * A forum meeting held for several schemes: its agenda and each scheme's recommendation as recorded (docs/api.md,
     * «Felles forummøte»); for those who may see the embete's overview.
     */
    @GetMapping("/api/forummoter/{id}")
    ResponseEntity<JointMeetings.Record> jointMeeting(@PathVariable("id") String id) {
        access.requireOverview(meetings.embeteOf(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return ResponseEntity.of(meetings.record(id));
    }

    /** The cycle's office (embete or fylkeskommune), for the access check; 404 when there is no such cycle. */
    static Office officeOf(CycleRepository cycles, String cycleId) {
        return cycles.findCycle(cycleId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)).office();
    }

    /** A recipient's bank account: the owner's embete's caseworkers; a UH institution's: administrators. */
    @PutMapping("/api/stamdata/kontonummer/{organisasjonsnummer}")
    ResponseEntity<Void> registerAccount(@PathVariable("organisasjonsnummer") String organisationNumber,
                                         @RequestBody AccountRequest request) {
        String digits = organisationNumber.replace(" ", "").trim();
        OrganisationNumber.problemWith(digits).ifPresent(problem -> {
            throw new ValidationException(List.of(new Violation("organisasjonsnummer", "ORGNR", problem)));
        });
        OrganisationNumber number = OrganisationNumber.parse(organisationNumber);
        java.util.Optional<Owner> owner = masterData.findOwner(number);
        if (owner.isEmpty() && masterData.findUhInstitution(number).isEmpty()) {
            throw new ValidationException(List.of(new Violation("organisasjonsnummer", "R2", "Organisasjonsnummeret "
                    + number.value() + " er ikke en eier eller en UH-institusjon i stamdataene; bare de kan få midler.")));
        }
        if (request == null || request.kontonummer() == null || request.kontonummer().isBlank()) {
            throw new ValidationException(List.of(new Violation("kontonummer", "PÅKREVD",
                    "Oppgi kontonummeret, for eksempel 1503.12.34562.")));
        }
        Office embete = owner.map(masterData::office).orElse(null);
        if (embete == null ? !access.current().isAdministrator() : !access.current().mayWork(embete)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        AccountNumber.problemWith(request.kontonummer().replaceAll("[ .]", "")).ifPresent(problem -> {
            throw new ValidationException(List.of(new Violation("kontonummer", "KONTONR", problem)));
        });
        AccountNumber account = AccountNumber.parse(request.kontonummer());
        return masterData.setAccountNumber(number, account) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }
}
