package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Several self-evaluations approved at once: the open «Vurder egenvurderingen» tasks of a cycle listed with what each
 * owner reported, and the chosen ones approved by the caseworker, each task completed on its own (its own transaction,
 * its own settlement and its own line in the audit trail), exactly as if its form had been sent with «godkjent».
 */
@Service
public class SelfEvaluationReviews {

    static final String REVIEW_TASK = "Task_ReviewSelfEvaluation";
    static final int MAX_AT_ONCE = 500;

    /** One self-evaluation waiting for the caseworker. */
    public record Waiting(String oppgaveId, String vedtakId, String organisasjonsnummer, String eierNavn,
                          long tildeltOre, long bruktOre, long egenfinansieringOre, long ubruktOre, int deltakere,
                          String gjennomforteTiltak, String vurdering, String vedGodkjenning) {
    }

    /** What became of each chosen task: approved, or why not (a Norwegian message). */
    public record Outcome(String oppgaveId, String eierNavn, boolean godkjent, String melding) {
    }

    private final CycleRepository cycles;
    private final TaskService tasks;
    private final RuntimeService runtime;

    SelfEvaluationReviews(CycleRepository cycles, TaskService tasks, RuntimeService runtime) {
        this.cycles = cycles;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** The cycle's self-evaluations waiting for review, by owner name. */
    public List<Waiting> waiting(String cycleId) {
        List<Task> open = openReviews(cycleId);
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, String> decisionOf = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery().variableName(CycleVariables.DECISION_ID)
                .processInstanceIdIn(open.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
                .list()) {
            decisionOf.put(v.getProcessInstanceId(), String.valueOf(v.getValue()));
        }
        Map<String, CycleRepository.Decision> decisions = cycles.decisions(cycleId).stream()
                .collect(Collectors.toMap(CycleRepository.Decision::id, d -> d));
        List<Waiting> waiting = new ArrayList<>();
        for (Task task : open) {
            CycleRepository.Decision decision = decisions.get(decisionOf.get(task.getProcessInstanceId()));
            if (decision == null) {
                continue;
            }
            cycles.selfEvaluation(decision.id()).ifPresent(e -> {
                Money unused = decision.amount().minus(e.used());
                String onApproval = unused.isNegative() ? "Går tilbake til eieren: brukt er mer enn tildelt (R15)."
                        : unused.isZero() ? "Ingen ubrukte midler." : "Krav om tilbakebetaling av " + unused.format()
                        + " (R15); kryss av for overføring for å overføre i stedet.";
                waiting.add(new Waiting(task.getId(), decision.id(), decision.organisationNumber(), decision.name(),
                        decision.amount().ore(), e.used().ore(), e.coFinancing().ore(), unused.ore(), e.participants(),
                        e.measuresDone(), e.assessment(), onApproval));
            });
        }
        waiting.sort(java.util.Comparator.comparing(Waiting::eierNavn, String.CASE_INSENSITIVE_ORDER));
        return waiting;
    }

    /**
     * Approves the chosen tasks as the caseworker, one by one; ids that are not a waiting review of this cycle are
     * refused before anything is done.
     */
    public List<Outcome> approve(String cycleId, List<String> taskIds, boolean carryOver, String userId) {
        if (taskIds == null || taskIds.isEmpty()) {
            throw new ValidationException(List.of(new Violation("oppgaver", "PÅKREVD",
                    "Velg minst én egenvurdering å godkjenne.")));
        }
        Set<String> chosen = new LinkedHashSet<>(taskIds);
        if (chosen.size() > MAX_AT_ONCE) {
            throw new ValidationException(List.of(new Violation("oppgaver", "FOR_MANGE",
                    "Godkjenn høyst " + MAX_AT_ONCE + " egenvurderinger om gangen.")));
        }
        Map<String, Waiting> waiting = waiting(cycleId).stream()
                .collect(Collectors.toMap(Waiting::oppgaveId, w -> w));
        List<Violation> unknown = chosen.stream().filter(id -> !waiting.containsKey(id))
                .map(id -> new Violation("oppgaver", "OPPGAVE", "Oppgaven " + id + " er ikke en egenvurdering som venter"
                        + " på vurdering i denne syklusen (allerede vurdert, eller en annen syklus)."))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (String id : chosen) {
            Waiting w = waiting.get(id);
            try {
                Task task = tasks.createTaskQuery().taskId(id).singleResult();
                if (task != null && task.getAssignee() != null && !task.getAssignee().equals(userId)) {
                    outcomes.add(new Outcome(id, w.eierNavn(), false, "Ikke godkjent: " + task.getAssignee()
                            + " har tatt oppgaven. Be dem gi den fra seg, eller vurder den i Tasklist."));
                    continue;
                }
                if (task != null && task.getAssignee() == null) {
                    tasks.claim(id, userId);
                }
                tasks.complete(id, Map.of(CycleVariables.APPROVED, true, "overforingVedtatt", carryOver));
                outcomes.add(new Outcome(id, w.eierNavn(), true, "Godkjent. " + w.vedGodkjenning()));
            } catch (ProcessEngineException refused) {
                outcomes.add(new Outcome(id, w.eierNavn(), false, "Ikke godkjent: oppgaven er tatt av en annen,"
                        + " eller endret mens du valgte. Åpne den i Tasklist."));
            }
        }
        return outcomes;
    }

    private List<Task> openReviews(String cycleId) {
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(cycle.reference())
                .taskDefinitionKey(REVIEW_TASK).active().list();
    }
}
