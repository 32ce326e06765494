package no.kompetansemidler.audit;

import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.identity.IdentityGroups;
import no.kompetansemidler.masterdata.MasterDataRepository;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The account of one cycle and everything it called, in time order: who (user and role) did what, when, on which
 * model version and with which rule parameters; from the engine's history and the application's tables. Finished
 * cases included.
 */
@Service
public class AuditTrail {

    static final int RANK_START = 0;
    static final int RANK_FORM = 10;
    static final int RANK_TASK = 20;
    static final int RANK_OPERATION = 21;
    static final int RANK_INCIDENT = 75;
    static final int RANK_END = 99;
    static final Set<String> LOGGED_ELSEWHERE = Set.of("Complete", "Create");

    /** The cycle, the models it ran on, and the account. */
    public record Account(CycleRepository.Cycle cycle, Map<String, String> models, List<AuditEvent> events) {
    }

    private final CycleRepository cycles;
    private final AuditRepository repository;
    private final HistoryService history;
    private final RepositoryService models;
    private final IdentityService identity;
    private final MasterDataRepository masterData;
    private final no.kompetansemidler.security.PersonDirectory people;

    AuditTrail(CycleRepository cycles, AuditRepository repository, HistoryService history, RepositoryService models,
               IdentityService identity, MasterDataRepository masterData,
               no.kompetansemidler.security.PersonDirectory people) {
        this.cycles = cycles;
        this.repository = repository;
        this.history = history;
        this.models = models;
        this.identity = identity;
        this.masterData = masterData;
        this.people = people;
    }

    public List<CycleRepository.Cycle> find(Embete embete, String scheme, Integer year, String organisationNumber) {
        return repository.find(embete == null ? null : embete.name(), scheme, year, organisationNumber);
    }

    public Account account(String cycleId) {
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .rootProcessInstanceId(cycle.processInstanceId()).list();
        Map<String, String> label = new LinkedHashMap<>();
        Map<String, String> definitionName = new HashMap<>();
        for (HistoricProcessInstance instance : instances) {
            ProcessDefinition definition = models.getProcessDefinition(instance.getProcessDefinitionId());
            label.put(instance.getId(), definition.getKey() + " v" + definition.getVersion()
                    + (definition.getVersionTag() == null ? "" : " (" + definition.getVersionTag() + ")"));
            definitionName.put(instance.getId(), definition.getName());
        }
        List<AuditEvent> events = new ArrayList<>();
        String[] ids = label.keySet().toArray(String[]::new);
        for (HistoricProcessInstance instance : instances) {
            String process = label.get(instance.getId());
            events.add(new AuditEvent(instance.getStartTime().toInstant(), instance.getStartUserId(), null,
                    "Prosess startet", definitionName.get(instance.getId()) + " startet"
                    + (instance.getBusinessKey() == null ? "" : " (" + instance.getBusinessKey() + ")") + ".", process,
                    RANK_START));
            if (instance.getEndTime() != null) {
                events.add(new AuditEvent(instance.getEndTime().toInstant(), null, null, "Prosess avsluttet",
                        definitionName.get(instance.getId()) + " avsluttet: " + instance.getState() + ".", process, RANK_END));
            }
        }
        Map<String, String> completedBy = new HashMap<>();
        for (String id : ids) {
            for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(id).list()) {
                if ("Complete".equals(entry.getOperationType()) && entry.getTaskId() != null) {
                    completedBy.put(entry.getTaskId(), entry.getUserId());
                }
                if (!LOGGED_ELSEWHERE.contains(entry.getOperationType())) {
                    events.add(new AuditEvent(entry.getTimestamp().toInstant(), entry.getUserId(), null, "Operasjon",
                            entry.getOperationType() + " på " + entry.getEntityType()
                                    + (entry.getProperty() == null ? "" : ": " + entry.getProperty() + " = "
                                    + entry.getNewValue()), label.get(id), RANK_OPERATION));
                }
            }
        }
        Map<String, HistoricTaskInstance> taskById = new HashMap<>();
        Map<String, HistoricTaskInstance> taskByActivityInstance = new HashMap<>();
        if (ids.length > 0) {
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                    .rootProcessInstanceId(cycle.processInstanceId()).finished().list()) {
                taskById.put(task.getId(), task);
                taskByActivityInstance.put(task.getActivityInstanceId(), task);
                String user = completedBy.getOrDefault(task.getId(), task.getAssignee());
                events.add(new AuditEvent(task.getEndTime().toInstant(), user, null, "Oppgave fullført",
                        "«" + task.getName() + "» fullført (" + task.getDeleteReason() + ").",
                        label.get(task.getProcessInstanceId()), RANK_TASK));
            }
            Map<String, List<HistoricVariableUpdate>> formValues = java.util.Arrays.stream(ids)
                    .flatMap(id -> history.createHistoricDetailQuery().variableUpdates().processInstanceId(id).list().stream())
                    .filter(d -> d.getActivityInstanceId() != null
                            && taskByActivityInstance.containsKey(d.getActivityInstanceId()))
                    .map(d -> (HistoricVariableUpdate) d)
                    .collect(Collectors.groupingBy(HistoricDetail::getActivityInstanceId, LinkedHashMap::new,
                            Collectors.toList()));
            // the values a person submitted with a task are set while the process waits in that task
            formValues.forEach((activityInstanceId, updates) -> {
                HistoricTaskInstance task = taskByActivityInstance.get(activityInstanceId);
                String taskId = task.getId();
                String values = updates.stream().map(u -> u.getVariableName() + " = " + u.getValue())
                        .collect(Collectors.joining("; "));
                events.add(new AuditEvent(updates.get(0).getTime().toInstant(), completedBy.getOrDefault(taskId,
                        task.getAssignee()), null, "Skjemaverdier", "«" + task.getName() + "»: " + values,
                        label.get(task.getProcessInstanceId()), RANK_FORM));
            });
            for (String id : ids) {
                for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(id).list()) {
                    events.add(new AuditEvent(incident.getCreateTime().toInstant(), null, null, "Hendelse",
                            incident.getActivityId() + ": " + incident.getIncidentMessage(), label.get(id), RANK_INCIDENT));
                    if (incident.getEndTime() != null) {
                        events.add(new AuditEvent(incident.getEndTime().toInstant(), null, null, "Hendelse løst",
                                incident.getActivityId() + " løst.", label.get(id), RANK_INCIDENT + 1));
                    }
                }
            }
        }
        for (AuditEvent event : repository.events(cycle)) {
            events.add(event);
        }
        Map<String, String> roles = new HashMap<>();
        List<AuditEvent> withRoles = events.stream()
                .map(e -> new AuditEvent(e.at(), e.user() == null ? "system" : e.user(),
                        e.user() == null ? "system" : roles.computeIfAbsent(e.user(), this::role), e.kind(), e.what(),
                        e.process(), e.rank()))
                .sorted(Comparator.comparing(AuditEvent::at).thenComparing(AuditEvent::rank))
                .toList();
        return new Account(cycle, models(instances), withRoles);
    }

    private Map<String, String> models(List<HistoricProcessInstance> instances) {
        Map<String, String> used = new LinkedHashMap<>();
        for (HistoricProcessInstance instance : instances) {
            ProcessDefinition definition = models.getProcessDefinition(instance.getProcessDefinitionId());
            used.put(definition.getKey(), "versjon " + definition.getVersion() + ", versionTag "
                    + definition.getVersionTag() + ", deployment " + definition.getDeploymentId());
        }
        return used;
    }

    /**
     * The role a user acted in, from its groups: "saksbehandler (Statsforvalteren i Vestland)", "eier (Bergen
     * kommune)"; for a person from an identity provider with their name first: "Ola Nordmann, eier (Bergen kommune)".
     */
    String role(String user) {
        List<String> roles = new ArrayList<>();
        for (Group group : identity.createGroupQuery().groupMember(user).list()) {
            String id = group.getId();
            if (id.startsWith("saksbehandler-")) {
                roles.add("saksbehandler (" + Embete.fromSlug(id.substring("saksbehandler-".length())).displayName() + ")");
            } else if (id.startsWith("eier-") || id.startsWith("uh-")) {
                String orgnr = id.substring(id.indexOf('-') + 1);
                roles.add((id.startsWith("eier-") ? "eier (" : "UH (") + name(orgnr, group.getName()) + ")");
            } else if (id.equals(IdentityGroups.AUDITORS)) {
                roles.add("revisor");
            } else if (id.equals(IdentityGroups.PROCESS_OWNERS)) {
                roles.add("prosesseier");
            } else if (id.equals(IdentityGroups.ADMINISTRATORS)) {
                roles.add("administrator");
            }
        }
        String acted = roles.isEmpty() ? "ukjent rolle" : String.join(", ", roles);
        // a person who logged in through an identity provider: their name, with the role and organisation
        return people.name(user).map(name -> name + ", " + acted).orElse(acted);
    }

    private String name(String orgnr, String fallback) {
        if (!OrganisationNumber.isValid(orgnr)) {
            return fallback;
        }
        return masterData.findOwner(new OrganisationNumber(orgnr)).map(o -> o.name()).orElse(fallback);
    }
}
