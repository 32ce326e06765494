package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.funding.SchemeCatalogue;
import no.kompetansemidler.security.PersonDirectory;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One forum meeting for several schemes (docs/arssyklus.md, «Felles møte for flere ordninger»): the caseworker
 * prepares the forum in one of the embete's cycles of a year and names the others the same meeting covers; the
 * meeting has one agenda, every cycle named goes on to «Registrer forumets innstilling», and each scheme's
 * recommendation is recorded in its own cycle and points to the meeting ({@link #record}).
 */
@Component
public class JointMeetings {

    /** The task that prepares a cycle's forum. */
    static final String PREPARE = "Task_PrepareForum";
    /** The form's field that names the other cycles. */
    static final String OTHERS = "fellesMote";

    private final JdbcClient jdbc;
    private final CycleRepository cycles;
    private final SchemeCatalogue schemes;
    private final PersonDirectory people;
    private final Clock clock;

    JointMeetings(JdbcClient jdbc, CycleRepository cycles, SchemeCatalogue schemes, PersonDirectory people, Clock clock) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.schemes = schemes;
        this.people = people;
        this.clock = clock;
    }

    /**
     * The embete's other cycles of the year whose forum is being prepared now (in no meeting yet), each with its open
     * task.
     */
    Map<CycleRepository.Cycle, Task> preparing(CycleRepository.Cycle cycle, TaskService tasks) {
        Map<CycleRepository.Cycle, Task> open = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select id from km_cycle c where embete_code = ? and county_number = ? and budget_year = ?
                          and id <> ? and process_instance_id is not null
                          and not exists (select 1 from km_joint_meeting_cycle j where j.cycle_id = c.id)
                        order by scheme""")
                .params(cycle.embete().name(), CycleRepository.countyNumber(cycle.office()), cycle.year(), cycle.id())
                .query(String.class).list().stream()
                .map(cycles::cycle)
                .forEach(c -> tasks.createTaskQuery().processInstanceId(c.processInstanceId())
                        .taskDefinitionKey(PREPARE).list().stream().findFirst().ifPresent(t -> open.put(c, t)));
        return open;
    }

    /** The options of the form's «Felles møte med»: the other cycles being prepared, by scheme. */
    List<Map<String, String>> options(java.util.Collection<CycleRepository.Cycle> preparing) {
        return preparing.stream().sorted(Comparator.comparing(CycleRepository.Cycle::scheme))
                .map(c -> Map.of("label", c.scheme().code() + " " + c.year() + " – " + schemes.name(c.scheme()),
                        "value", c.id())).toList();
    }

    /**
     * Checks the cycles named for the meeting: each one of the embete's cycles of the same year, other than this,
     * with its forum being prepared now, and in no other meeting. Throws naming the field; nothing is stored.
     */
    List<CycleRepository.Cycle> chosen(CycleRepository.Cycle cycle, List<String> ids,
                                       Map<CycleRepository.Cycle, Task> preparing) {
        List<Violation> problems = new ArrayList<>();
        List<CycleRepository.Cycle> chosen = new ArrayList<>();
        for (String id : ids) {
            Optional<CycleRepository.Cycle> other = preparing.keySet().stream().filter(c -> c.id().equals(id)).findFirst();
            if (other.isEmpty()) {
                problems.add(new Violation(OTHERS, "FELLES_MØTE", "Et felles møte kan bare omfatte "
                        + cycle.office().displayName() + "s andre sykluser for " + cycle.year() + " som forbereder"
                        + " forumet nå; «" + id + "» er ikke en av dem."));
            } else if (!chosen.contains(other.get())) {
                chosen.add(other.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return chosen;
    }

    /** Records the meeting of the cycles (this one first) with its agenda; returns its id. */
    String create(List<CycleRepository.Cycle> covered, String agenda, String preparedBy) {
        String id = UUID.randomUUID().toString();
        CycleRepository.Cycle first = covered.get(0);
        jdbc.sql("""
                        insert into km_joint_meeting (id, embete_code, budget_year, agenda, prepared_by, prepared_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(id, first.embete().name(), first.year(), agenda, preparedBy, Timestamp.from(clock.instant()))
                .update();
        covered.forEach(c -> jdbc.sql("insert into km_joint_meeting_cycle (meeting_id, cycle_id) values (?, ?)")
                .params(id, c.id()).update());
        return id;
    }

    /** What the cycles' «Registrer forumets innstilling» shows of the meeting. */
    String describe(Record record) {
        return "Felles møte i samarbeidsforumet for " + record.ordninger().stream().map(SchemePart::ordning)
                .collect(Collectors.joining(", ")) + " " + record.aar() + ", forberedt av " + record.forberedtAv()
                + ". Innstillingen registreres for hver ordning i sin syklus.\nSakliste: " + record.sakliste();
    }

    /** The joint meeting a cycle's forum belongs to, if any. */
    public Optional<String> meetingOf(String cycleId) {
        return jdbc.sql("select meeting_id from km_joint_meeting_cycle where cycle_id = ?").param(cycleId)
                .query(String.class).optional();
    }

    /** A scheme's recommendation as the meeting record shows it; null until it is recorded. */
    public record Recommendation(String motedato, String tilstede, boolean enig, String prioriteringer,
                                 String registrertAv, Instant registrert) {
    }

    /** One scheme in the meeting record. */
    public record SchemePart(String ordning, String ordningNavn, String syklusId, Recommendation innstilling) {
    }

    /** The meeting record: the agenda, and each scheme's recommendation as it was recorded (docs/api.md). */
    public record Record(String id, String embete, int aar, String sakliste, String forberedtAv, Instant forberedt,
                         List<SchemePart> ordninger) {
    }

    public Optional<Record> record(String id) {
        return jdbc.sql("select embete_code, budget_year, agenda, prepared_by, prepared_at from km_joint_meeting where id = ?")
                .param(id).query((rs, i) -> new Record(id,
                        no.kompetansemidler.domain.organisation.Embete.valueOf(rs.getString(1)).slug(), rs.getInt(2),
                        rs.getString(3), people.displayName(rs.getString(4)), rs.getTimestamp(5).toInstant(),
                        parts(id))).optional();
    }

    /** The embete of a meeting, for the access check. */
    public Optional<no.kompetansemidler.domain.organisation.Embete> embeteOf(String id) {
        return jdbc.sql("select embete_code from km_joint_meeting where id = ?").param(id).query(String.class)
                .optional().map(no.kompetansemidler.domain.organisation.Embete::valueOf);
    }

    private List<SchemePart> parts(String id) {
        return jdbc.sql("select cycle_id from km_joint_meeting_cycle where meeting_id = ?").param(id)
                .query(String.class).list().stream().map(cycles::cycle)
                .sorted(Comparator.comparing(CycleRepository.Cycle::scheme))
                .map(c -> new SchemePart(c.scheme().code(), schemes.name(c.scheme()), c.id(), jdbc.sql("""
                                select meeting_date, present, agreed, priorities, recorded_by, recorded_at
                                from km_forum_meeting where cycle_id = ? and joint_meeting_id = ?
                                order by recorded_at desc""").params(c.id(), id)
                        .query((rs, i) -> new Recommendation(rs.getDate(1) == null ? null : rs.getDate(1).toString(),
                                rs.getString(2), rs.getBoolean(3), rs.getString(4), people.displayName(rs.getString(5)),
                                rs.getTimestamp(6).toInstant())).list().stream().findFirst().orElse(null)))
                .toList();
    }
}
