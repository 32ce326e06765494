package no.kompetansemidler.models;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.security.ApiAccess;
import no.kompetansemidler.security.ApiUser;
import no.kompetansemidler.engine.EngineContext;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.List;

/**
 * For process owners: migrate the running instances of one version of a model to another, with a dry run that lists
 * what would move and checks the plan. Activities with the same id are mapped to each other; timers and messages
 * follow the new model.
 */
@RestController
class MigrationController {

    record Request(String prosess, Integer fraVersjon, Integer tilVersjon, Boolean proveKjoring) {
    }

    record Instance(String id, String businessKey) {
    }

    record Result(String prosess, int fraVersjon, int tilVersjon, String tilVersionTag, boolean proveKjoring,
                  int antall, List<Instance> instanser, List<String> aktiviteter) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ApiAccess access;

    MigrationController(RepositoryService repository, RuntimeService runtime, IdentityService identity,
                        ApiAccess access) {
        this.repository = repository;
        this.runtime = runtime;
        this.identity = identity;
        this.access = access;
    }

    @PostMapping("/api/prosesseier/migrering")
    Result migrate(@RequestBody Request request) {
        ApiUser user = access.current();
        if (!user.isProcessOwner() && !user.isAdministrator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        List<Violation> problems = new ArrayList<>();
        if (request.prosess() == null || request.prosess().isBlank()) {
            problems.add(new Violation("prosess", "PÅKREVD", "Oppgi prosessnøkkelen, f.eks. behovsmelding."));
        }
        else if (!request.prosess().matches("[a-zA-Z0-9_-]{1,64}")) {
            problems.add(new Violation("prosess", "FORMAT", "Prosessnøkkelen kan bare ha bokstaver, sifre, - og _ "
                    + "(høyst 64 tegn), f.eks. behovsmelding."));
        }
        if (request.fraVersjon() == null || request.tilVersjon() == null) {
            problems.add(new Violation("fraVersjon", "PÅKREVD", "Oppgi fraVersjon og tilVersjon."));
        } else if (request.fraVersjon() < 1 || request.tilVersjon() < 1) {
            problems.add(new Violation("fraVersjon", "VERSJON", "Versjonene må være 1 eller høyere."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        ProcessDefinition source = version(request.prosess(), request.fraVersjon(), "fraVersjon");
        ProcessDefinition target = version(request.prosess(), request.tilVersjon(), "tilVersjon");
        MigrationPlan plan;
        try {
            plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
                    .updateEventTriggers().build();
        } catch (MigrationPlanValidationException e) {
            throw new ValidationException(List.of(new Violation("tilVersjon", "MIGRERING",
                    "Versjonene kan ikke migreres automatisk: " + e.getMessage())));
        }
        // a process owner reads no case data: the instances to move are found for them (their ids and business keys)
        List<ProcessInstance> instances = EngineContext.withoutPerson(identity,
                () -> runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list());
        List<Instance> listed = instances.stream().map(i -> new Instance(i.getId(), i.getBusinessKey())).toList();
        List<String> mapped = plan.getInstructions().stream()
                .map(i -> i.getSourceActivityId() + " → " + i.getTargetActivityId()).toList();
        boolean dryRun = !Boolean.FALSE.equals(request.proveKjoring());
        if (!dryRun && !instances.isEmpty()) {
            try {
                runtime.newMigration(plan).processInstanceIds(instances.stream().map(ProcessInstance::getId).toList())
                        .execute();
            } catch (MigratingProcessInstanceValidationException e) {
                throw new ValidationException(List.of(new Violation("fraVersjon", "MIGRERING",
                        "Instansene kan ikke migreres: " + e.getMessage())));
            }
        }
        return new Result(source.getKey(), source.getVersion(), target.getVersion(), target.getVersionTag(), dryRun,
                listed.size(), listed, mapped);
    }

    private ProcessDefinition version(String key, int version, String field) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new ValidationException(List.of(new Violation(field, "VERSJON",
                    "Modellen «" + key + "» finnes ikke i versjon " + version + ".")));
        }
        return definition;
    }
}
