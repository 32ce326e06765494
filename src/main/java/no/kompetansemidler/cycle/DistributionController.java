package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.security.ApiAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The distribution page's API: the cycle's distribution (the newest version, or rows prefilled from the need
 * reports), a check of rows without saving, and a save as the next version. The embete's caseworkers work it;
 * its auditors and administrators read it. A change is JSON only (a cross-site form cannot send it).
 */
@RestController
class DistributionController {

    /** The rows as typed, and the distribution key. */
    record Rows(String nokkel, List<Map<String, String>> rader) {
    }

    private final Distributions distributions;
    private final CycleRepository cycles;
    private final ApiAccess access;

    DistributionController(Distributions distributions, CycleRepository cycles, ApiAccess access) {
        this.distributions = distributions;
        this.cycles = cycles;
        this.access = access;
    }

    @GetMapping("/api/sykluser/{syklusId}/fordeling")
    Distributions.View view(@PathVariable("syklusId") String cycleId) {
        access.requireRead(officeOf(cycleId));
        return distributions.view(cycleId);
    }

    @GetMapping("/api/sykluser/{syklusId}/fordeling/mottakere")
    Map<String, String> recipients(@PathVariable("syklusId") String cycleId) {
        access.requireRead(officeOf(cycleId));
        return distributions.recipients(cycleId);
    }

    @PostMapping(value = "/api/sykluser/{syklusId}/fordeling/kontroll", consumes = MediaType.APPLICATION_JSON_VALUE)
    Distributions.Preview check(@PathVariable("syklusId") String cycleId, @RequestBody Rows rows) {
        access.requireWork(officeOf(cycleId));
        return distributions.check(cycleId, rows.nokkel(), rows.rader());
    }

    @PostMapping(value = "/api/sykluser/{syklusId}/fordeling", consumes = MediaType.APPLICATION_JSON_VALUE)
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    Distributions.View save(@PathVariable("syklusId") String cycleId, @RequestBody Rows rows) {
        access.requireWork(officeOf(cycleId));
        return distributions.save(cycleId, rows.nokkel(), rows.rader(), access.current().id());
    }

    private Office officeOf(String cycleId) {
        return CycleController.officeOf(cycles, cycleId);
    }
}
