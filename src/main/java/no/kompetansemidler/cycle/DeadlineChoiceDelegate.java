package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.funding.SchemeCatalogue;
import no.kompetansemidler.domain.validation.Violation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Service task "Registrer valget" after a missed need-report deadline: the caseworker either extends the deadline
 * (a new date after today, and no later than the cycle's deadline for the forum's innstilling, from the scheme's
 * calendar) or records that the owner does not take part this year (R5), with a reason.
 */
@Component("deadlineChoiceDelegate")
class DeadlineChoiceDelegate implements JavaDelegate {

    static final String EXTEND = "FORLENG";
    static final String NOT_TAKING_PART = "DELTAR_IKKE";
    static final int REMINDER_DAYS_BEFORE_EXTENDED_DEADLINE = 3;

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final CycleRepository cycles;
    private final SchemeCatalogue parameters;
    private final Clock clock;

    DeadlineChoiceDelegate(CycleRepository cycles, SchemeCatalogue parameters, Clock clock) {
        this.cycles = cycles;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String choice = ProcessSupport.text(execution, CycleVariables.DEADLINE_CHOICE);
        List<Violation> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(ProcessSupport.OSLO));
        if (EXTEND.equals(choice)) {
            LocalDate newDeadline = ProcessSupport.date(execution.getVariable(CycleVariables.NEW_DEADLINE));
            CycleRepository.Cycle cycle = cycles.cycle(ProcessSupport.caseVariable(execution, CycleVariables.CYCLE_ID));
            LocalDate latest = parameters.calendar(cycle.scheme()).recommendationDeadline(cycle.year());
            if (newDeadline == null || !newDeadline.isAfter(today) || newDeadline.isAfter(latest)) {
                problems.add(new Violation(CycleVariables.NEW_DEADLINE, "FRIST", "Den nye fristen må være etter i dag ("
                        + today.format(DAY) + ") og senest fristen for forumets innstilling (" + latest.format(DAY)
                        + "), så forumet får behovsmeldingen."));
            } else {
                LocalDate reminder = newDeadline.minusDays(REMINDER_DAYS_BEFORE_EXTENDED_DEADLINE);
                execution.setVariable(CycleVariables.NEED_REPORT_DEADLINE, ProcessSupport.endOfDay(newDeadline));
                execution.setVariable(CycleVariables.NEED_REPORT_REMINDER,
                        ProcessSupport.morning(reminder.isAfter(today) ? reminder : today.plusDays(1)));
            }
        } else if (NOT_TAKING_PART.equals(choice)) {
            String reason = FreeText.check(execution.getVariable(CycleVariables.NON_PARTICIPATION_REASON),
                    CycleVariables.NON_PARTICIPATION_REASON, "Begrunnelsen", 1, "R5", problems);
            if (problems.isEmpty()) {
                cycles.recordParticipation(ProcessSupport.caseVariable(execution, CycleVariables.CYCLE_ID),
                        ProcessSupport.caseVariable(execution, CycleVariables.OWNER), false, reason,
                        ProcessSupport.currentUser(execution), clock.instant());
            }
        } else {
            problems.add(new Violation(CycleVariables.DEADLINE_CHOICE, "PÅKREVD",
                    "Velg om fristen skal forlenges eller om eieren ikke deltar."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
