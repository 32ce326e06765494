package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Unused money claimed back (R15) as receivables (table km_claim): opened once per decision when the caseworker's
 * review settles unused money as a repayment claim, with the account to pay to and a due date; settled when the
 * caseworker records that the money came in.
 */
@Repository
public class Claims {

    public record Claim(String id, String decisionId, String cycleId, String organisationNumber, String name,
                        Money amount, String accountNumber, LocalDate dueDate, String createdBy, Instant createdAt,
                        Money paid,
                        LocalDate paidOn, String recordedBy) {

        public boolean settled() {
            return paid != null;
        }
    }

    private static final RowMapper<Claim> ROW = (rs, n) -> new Claim(rs.getString("id"), rs.getString("decision_id"),
            rs.getString("cycle_id"), rs.getString("organisation_number"), rs.getString("name"),
            Money.ofOre(rs.getLong("amount_ore")), rs.getString("account_number"), rs.getDate("due_date").toLocalDate(),
            rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getObject("paid_ore") == null ? null
            : Money.ofOre(rs.getLong("paid_ore")), rs.getDate("paid_on") == null ? null
            : rs.getDate("paid_on").toLocalDate(), rs.getString("recorded_by"));

    private final JdbcClient jdbc;

    Claims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The claim of the decision, opened now unless it is open already (a step run again opens none). */
    public Claim open(CycleRepository.Decision decision, Money amount, String account, LocalDate due, String by,
                      Instant at) {
        Optional<Claim> existing = ofDecision(decision.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into km_claim (id, decision_id, cycle_id, organisation_number, name, amount_ore,
                               account_number, due_date, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, decision.id(), decision.cycleId(), decision.organisationNumber(), decision.name(),
                        amount.ore(), account, Date.valueOf(due), by, Timestamp.from(at)).update();
        return find(id).orElseThrow();
    }

    public Optional<Claim> find(String id) {
        return jdbc.sql("select * from km_claim where id = ?").param(id).query(ROW).optional();
    }

    public Optional<Claim> ofDecision(String decisionId) {
        return jdbc.sql("select * from km_claim where decision_id = ?").param(decisionId).query(ROW).optional();
    }

    public List<Claim> of(String cycleId) {
        return jdbc.sql("select * from km_claim where cycle_id = ? order by name").param(cycleId).query(ROW).list();
    }

    /**
     * Records that the claim was paid back: the whole amount (a part payment is not a settlement: the claim stays
     * open), on a day not in the future. Refused with the field and rule, and nothing stored, otherwise; a claim
     * is settled once.
     */
    public Claim recordPaid(String id, Money amount, LocalDate paidOn, LocalDate today, String by, Instant at) {
        Claim claim = find(id).orElseThrow();
        List<Violation> problems = new java.util.ArrayList<>();
        if (claim.settled()) {
            problems.add(new Violation("krav", "OPPGJORT", "Kravet er allerede registrert som innbetalt "
                    + claim.paidOn().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")) + "."));
        }
        if (!amount.equals(claim.amount())) {
            problems.add(new Violation("belop", "R15", "Beløpet må være hele kravet, " + claim.amount().format()
                    + " (innbetalt: " + amount.format() + "). Delbetalinger registreres ikke; kravet står åpent."));
        }
        if (paidOn.isAfter(today)) {
            problems.add(new Violation("dato", "DATO", "Innbetalingsdatoen kan ikke være etter i dag."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        int updated = jdbc.sql("""
                        update km_claim set paid_ore = ?, paid_on = ?, recorded_by = ?, recorded_at = ?
                        where id = ? and paid_ore is null""")
                .params(amount.ore(), Date.valueOf(paidOn), by, Timestamp.from(at), id).update();
        if (updated != 1) {
            throw new ValidationException(List.of(new Violation("krav", "OPPGJORT",
                    "Kravet ble registrert som innbetalt av en annen samtidig.")));
        }
        return find(id).orElseThrow();
    }
}
