package no.kompetansemidler.application;

import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.cycle.CycleRepository;
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

import java.util.List;

/**
 * The owners' receipts: the list of the signed-in person's own (GET /api/kvitteringer), and each as a PDF. An
 * owner's users read their own organisation's; the embete's caseworkers, auditors and administrators read all of
 * the embete's.
 */
@RestController
class ReceiptController {

    private final Receipts receipts;
    private final CycleRepository cycles;
    private final ApiAccess access;

    ReceiptController(Receipts receipts, CycleRepository cycles, ApiAccess access) {
        this.receipts = receipts;
        this.cycles = cycles;
        this.access = access;
    }

    @GetMapping("/api/kvitteringer")
    List<Receipts.Entry> mine() {
        return receipts.of(access.current().ownerOrganisations());
    }

    @GetMapping("/api/kvitteringer/{syklusId}/{eier}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable("syklusId") String cycleId, @PathVariable("eier") String owner) {
        mayRead(cycleId, owner);
        return document(receipts.pdf(cycleId, owner), "kvittering-behovsmelding-" + owner + ".pdf");
    }

    @GetMapping("/api/kvitteringer/{syklusId}/{eier}/egenvurdering.pdf")
    ResponseEntity<byte[]> selfEvaluation(@PathVariable("syklusId") String cycleId, @PathVariable("eier") String owner) {
        mayRead(cycleId, owner);
        return document(receipts.selfEvaluationPdf(cycleId, owner), "kvittering-egenvurdering-" + owner + ".pdf");
    }

    /** The owner's own users, or those who read the cycle's embete; 404 when there is no such cycle. */
    private void mayRead(String cycleId, String owner) {
        ApiUser user = access.current();
        if (!user.ownerOrganisations().contains(owner)) {
            access.requireRead(cycles.findCycle(cycleId).orElseThrow(() -> new ResponseStatusException(
                    HttpStatus.NOT_FOUND)).office());
        }
    }

    private static ResponseEntity<byte[]> document(java.util.Optional<byte[]> pdf, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
                .body(pdf.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }
}
