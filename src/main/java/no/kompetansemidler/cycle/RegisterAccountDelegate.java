package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.organisation.AccountNumber;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.engine.EngineContext;
import no.kompetansemidler.identity.IdentityGroups;
import no.kompetansemidler.masterdata.MasterDataRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Service task "Lagre kontonummeret", after the caseworker's task «Registrer kontonummer for …»: checks the account
 * number (eleven digits, MOD11) and registers it as the recipient's account in the master data; the payment then
 * runs again, once. An owner's account is registered by the caseworker of the case; a UH institution's, which
 * every embete pays, only by an administrator, as on the master-data API. A refusal stores nothing and keeps the
 * task open.
 */
@Component("registerAccountDelegate")
class RegisterAccountDelegate implements JavaDelegate {

    private final MasterDataRepository masterData;

    RegisterAccountDelegate(MasterDataRepository masterData) {
        this.masterData = masterData;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String typed = ProcessSupport.text(execution, CycleVariables.ACCOUNT);
        String digits = typed == null ? "" : typed.replaceAll("[ .]", "");
        if (digits.isEmpty()) {
            throw refused("PÅKREVD", "Oppgi kontonummeret, for eksempel 1503.12.34562.");
        }
        AccountNumber.problemWith(digits).ifPresent(problem -> {
            throw refused("KONTONR", problem);
        });
        OrganisationNumber recipient = new OrganisationNumber(ProcessSupport.text(execution, CycleVariables.RECIPIENT));
        if (masterData.findOwner(recipient).isEmpty()
                && !EngineContext.currentGroupIds(execution).contains(IdentityGroups.ADMINISTRATORS)) {
            throw refused("TILGANG", "Mottakeren er en UH-institusjon, som alle embetene utbetaler til; kontonummeret"
                    + " dens registreres av en administrator. Be en administrator fullføre oppgaven.");
        }
        masterData.setAccountNumber(recipient, AccountNumber.parse(digits));
    }

    private static ValidationException refused(String rule, String message) {
        return new ValidationException(List.of(new Violation(CycleVariables.ACCOUNT, rule, message)));
    }
}
