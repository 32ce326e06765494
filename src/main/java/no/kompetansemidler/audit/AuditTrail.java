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
    static final String FAILED_STEP = "Steg feilet";
    static final String CANCELLED_TASK = "Oppgave avbrutt";

    /** The cycle, the models it ran on, the case in figures, and the account. */
    public record Account(CycleRepository.Cycle cycle, Map<String, String> models, AuditRepository.Summary summary,
                          List<AuditEvent> events, Map<String, String> names, long failedSteps, long cancelledTasks) {

        /** The same account with only the events that concern the organisation and are of the kind (either may be null). */
        public Account only(String organisationNumber, String kind) {
            return new Account(cycle, models, summary, events.stream()
                    .filter(e -> organisationNumber == null || organisationNumber.equals(e.organisationNumber()))
                    .filter(e -> kind == null || kind.equals(e.kind())).toList(), names, failedSteps, cancelledTasks);
        }

        /** The organisations the events concern, in number order. */
        public List<String> organisations() {
            return events.stream().map(AuditEvent::organisationNumber).filter(java.util.Objects::nonNull).distinct()
                    .sorted().toList();
        }

        /** The kinds of event, in the order they first occur. */
        public List<String> kinds() {
            return events.stream().map(AuditEvent::kind).distinct().toList();
        }
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
        // the cycle's case, and the complaints on its decisions, cases of their own with their payments and letters
        List<String> roots = new ArrayList<>(List.of(cycle.processInstanceId()));
        roots.addAll(repository.complaintProcesses(cycle.id()));
        List<HistoricProcessInstance> instances = new ArrayList<>();
        for (String root : roots) {
            instances.addAll(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).list());
        }
        Map<String, String> label = new LinkedHashMap<>();
        Map<String, String> definitionName = new HashMap<>();
        Map<String, String> nameOfKey = new HashMap<>();
        for (HistoricProcessInstance instance : instances) {
            ProcessDefinition definition = models.getProcessDefinition(instance.getProcessDefinitionId());
            label.put(instance.getId(), definition.getName() + " (versjon " + definition.getVersion()
                    + (definition.getVersionTag() == null ? "" : ", " + definition.getVersionTag()) + ")");
            definitionName.put(instance.getId(), definition.getName());
            nameOfKey.put(definition.getKey(), definition.getName());
        }
        String[] ids = label.keySet().toArray(String[]::new);
        // the organisation and the decision each called case is about (need report, payment, self-evaluation)
        Map<String, String> organisationOf = new HashMap<>();
        Map<String, String> decisionOf = new HashMap<>();
        if (ids.length > 0) {
            for (var variable : history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
                    .variableNameIn("eier", "mottaker", "vedtakId").list()) {
                // the case's own variable, not a multi-instance element's (the cycle has an «eier» per owner)
                if (variable.getValue() != null && variable.getProcessInstanceId().equals(variable.getActivityInstanceId())) {
                    (variable.getName().equals("vedtakId") ? decisionOf : organisationOf)
                            .putIfAbsent(variable.getProcessInstanceId(), String.valueOf(variable.getValue()));
                }
            }
        }
        List<AuditEvent> events = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            String process = label.get(instance.getId());
            events.add(new AuditEvent(instance.getStartTime().toInstant(), instance.getStartUserId(), null,
                    "Sak startet", definitionName.get(instance.getId()) + " startet"
                    + (instance.getBusinessKey() == null ? "" : " (" + instance.getBusinessKey() + ")") + ".", process,
                    RANK_START).about(organisationOf.get(instance.getId()), null, decisionOf.get(instance.getId())));
            if (instance.getEndTime() != null) {
                events.add(new AuditEvent(instance.getEndTime().toInstant(), null, null, "Sak avsluttet",
                        definitionName.get(instance.getId()) + " " + AuditTexts.ended(instance.getState()) + ".",
                        process, RANK_END).about(organisationOf.get(instance.getId()), null, decisionOf.get(instance.getId())));
            }
        }
        Map<String, String> completedBy = new HashMap<>();
        Map<String, HistoricTaskInstance> taskById = new HashMap<>();
        Map<String, HistoricTaskInstance> taskByActivityInstance = new HashMap<>();
        if (ids.length > 0) {
            for (String root : roots) {
                for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().rootProcessInstanceId(root)
                        .list()) {
                    taskById.put(task.getId(), task);
                    taskByActivityInstance.put(task.getActivityInstanceId(), task);
                }
            }
        }
        for (String id : ids) {
            for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(id).list()) {
                if ("Complete".equals(entry.getOperationType()) && entry.getTaskId() != null) {
                    completedBy.put(entry.getTaskId(), entry.getUserId());
                }
                if (!LOGGED_ELSEWHERE.contains(entry.getOperationType())) {
                    HistoricTaskInstance task = entry.getTaskId() == null ? null : taskById.get(entry.getTaskId());
                    events.add(new AuditEvent(entry.getTimestamp().toInstant(), entry.getUserId(), null, "Endring",
                            AuditTexts.operation(entry.getOperationType(), entry.getProperty(), entry.getNewValue(),
                                    task == null ? null : task.getName()), label.get(id), RANK_OPERATION)
                            .about(organisationOf.get(id), null, decisionOf.get(id)));
                }
            }
        }
        for (HistoricTaskInstance task : taskById.values()) {
            if (task.getEndTime() == null) {
                continue;
            }
            boolean completed = "completed".equals(task.getDeleteReason());
            String user = completedBy.getOrDefault(task.getId(), task.getAssignee());
            events.add(new AuditEvent(task.getEndTime().toInstant(), completed ? user : null, null,
                    completed ? "Oppgave fullført" : CANCELLED_TASK, "«" + task.getName() + "» "
                    + (completed ? "fullført." : "avbrutt: en frist eller saken selv avsluttet oppgaven."),
                    label.get(task.getProcessInstanceId()), RANK_TASK).about(organisationOf.get(task.getProcessInstanceId()),
                    null, decisionOf.get(task.getProcessInstanceId())));
        }
        if (ids.length > 0) {
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
                String values = updates.stream().map(u -> u.getVariableName() + " = " + AuditTexts.value(u.getValue()))
                        .collect(Collectors.joining("; "));
                events.add(new AuditEvent(updates.get(0).getTime().toInstant(), completedBy.getOrDefault(task.getId(),
                        task.getAssignee()), null, "Skjemaverdier", "«" + task.getName() + "»: " + values,
                        label.get(task.getProcessInstanceId()), RANK_FORM).about(organisationOf.get(
                        task.getProcessInstanceId()), null, decisionOf.get(task.getProcessInstanceId())));
            });
            for (String id : ids) {
                for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(id).list()) {
                    String step = stepName(incident.getProcessDefinitionId(), incident.getActivityId());
                    events.add(new AuditEvent(incident.getCreateTime().toInstant(), null, null, FAILED_STEP,
                            "Steget «" + step + "» feilet etter alle forsøkene (teknisk melding: "
                                    + AuditTexts.value(incident.getIncidentMessage()) + ").", label.get(id), RANK_INCIDENT)
                            .about(organisationOf.get(id), null, decisionOf.get(id)));
                    if (incident.getEndTime() != null) {
                        events.add(new AuditEvent(incident.getEndTime().toInstant(), null, null, "Feil rettet",
                                "Steget «" + step + "» gikk igjen.", label.get(id), RANK_INCIDENT + 1)
                                .about(organisationOf.get(id), null, decisionOf.get(id)));
                    }
                }
            }
        }
        for (AuditEvent event : repository.events(cycle)) {
            events.add(event.in(nameOfKey.getOrDefault(event.process(), event.process())));
        }
        Map<String, String> roles = new HashMap<>();
        List<AuditEvent> withRoles = events.stream()
                .map(e -> e.by(e.user() == null ? "systemet" : e.user(),
                        e.user() == null ? "systemet" : roles.computeIfAbsent(e.user(), this::role)))
                .sorted(Comparator.comparing(AuditEvent::at).thenComparing(AuditEvent::rank))
                .toList();
        Map<String, String> names = new java.util.TreeMap<>();
        withRoles.stream().map(AuditEvent::organisationNumber).filter(java.util.Objects::nonNull).distinct()
                .forEach(o -> names.put(o, masterData.recipientName(o)));
        return new Account(cycle, models(instances), repository.summary(cycle), withRoles, names,
                withRoles.stream().filter(e -> e.kind().equals(FAILED_STEP)).count(),
                withRoles.stream().filter(e -> e.kind().equals(CANCELLED_TASK)).count());
    }

    /** A model element's name as a person reads it (the case's expressions left out), never its id. */
    private String stepName(String definitionId, String elementId) {
        if (definitionId == null || elementId == null) {
            return "ukjent steg";
        }
        var element = models.getBpmnModelInstance(definitionId).getModelElementById(elementId);
        String name = element instanceof org.camunda.bpm.model.bpmn.instance.FlowElement flow ? flow.getName() : null;
        return name == null || name.isBlank() ? "et steg uten navn" : no.kompetansemidler.overview.ElementNames.plain(name);
    }

    private Map<String, String> models(List<HistoricProcessInstance> instances) {
        Map<String, String> used = new LinkedHashMap<>();
        for (HistoricProcessInstance instance : instances) {
            ProcessDefinition definition = models.getProcessDefinition(instance.getProcessDefinitionId());
            used.put(definition.getName(), "versjon " + definition.getVersion()
                    + (definition.getVersionTag() == null ? "" : " (" + definition.getVersionTag() + ")")
                    + ", utrulling " + definition.getDeploymentId());
        }
        return used;
    }

    /** «Statsforvalteren i Vestland» or «Vestland fylkeskommune» for a group's office, or the slug if none is known. */
    private static String office(String slug) {
        return no.kompetansemidler.domain.organisation.Office.all().stream().filter(o -> o.slug().equals(slug))
                .findFirst().map(no.kompetansemidler.domain.organisation.Office::displayName).orElse(slug);
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
                roles.add("saksbehandler (" + office(id.substring("saksbehandler-".length())) + ")");
            } else if (id.startsWith("eier-") || id.startsWith("uh-")) {
                String orgnr = id.substring(id.indexOf('-') + 1);
                roles.add((id.startsWith("eier-") ? "eier (" : "UH (") + name(orgnr, group.getName()) + ")");
            } else if (id.equals(IdentityGroups.AUDITORS)) {
                roles.add("revisor");
            } else if (id.equals(IdentityGroups.PROCESS_OWNERS)) {
                roles.add("prosesseier");
            } else if (id.equals(IdentityGroups.ADMINISTRATORS)) {
                roles.add("administrator");
            } else if (id.startsWith("leder-")) {
                roles.add("leder (" + office(id.substring("leder-".length())) + ")");
            } else if (id.equals(IdentityGroups.UDIR)) {
                roles.add("Utdanningsdirektoratet");
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
