package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;

import no.kompetansemidler.domain.organisation.AccountNumber;
import no.kompetansemidler.domain.organisation.Embete;
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
    private final ApiAccess access;

    CycleController(CycleRepository cycles, MasterDataRepository masterData, ApiAccess access) {
        this.cycles = cycles;
        this.masterData = masterData;
        this.access = access;
    }

    /** The report: the embete's caseworkers, auditors and administrators. */
    @GetMapping(value = "/api/rapporter/{syklusId}", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    ResponseEntity<String> report(@PathVariable("syklusId") String cycleId) {
        access.requireRead(embeteOf(cycleId));
        return ResponseEntity.of(cycles.report(cycleId));
    }

    /** The payments: the embete's caseworkers, auditors and administrators. */
    @GetMapping("/api/sykluser/{syklusId}/utbetalinger")
    List<PaymentView> payments(@PathVariable("syklusId") String cycleId) {
        access.requireRead(embeteOf(cycleId));
        return cycles.payments(cycleId).stream().map(p -> new PaymentView(p.organisationNumber(), p.amount().ore(),
                p.amount().format(), p.accountNumber(), p.paidAt().toString())).toList();
    }

    private Embete embeteOf(String cycleId) {
        return embeteOf(cycles, cycleId);
    }

    /** The cycle's embete, for the access check; 404 when there is no such cycle. */
    static Embete embeteOf(CycleRepository cycles, String cycleId) {
        return cycles.findCycle(cycleId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)).embete();
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
        Embete embete = owner.map(Owner::embete).orElse(null);
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
