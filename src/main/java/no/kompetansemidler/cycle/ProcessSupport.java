package no.kompetansemidler.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import no.kompetansemidler.engine.EngineContext;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Small helpers the cycle's delegates share: who acts, and calendar dates as the engine's timers want them. */
public final class ProcessSupport {

    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private ProcessSupport() {
    }

    /** The user on whose behalf the engine runs now (who completed the task), or null for the job executor. */
    public static String currentUser(DelegateExecution execution) {
        return EngineContext.currentUserId(execution);
    }

    /** A deadline: the end of the day in Norway. */
    public static Date endOfDay(LocalDate date) {
        return Date.from(date.atTime(LocalTime.of(23, 59)).atZone(OSLO).toInstant());
    }

    /** A reminder or an opening: eight in the morning in Norway. */
    public static Date morning(LocalDate date) {
        return Date.from(date.atTime(LocalTime.of(8, 0)).atZone(OSLO).toInstant());
    }

    /**
     * A variable every case has (its cycle, its owner). It is missing only when another person's action ended the
     * case while this one ran: that is a lost race, answered as the engine answers one, and nothing is stored.
     */
    public static String caseVariable(DelegateExecution execution, String name) {
        String value = text(execution, name);
        if (value == null || value.isEmpty()) {
            throw new org.camunda.bpm.engine.OptimisticLockingException("The case's variable " + name
                    + " is gone: the case was changed concurrently");
        }
        return value;
    }

    /** A form's options (label and value), as the Json variable a select or checklist reads («valuesKey»). */
    static org.camunda.bpm.engine.variable.value.TypedValue options(com.fasterxml.jackson.databind.ObjectMapper json,
                                                                     List<Map<String, String>> options) {
        try {
            return org.camunda.spin.plugin.variable.SpinValues.jsonValue(json.writeValueAsString(options)).create();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("options that cannot be written as JSON", e);
        }
    }

    public static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString().trim();
    }

    /** A date from a form's date field («2027-06-01») or a stored date; null when there is none or it is no date. */
    public static LocalDate date(Object value) {
        if (value instanceof Date d) {
            return d.toInstant().atZone(OSLO).toLocalDate();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return LocalDate.parse(s.trim().length() > 10 ? s.trim().substring(0, 10) : s.trim());
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
