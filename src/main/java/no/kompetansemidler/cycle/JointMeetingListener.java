package no.kompetansemidler.cycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.forms.FormContract;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Task listener on «Forbered samarbeidsforumet» and «Registrer forumets innstilling». When the first is created or
 * claimed, its form's «Felles møte med» lists the embete's other cycles of the year whose forum is being prepared
 * now (and when it is created, theirs list it); when it ends with some of them named, one meeting with one agenda is recorded for them all
 * ({@link JointMeetings}), and their forum tasks are completed with the same agenda by the same caseworker. Every
 * cycle named goes on to «Registrer forumets innstilling», which shows the meeting when it is created.
 */
@Component("jointMeetingListener")
class JointMeetingListener implements TaskListener, ExecutionListener {

    /** The form's options for «Felles møte med». */
    static final String OPTIONS = "fellesMoteValg";
    /** What «Registrer forumets innstilling» shows of the meeting. */
    static final String MEETING_TEXT = "fellesMoteTekst";
    static final String AGENDA = "sakspapirer";
    /** The task that records a scheme's recommendation. */
    static final String RECORD = "Task_RecordRecommendation";

    private final JointMeetings meetings;
    private final CycleRepository cycles;
    private final ObjectMapper json;

    JointMeetingListener(JointMeetings meetings, CycleRepository cycles, ObjectMapper json) {
        this.meetings = meetings;
        this.cycles = cycles;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskService tasks = task.getProcessEngineServices().getTaskService();
        CycleRepository.Cycle cycle = cycles.cycle((String) task.getVariable(CycleVariables.CYCLE_ID));
        if (RECORD.equals(task.getTaskDefinitionKey())) {
            // «Registrer forumets innstilling» shows the meeting its forum was prepared for, if it was a joint one
            meetings.meetingOf(cycle.id()).flatMap(meetings::record).ifPresent(record ->
                    task.setVariableLocal(MEETING_TEXT, meetings.describe(record)));
            return;
        }
        // created or claimed: the form lists the other cycles being prepared now
        Map<CycleRepository.Cycle, Task> preparing = meetings.preparing(cycle, tasks);
        task.setVariableLocal(OPTIONS, ProcessSupport.options(json, meetings.options(preparing.keySet())));
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            // and theirs now list this one (the system does it, whoever's work made this task); this task is not
            // stored yet, so their lists are made from this one's
            preparing.forEach((other, otherTask) -> {
                List<CycleRepository.Cycle> theirs = new ArrayList<>(preparing.keySet());
                theirs.remove(other);
                theirs.add(cycle);
                no.kompetansemidler.engine.EngineContext.runAsSystem(() -> tasks.setVariableLocal(otherTask.getId(),
                        OPTIONS, ProcessSupport.options(json, meetings.options(theirs))));
            });
        }
    }

    /**
     * When «Forbered samarbeidsforumet» ends (an execution listener, so that a refusal leaves the engine as the
     * person's bad request): the meeting, if the caseworker named other cycles.
     */
    @Override
    public void notify(DelegateExecution execution) {
        if (no.kompetansemidler.engine.EngineContext.isCancelled(execution)) {
            return;
        }
        List<String> named = named(execution.getVariable(JointMeetings.OTHERS));
        if (named.isEmpty()) {
            return;
        }
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        CycleRepository.Cycle cycle = cycles.cycle((String) execution.getVariable(CycleVariables.CYCLE_ID));
        Map<CycleRepository.Cycle, Task> preparing = meetings.preparing(cycle, tasks);
        List<CycleRepository.Cycle> covered = new ArrayList<>(List.of(cycle));
        covered.addAll(meetings.chosen(cycle, named, preparing));
        Object typed = execution.getVariable(AGENDA);
        String agenda = typed == null ? "" : typed.toString().trim();
        if (agenda.isEmpty()) {
            throw new ValidationException(List.of(new Violation(AGENDA, "PÅKREVD", "Skriv saklisten for det felles"
                    + " møtet i «Notat til forumet»: den gjelder alle ordningene møtet omfatter.")));
        }
        meetings.create(covered, agenda, ProcessSupport.currentUser(execution));
        // the others' forums are prepared by the same meeting, with the same agenda
        for (CycleRepository.Cycle other : covered.subList(1, covered.size())) {
            tasks.complete(preparing.get(other).getId(), Map.of(AGENDA, agenda));
        }
    }

    /** The cycles named: a list of their ids, as the form's contract has let through; anything else is refused. */
    private static List<String> named(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> named = FormContract.choices(value);
        if (named == null) {
            throw new ValidationException(List.of(new Violation(JointMeetings.OTHERS, "SKJEMA",
                    "«Felles møte med» er en liste over syklusene møtet også gjelder.")));
        }
        return named;
    }
}
