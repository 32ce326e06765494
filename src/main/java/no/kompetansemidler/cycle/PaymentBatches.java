package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Payments as files the finance system imports (table km_payment_batch): a batch takes every payment of the cycle
 * that is in no batch yet, one line each with the decision's reference, and is made once; each payment records the
 * batch that paid it. The file names who prepared and who approved the decisions.
 */
@Repository
public class PaymentBatches {

    /** The file's columns (semicolon-separated, UTF-8, amounts in øre and in kroner). */
    public static final String HEADER = "vedtak;referanse;organisasjonsnummer;mottaker;kontonummer;belop_ore;belop;melding";

    public record Batch(String id, String cycleId, int number, int lines, Money total, String preparedBy,
                        String approvedBy, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    PaymentBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Line(String paymentId, String decisionId, String organisationNumber, String name, String account,
                        long ore, String kind) {
    }

    /**
     * A batch of every payment of the cycle not yet in one, or empty when there is none. Two nodes making a batch at
     * once: one of them fails on the batch number or on the payments already taken, and nothing of it is stored.
     */
    @Transactional
    public Optional<Batch> make(String cycleId, String reference, String preparedBy, String approvedBy, Instant at) {
        List<Line> lines = jdbc.sql("""
                        select p.id, p.decision_id, p.organisation_number, d.name, p.account_number, p.amount_ore, p.kind
                        from km_payment p join km_decision d on d.id = p.decision_id
                        where d.cycle_id = ? and p.batch_id is null order by d.name, p.organisation_number""")
                .param(cycleId)
                .query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7)))
                .list();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from km_payment_batch where cycle_id = ?")
                .param(cycleId).query(Integer.class).single();
        StringBuilder file = new StringBuilder(HEADER).append("\r\n");
        long total = 0;
        for (Line l : lines) {
            total = Math.addExact(total, l.ore());
            file.append(String.join(";", l.decisionId(), reference + "/" + l.organisationNumber(),
                    l.organisationNumber(), csv(l.name()), l.account(), Long.toString(l.ore()),
                    kroner(l.ore()), csv("Kompetansemidler " + reference + ", vedtak " + l.decisionId()
                    + ("KLAGE".equals(l.kind()) ? ", etterbetaling etter klage" : ""))))
                    .append("\r\n");
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into km_payment_batch (id, cycle_id, number, line_count, total_ore, prepared_by,
                               approved_by, content, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, cycleId, number, lines.size(), total, preparedBy, approvedBy, file.toString(),
                        Timestamp.from(at))
                .update();
        for (Line l : lines) {
            if (jdbc.sql("update km_payment set batch_id = ? where id = ? and batch_id is null")
                    .params(id, l.paymentId()).update() != 1) {
                throw new org.springframework.dao.ConcurrencyFailureException(
                        "Utbetalingen " + l.paymentId() + " kom i en annen utbetalingsfil samtidig");
            }
        }
        return batch(id);
    }

    public Optional<Batch> batch(String id) {
        return jdbc.sql("select id, cycle_id, number, line_count, total_ore, prepared_by, approved_by, created_at"
                        + " from km_payment_batch where id = ?").param(id).query((rs, n) -> batch(rs)).optional();
    }

    public List<Batch> of(String cycleId) {
        return jdbc.sql("select id, cycle_id, number, line_count, total_ore, prepared_by, approved_by, created_at"
                        + " from km_payment_batch where cycle_id = ? order by number").param(cycleId)
                .query((rs, n) -> batch(rs)).list();
    }

    public Optional<String> file(String id) {
        return jdbc.sql("select content from km_payment_batch where id = ?").param(id).query(String.class).optional();
    }

    /** Which batch paid this decision, if any. */
    public Optional<String> batchOf(String decisionId) {
        return jdbc.sql("select batch_id from km_payment where decision_id = ? and kind = 'VEDTAK'"
                        + " and batch_id is not null")
                .param(decisionId).query(String.class).optional();
    }

    private static Batch batch(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Batch(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), Money.ofOre(rs.getLong(5)),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }

    static String kroner(long ore) {
        return (ore / 100) + "," + String.format("%02d", ore % 100);
    }

    private static String csv(String text) {
        String flat = text.replace('\r', ' ').replace('\n', ' ');
        return flat.contains(";") || flat.contains("\"") ? "\"" + flat.replace("\"", "\"\"") + "\"" : flat;
    }
}
