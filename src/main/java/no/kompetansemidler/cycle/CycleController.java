package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.organisation.AccountNumber;
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

    CycleController(CycleRepository cycles, MasterDataRepository masterData) {
        this.cycles = cycles;
        this.masterData = masterData;
    }

    @GetMapping(value = "/api/rapporter/{syklusId}", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    ResponseEntity<String> report(@PathVariable("syklusId") String cycleId) {
        return ResponseEntity.of(cycles.report(cycleId));
    }

    @GetMapping("/api/sykluser/{syklusId}/utbetalinger")
    List<PaymentView> payments(@PathVariable("syklusId") String cycleId) {
        return cycles.payments(cycleId).stream().map(p -> new PaymentView(p.organisationNumber(), p.amount().ore(),
                p.amount().format(), p.accountNumber(), p.paidAt().toString())).toList();
    }

    @PutMapping("/api/stamdata/kontonummer/{organisasjonsnummer}")
    ResponseEntity<Void> registerAccount(@PathVariable("organisasjonsnummer") String organisationNumber,
                                         @RequestBody AccountRequest request) {
        OrganisationNumber number = OrganisationNumber.parse(organisationNumber);
        AccountNumber account = AccountNumber.parse(request.kontonummer());
        return masterData.setAccountNumber(number, account) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }
}
