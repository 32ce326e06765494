package no.kompetansemidler.masterdata;

import no.kompetansemidler.domain.organisation.NewPrivateOwner;
import no.kompetansemidler.domain.organisation.Owner;
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
    static final String REGISTERED_BY = "registrertAv";

    private final OwnerRegistration registration;
    private final CaseAccess caseAccess;

    RegisterPrivateOwnerDelegate(OwnerRegistration registration, CaseAccess caseAccess) {
        this.registration = registration;
        this.caseAccess = caseAccess;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NewPrivateOwner request = new NewPrivateOwner(
                (String) execution.getVariable(ORGANISATION_NUMBER), (String) execution.getVariable(NAME),
                (String) execution.getVariable(KIND), (String) execution.getVariable(EMBETE),
                (String) execution.getVariable(CONTACT_EMAIL));
        Owner owner = registration.register(request, (String) execution.getVariable(REGISTERED_BY));
        execution.setVariable(ORGANISATION_NUMBER, owner.organisationNumber().value());
        execution.setProcessBusinessKey("eier-" + owner.organisationNumber().value());
        caseAccess.caseworkers(execution.getProcessInstanceId(), IdentityGroups.caseworkers(owner.embete()));
    }
}
