package no.kompetansemidler.masterdata;

import no.kompetansemidler.domain.organisation.County;
import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.domain.organisation.NewPrivateOwner;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.identity.IdentityGroups;
import no.kompetansemidler.identity.IdentityProvisioning;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers a private school or kindergarten owner on behalf of a caseworker of the owner's embete: validates,
 * stores the owner with its schemes and creates the owner's group, in one transaction.
 */
@Service
public class OwnerRegistration {

    private final MasterDataRepository masterData;
    private final IdentityProvisioning provisioning;
    private final IdentityService identityService;
    private final Clock clock;
    private final no.kompetansemidler.funding.SchemeCatalogue schemes;

    OwnerRegistration(MasterDataRepository masterData, IdentityProvisioning provisioning,
                      IdentityService identityService, Clock clock, no.kompetansemidler.funding.SchemeCatalogue schemes) {
        this.schemes = schemes;
        this.masterData = masterData;
        this.provisioning = provisioning;
        this.identityService = identityService;
        this.clock = clock;
    }

    /** Registers the owner, or throws a {@link ValidationException} naming every problem; then nothing is stored. */
    @Transactional
    public Owner register(NewPrivateOwner request, String registeredBy) {
        List<Violation> problems = new ArrayList<>(request.validate());
        if (problems.isEmpty()) {
            Owner owner = request.toOwner(schemes::schemesFor);
            OrganisationNumber number = owner.organisationNumber();
            masterData.findOwner(number).ifPresent(existing -> problems.add(new Violation("organisasjonsnummer",
                    "DUPLIKAT", "Organisasjonsnummeret " + number + " er allerede registrert som «"
                    + existing.name() + "».")));
            masterData.findUhInstitution(number).ifPresent(uh -> problems.add(new Violation("organisasjonsnummer",
                    "R2", "Organisasjonsnummeret " + number + " tilhører UH-institusjonen «" + uh.name()
                    + "», som ikke er en eier.")));
            Office office = request.office();
            if (!mayRegisterIn(registeredBy, office)) {
                problems.add(new Violation("embete", "TILGANG", "Bare saksbehandlere hos "
                        + office.displayName() + " kan registrere eiere der."));
            }
            if (problems.isEmpty()) {
                masterData.saveOwner(owner, null, office instanceof County county ? county.number() : null, false,
                        registeredBy, clock.instant());
                provisioning.ensureOwnerGroup(owner);
                return owner;
            }
        }
        throw new ValidationException(problems);
    }

    private boolean mayRegisterIn(String userId, Office office) {
        if (userId == null) {
            return false;
        }
        return identityService.createUserQuery().userId(userId)
                .memberOfGroup(IdentityGroups.caseworkers(office)).count() > 0
                || identityService.createUserQuery().userId(userId)
                .memberOfGroup(IdentityGroups.ADMINISTRATORS).count() > 0;
    }
}
