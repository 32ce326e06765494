package no.kompetansemidler.cycle;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The leaders' sign-offs of a cycle's distribution (table km_sign_off): approved or sent back, by whom, and who
 * prepared it. The database refuses a sign-off by its preparer.
 */
@Repository
public class SignOffs {

    /** One sign-off: {@code approved} false when the leader sent the distribution back. */
    public record SignOff(String id, String cycleId, String proposalId, String preparedBy, String decidedBy,
                          boolean approved, String comment, Instant decidedAt) {
    }

    private final JdbcClient jdbc;

    SignOffs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String record(String cycleId, String proposalId, String preparedBy, String decidedBy, boolean approved,
                  String comment, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into km_sign_off (id, cycle_id, proposal_id, prepared_by, decided_by, approved, comment,"
                        + " decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, cycleId, proposalId, preparedBy, decidedBy, approved, comment,
                        java.sql.Timestamp.from(at)).update();
        return id;
    }

    /** Every sign-off of the cycle, oldest first. */
    public List<SignOff> of(String cycleId) {
        return jdbc.sql("select id, cycle_id, proposal_id, prepared_by, decided_by, approved, comment, decided_at"
                        + " from km_sign_off where cycle_id = ? order by decided_at, id")
                .param(cycleId)
                .query((rs, n) -> new SignOff(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** The approval the cycle's decisions rest on: its last sign-off, when that approved. */
    public Optional<SignOff> approval(String cycleId) {
        List<SignOff> all = of(cycleId);
        return all.isEmpty() || !all.get(all.size() - 1).approved() ? Optional.empty()
                : Optional.of(all.get(all.size() - 1));
    }
}
