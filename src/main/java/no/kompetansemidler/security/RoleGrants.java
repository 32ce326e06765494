package no.kompetansemidler.security;

import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.identity.IdentityGroups;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.masterdata.UhInstitution;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;

/**
 * The standing grants of each role (docs/sikkerhet.md), kept at every start after the groups exist and whenever an
 * owner is registered. What a role may do in one case is granted when the case starts ({@link CaseAccess}).
 */
@Component
@Order(25)
public class RoleGrants implements ApplicationRunner {

    static final String ANY = "*";
    static final String CYCLE = "arssyklus";
    static final String REGISTER_OWNER = "registrer-privat-eier";
    static final String COMPLAINT = "klage";
    static final String FOLLOW_UP_SELECTION = "oppfolging-utvalg";

    private final AuthorizationService authorizations;
    private final MasterDataRepository masterData;

    RoleGrants(AuthorizationService authorizations, MasterDataRepository masterData) {
        this.authorizations = authorizations;
        this.masterData = masterData;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Office embete : Office.all()) {
            caseworkers(IdentityGroups.caseworkers(embete));
        }
        caseworkersChangeCasesOnlyThroughTasks();
        for (Owner owner : masterData.allOwners()) {
            owner(IdentityGroups.owner(owner.organisationNumber()));
            complainant(IdentityGroups.owner(owner.organisationNumber()));
        }
        for (UhInstitution uh : masterData.uhInstitutions()) {
            owner(IdentityGroups.uh(uh.organisationNumber()));
        }
        auditors();
        processOwners();
        for (Office embete : Office.all()) {
            readers(IdentityGroups.leaders(embete));
        }
        readers(IdentityGroups.UDIR);
        udir();
    }

    /** Udir sends its selection of kommuner to Oppfølgingsordningen: it starts the model oppfolging-utvalg. */
    void udir() {
        Grants.grant(authorizations, IdentityGroups.UDIR, Resources.PROCESS_DEFINITION, FOLLOW_UP_SELECTION,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        Grants.grant(authorizations, IdentityGroups.UDIR, Resources.PROCESS_INSTANCE, ANY,
                ProcessInstancePermissions.CREATE);
    }

    /**
     * Leaders and Udir: Tasklist, for the login that the overview pages share; they read where the cycles stand
     * there (ApiUser.mayOverview), and work or read no case in the engine.
     */
    void readers(String group) {
        Grants.grant(authorizations, group, APPLICATION, "tasklist", Permissions.ACCESS);
    }

    /** Caseworkers: Tasklist and Cockpit, start cycles and owner registrations, their own filters. */
    void caseworkers(String group) {
        Grants.grant(authorizations, group, APPLICATION, "tasklist", Permissions.ACCESS);
        Grants.grant(authorizations, group, APPLICATION, "cockpit", Permissions.ACCESS);
        for (String key : new String[]{CYCLE, REGISTER_OWNER}) {
            Grants.grant(authorizations, group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
        Grants.grant(authorizations, group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
        Grants.grant(authorizations, group, Resources.FILTER, ANY, Permissions.CREATE);
    }

    /**
     * Cases started by an earlier version gave their caseworkers UPDATE and UPDATE_VARIABLE: taken away here, so that
     * a case's variables change only through a task's form (docs/sikkerhet.md). Only grants that still have them are
     * read.
     */
    void caseworkersChangeCasesOnlyThroughTasks() {
        String[] groups = Office.all().stream().map(IdentityGroups::caseworkers)
                .toArray(String[]::new);
        for (var permission : new org.camunda.bpm.engine.authorization.Permission[]{ProcessInstancePermissions.UPDATE,
                ProcessInstancePermissions.UPDATE_VARIABLE}) {
            for (var grant : authorizations.createAuthorizationQuery().groupIdIn(groups)
                    .resourceType(Resources.PROCESS_INSTANCE).hasPermission(permission).list()) {
                if (!ANY.equals(grant.getResourceId())) {
                    grant.removePermission(ProcessInstancePermissions.UPDATE);
                    grant.removePermission(ProcessInstancePermissions.UPDATE_VARIABLE);
                    authorizations.saveAuthorization(grant);
                }
            }
        }
    }

    /** Owners and UH: Tasklist only; their tasks and cases are granted case by case. No filters of their own. */
    public void owner(String group) {
        Grants.grant(authorizations, group, APPLICATION, "tasklist", Permissions.ACCESS);
    }

    /**
     * Owners complain on their decisions: they start the model klage (its first step takes only a complaint on a
     * decision to the owner's own organisation) and create no other case.
     */
    public void complainant(String group) {
        Grants.grant(authorizations, group, Resources.PROCESS_DEFINITION, COMPLAINT, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        Grants.grant(authorizations, group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    }

    /** Auditors read every case's history and variables, and change nothing. */
    void auditors() {
        String group = IdentityGroups.AUDITORS;
        Grants.grant(authorizations, group, APPLICATION, "tasklist", Permissions.ACCESS);
        Grants.grant(authorizations, group, APPLICATION, "cockpit", Permissions.ACCESS);
        Grants.grant(authorizations, group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        Grants.grant(authorizations, group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
        Grants.grant(authorizations, group, Resources.TASK, ANY, Permissions.READ);
        Grants.grant(authorizations, group, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        Grants.grant(authorizations, group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        Grants.grant(authorizations, group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        Grants.grant(authorizations, group, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
        Grants.grant(authorizations, group, Resources.USER, ANY, Permissions.READ);
        Grants.grant(authorizations, group, Resources.GROUP, ANY, Permissions.READ);
        Grants.grant(authorizations, group, Resources.FILTER, ANY, Permissions.CREATE);
    }

    /**
     * Process owners deploy models and forms, migrate instances to a new version and suspend or activate them; they
     * do not work tasks, and they do not read or change the cases' variables and history (what municipalities plan
     * is not theirs to read). The migration endpoint finds the instances to move for them (MigrationController).
     */
    void processOwners() {
        String group = IdentityGroups.PROCESS_OWNERS;
        Grants.grant(authorizations, group, APPLICATION, "cockpit", Permissions.ACCESS);
        Grants.grant(authorizations, group, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ,
                Permissions.DELETE);
        Grants.grant(authorizations, group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.MIGRATE_INSTANCE, ProcessDefinitionPermissions.SUSPEND,
                ProcessDefinitionPermissions.SUSPEND_INSTANCE);
        Grants.revoke(authorizations, group, Resources.PROCESS_INSTANCE, ANY);
        Grants.grant(authorizations, group, Resources.BATCH, ANY, Permissions.CREATE, Permissions.READ);
        Grants.grant(authorizations, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    }
}
