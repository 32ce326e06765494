package no.kompetansemidler.masterdata;

import no.kompetansemidler.domain.organisation.NewPrivateOwner;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.engine.EngineContext;
import no.kompetansemidler.identity.IdentityGroups;
import no.kompetansemidler.security.CaseAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Registrer eier" of the model registrer-privat-eier: the caseworker's start form, registered. */
@Component("registerPrivateOwnerDelegate")
class RegisterPrivateOwnerDelegate implements JavaDelegate {

    static final String ORGANISATION_NUMBER = "organisasjonsnummer";
    static final String NAME = "navn";
    static final String KIND = "eiertype";
    static final String EMBETE = "embete";
    static final String CONTACT_EMAIL = "kontaktEpost";

    private final OwnerRegistration registration;
    private final CaseAccess caseAccess;

    RegisterPrivateOwnerDelegate(OwnerRegistration registration, CaseAccess caseAccess) {
        this.registration = registration;
        this.caseAccess = caseAccess;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NewPrivateOwner request = new NewPrivateOwner(
                text(execution, ORGANISATION_NUMBER), text(execution, NAME),
                text(execution, KIND), text(execution, EMBETE),
                text(execution, CONTACT_EMAIL));
        // who registers is who is logged in, never a value the start could carry (such as the initiator variable)
        Owner owner = registration.register(request, EngineContext.currentUserId(execution));
        execution.setVariable(ORGANISATION_NUMBER, owner.organisationNumber().value());
        execution.setProcessBusinessKey("eier-" + owner.organisationNumber().value());
        caseAccess.caseworkers(execution.getProcessInstanceId(), IdentityGroups.caseworkers(request.office()));
    }

    /** A text from the start form; anything else (a number where text belongs) is refused with the field named. */
    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value != null && !(value instanceof String)) {
            throw new no.kompetansemidler.domain.validation.ValidationException(java.util.List.of(
                    new no.kompetansemidler.domain.validation.Violation(name, "TYPE", "«" + name + "» må være tekst.")));
        }
        return (String) value;
    }
}
