package no.kompetansemidler.application;

import no.kompetansemidler.domain.application.Goal;
import no.kompetansemidler.domain.application.PlannedMeasure;
import no.kompetansemidler.domain.application.TargetGroup;
import no.kompetansemidler.domain.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The measures of the owners' applications (km_measure, km_measure_year) and the UH partners' answers on them.
 * A new submission of the same application replaces its measures; the answers start again.
 */
@Repository
public class ApplicationRepository {

    /** The UH partner's answer on a measure. */
    public enum UhAnswer {
        VENTER("venter på UH"), BEKREFTET("bekreftet av UH"), AVSLATT("avslått av UH"),
        UBESVART("ikke bekreftet innen fristen");

        private final String displayName;

        UhAnswer(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    /** A stored measure: the owner's plan, from the cycle's year, and the UH partner's answer. */
    public record StoredMeasure(String id, String organisationNumber, int position, int firstYear,
                                PlannedMeasure plan, UhAnswer answer, String answerReason) {
    }

    private final JdbcClient jdbc;

    public ApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The titles of the cycle's measures UH cannot deliver: declined by UH, or not confirmed within the deadline. */
    public List<String> measuresUhCannotDeliver(String cycleId) {
        return jdbc.sql("select title from km_measure where cycle_id = ? and uh_answer in ('AVSLATT', 'UBESVART')")
                .param(cycleId).query(String.class).list();
    }

    /** Stores the application's measures for the cycle's year and the next, replacing any earlier submission. */
    public void replace(String cycleId, String organisationNumber, int firstYear, List<PlannedMeasure> measures) {
        jdbc.sql("""
                        delete from km_measure_year where measure_id in
                            (select id from km_measure where cycle_id = ? and organisation_number = ?)""")
                .params(cycleId, organisationNumber).update();
        jdbc.sql("delete from km_measure where cycle_id = ? and organisation_number = ?")
                .params(cycleId, organisationNumber).update();
        for (int i = 0; i < measures.size(); i++) {
            PlannedMeasure m = measures.get(i);
            String id = UUID.randomUUID().toString();
            jdbc.sql("""
                            insert into km_measure (id, cycle_id, organisation_number, position, title, goals,
                                   target_groups, uh_partner, third_party, co_financing_ore, salary_ore,
                                   coordinator_ore, participants, uh_answer, units)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, cycleId, organisationNumber, i + 1, m.title(), codes(m.goals()),
                            codes(m.targetGroups()), m.uhPartner(), m.thirdParty(), m.coFinancing().ore(),
                            m.salary().ore(), m.coordinator().ore(), m.participants(), UhAnswer.VENTER.name(),
                            m.units())
                    .update();
            for (int y = 0; y < m.years(); y++) {
                jdbc.sql("insert into km_measure_year (measure_id, budget_year, amount_ore) values (?, ?, ?)")
                        .params(id, firstYear + y, m.amountPerYear().get(y).ore()).update();
            }
        }
    }

    /** The cycle's measures, by owner and position. */
    public List<StoredMeasure> measures(String cycleId) {
        return read("m.cycle_id = ?", cycleId);
    }

    /** One owner's measures in the cycle, by position. */
    public List<StoredMeasure> measures(String cycleId, String organisationNumber) {
        return read("m.cycle_id = ? and m.organisation_number = ?", cycleId, organisationNumber);
    }

    /** Records the UH partner's answer on its measures of one owner's application; how many it answered. */
    public int answer(String cycleId, String organisationNumber, String uhPartner, UhAnswer answer, String reason,
                      String by, Instant at) {
        return jdbc.sql("""
                        update km_measure set uh_answer = ?, uh_reason = ?, uh_answered_by = ?, uh_answered_at = ?
                        where cycle_id = ? and organisation_number = ? and uh_partner = ?""")
                .params(answer.name(), reason, by, Timestamp.from(at), cycleId, organisationNumber, uhPartner)
                .update();
    }

    private List<StoredMeasure> read(String where, Object... params) {
        Map<String, List<Money>> years = new LinkedHashMap<>();
        Map<String, Integer> firstYears = new LinkedHashMap<>();
        jdbc.sql("select y.measure_id, y.budget_year, y.amount_ore from km_measure_year y join km_measure m"
                        + " on m.id = y.measure_id where " + where + " order by y.measure_id, y.budget_year")
                .params(params).query(rs -> {
                    years.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(Money.ofOre(rs.getLong(3)));
                    firstYears.putIfAbsent(rs.getString(1), rs.getInt(2));
                });
        return jdbc.sql("select * from km_measure m where " + where + " order by m.organisation_number, m.position")
                .params(params).query((rs, i) -> {
                    String id = rs.getString("id");
                    PlannedMeasure plan = new PlannedMeasure(rs.getString("title"),
                            enums(rs.getString("goals"), Goal.class), enums(rs.getString("target_groups"), TargetGroup.class),
                            rs.getString("uh_partner"), rs.getBoolean("third_party"), years.getOrDefault(id, List.of()),
                            Money.ofOre(rs.getLong("co_financing_ore")), Money.ofOre(rs.getLong("salary_ore")),
                            Money.ofOre(rs.getLong("coordinator_ore")), rs.getInt("participants"),
                            rs.getString("units"));
                    return new StoredMeasure(id, rs.getString("organisation_number"), rs.getInt("position"),
                            firstYears.getOrDefault(id, 0), plan, UhAnswer.valueOf(rs.getString("uh_answer")),
                            rs.getString("uh_reason"));
                }).list();
    }

    private static String codes(java.util.Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> java.util.Set<E> enums(String codes, Class<E> type) {
        java.util.Set<E> set = java.util.EnumSet.noneOf(type);
        Arrays.stream(codes.split(",")).filter(c -> !c.isBlank()).forEach(c -> set.add(Enum.valueOf(type, c)));
        return set;
    }
}
