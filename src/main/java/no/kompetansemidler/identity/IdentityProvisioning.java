package no.kompetansemidler.identity;

import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.masterdata.UhInstitution;
import no.kompetansemidler.security.RoleGrants;
import no.kompetansemidler.engine.EngineContext;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps Camunda's identity service in step with the master data: a group per embete's caseworkers, per owner
 * and per UH institution, and the groups of auditors, process owners and administrators. Runs at every start
 * after the reference data is loaded, and whenever an owner is registered.
 */
@Component
@Order(20)
public class IdentityProvisioning implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityProvisioning.class);

    private final IdentityService identityService;
    private final MasterDataRepository masterData;
    private final ObjectProvider<RoleGrants> roleGrants;

    IdentityProvisioning(IdentityService identityService, MasterDataRepository masterData,
                         ObjectProvider<RoleGrants> roleGrants) {
        this.identityService = identityService;
        this.masterData = masterData;
        this.roleGrants = roleGrants;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (identityService.isReadOnly()) {
            log.info("Identiteter: katalogen (f.eks. LDAP) er skrivebeskyttet; gruppene må finnes i katalogen"
                    + " (se docs/sikkerhet.md)");
            return;
        }
        Set<String> existing = new HashSet<>();
        identityService.createGroupQuery().list().forEach(g -> existing.add(g.getId()));
        int before = existing.size();
        ensure(existing, IdentityGroups.AUDITORS, "Revisorer", IdentityGroups.TYPE_WORKFLOW);
        ensure(existing, IdentityGroups.PROCESS_OWNERS, "Prosesseiere", IdentityGroups.TYPE_SYSTEM);
        ensure(existing, IdentityGroups.ADMINISTRATORS, "Administratorer", IdentityGroups.TYPE_SYSTEM);
        ensure(existing, IdentityGroups.UDIR, "Utdanningsdirektoratet", IdentityGroups.TYPE_WORKFLOW);
        for (Office embete : Office.all()) {
            ensure(existing, IdentityGroups.caseworkers(embete), "Saksbehandlere, " + embete.displayName(),
                    IdentityGroups.TYPE_WORKFLOW);
            ensure(existing, IdentityGroups.leaders(embete), "Ledere, " + embete.displayName(),
                    IdentityGroups.TYPE_WORKFLOW);
        }
        for (Owner owner : masterData.allOwners()) {
            ensure(existing, IdentityGroups.owner(owner.organisationNumber()), owner.name(),
                    IdentityGroups.TYPE_WORKFLOW);
        }
        for (UhInstitution uh : masterData.uhInstitutions()) {
            ensure(existing, IdentityGroups.uh(uh.organisationNumber()), uh.name(), IdentityGroups.TYPE_WORKFLOW);
        }
        log.info("Identiteter: {} grupper ({} nye)", existing.size(), existing.size() - before);
    }

    /**
     * Creates the group of a newly registered owner, if it does not exist yet, with the owners' standing grants.
     * The system does this, not the caseworker who registers the owner.
     */
    public void ensureOwnerGroup(Owner owner) {
        String id = IdentityGroups.owner(owner.organisationNumber());
        EngineContext.runAsSystem(() -> {
            if (!identityService.isReadOnly() && identityService.createGroupQuery().groupId(id).count() == 0) {
                create(id, owner.name(), IdentityGroups.TYPE_WORKFLOW);
            }
            roleGrants.getObject().owner(id);
            roleGrants.getObject().complainant(id);
        });
    }

    private void ensure(Set<String> existing, String id, String name, String type) {
        if (existing.add(id)) {
            create(id, name, type);
        }
    }

    private void create(String id, String name, String type) {
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
    }
}
