package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.funding.ProposalRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Execution listener on «Registrer forumets innstilling» (end, so that a refusal leaves the engine as the person's
 * bad request, not as an error): the forum's meeting record — date, members present by
 * category, whether it agreed, the vote where one was held, the priorities and the minutes — stored with the version
 * of the distribution the forum met on. Without a saved version nothing is stored; «Registrer fordelingen» refuses.
 */
@Component("forumMeetingListener")
class ForumMeetingListener implements ExecutionListener {

    /** The form's fields for the members present, by category, as the record names them. */
    static final Map<String, String> PRESENT = presentCategories();

    private static Map<String, String> presentCategories() {
        Map<String, String> categories = new LinkedHashMap<>();
        categories.put("tilstedeKommuner", "kommuner");
        categories.put("tilstedeFylkeskommune", "fylkeskommunen");
        categories.put("tilstedeUh", "UH");
        categories.put("tilstedeKs", "KS");
        categories.put("tilstedePbl", "PBL");
        categories.put("tilstedeFagforeninger", "lærerorganisasjonene");
        categories.put("tilstedeBarnehagemyndighet", "barnehagemyndigheten");
        return categories;
    }

    private final ProposalRepository proposals;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final JointMeetings meetings;

    ForumMeetingListener(ProposalRepository proposals, JdbcClient jdbc, Clock clock, JointMeetings meetings) {
        this.meetings = meetings;
        this.proposals = proposals;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (no.kompetansemidler.engine.EngineContext.isCancelled(execution)) {
            return; // the task was not done: there is no meeting to record
        }
        String cycleId = (String) execution.getVariable(CycleVariables.CYCLE_ID);
        var version = proposals.latest(cycleId);
        if (version.isEmpty()) {
            return;
        }
        List<Violation> problems = new ArrayList<>();
        LocalDate date = null;
        Object typed = execution.getVariable("motedato");
        try {
            date = typed == null || typed.toString().isBlank() ? null : LocalDate.parse(typed.toString().substring(0,
                    Math.min(10, typed.toString().length())));
            if (date != null && date.isAfter(LocalDate.now(clock.withZone(ProcessSupport.OSLO)))) {
                problems.add(new Violation("motedato", "DATO", "Møtedatoen kan ikke være etter i dag."));
            }
        } catch (DateTimeParseException e) {
            problems.add(new Violation("motedato", "DATO", "Møtedatoen må være en dato (dd.mm.åååå)."));
        }
        List<String> present = new ArrayList<>();
        PRESENT.forEach((field, category) -> {
            Object count = execution.getVariable(field);
            if (count instanceof Number n && n.longValue() > 0) {
                present.add(category + " " + n.longValue());
            }
        });
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Object agreed = execution.getVariable(CycleVariables.FORUM_AGREED);
        jdbc.sql("""
                        insert into km_forum_meeting (cycle_id, proposal_id, meeting_date, present, agreed, vote,
                               priorities, minutes, recorded_by, recorded_at, joint_meeting_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(cycleId, version.get().id(), date == null ? null : Date.valueOf(date),
                        present.isEmpty() ? "ikke registrert" : String.join(", ", present), Boolean.TRUE.equals(agreed),
                        text(execution, "avstemning"), java.util.Objects.toString(execution.getVariable(CycleVariables.PRIORITIES), ""), text(execution, "referat"),
                        ProcessSupport.currentUser(execution),
                        Timestamp.from(clock.instant()), meetings.meetingOf(cycleId).orElse(null))
                .update();
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
