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
 * review settles unused money as a repayment claim (or an upheld complaint lowers a decision already paid), with
 * the account to pay to and a due date; settled when the payments the caseworker records add up to it.
 */
@Repository
public class Claims {

    public record Claim(String id, String decisionId, String cycleId, String organisationNumber, String name,
                        Money amount, String accountNumber, LocalDate dueDate, String createdBy, Instant createdAt,
                        Money paid,
                        LocalDate paidOn, String recordedBy) {

        /** Paid back in full: the payments recorded add up to the claim. */
        public boolean settled() {
            return paid != null && paid.equals(amount);
        }

        /** What is still to be paid back. */
        public Money remaining() {
            return paid == null ? amount : amount.minus(paid);
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

    /** Why money is claimed back: unused (the self-evaluation), or paid beyond a complaint's new decision. */
    public enum Kind { EGENVURDERING, KLAGE }

    /** The claim of the decision's unused money, opened now unless it is open already (a step run again opens none). */
    public Claim open(CycleRepository.Decision decision, Money amount, String account, LocalDate due, String by,
                      Instant at) {
        return open(decision, Kind.EGENVURDERING, amount, account, due, by, at);
    }

    /** The decision's claim of this kind, opened now unless it is open already. */
    public Claim open(CycleRepository.Decision decision, Kind kind, Money amount, String account, LocalDate due,
                      String by, Instant at) {
        Optional<Claim> existing = ofDecision(decision.id(), kind);
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into km_claim (id, decision_id, kind, cycle_id, organisation_number, name, amount_ore,
                               account_number, due_date, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, decision.id(), kind.name(), decision.cycleId(), decision.organisationNumber(), decision.name(),
                        amount.ore(), account, Date.valueOf(due), by, Timestamp.from(at)).update();
        return find(id).orElseThrow();
    }

    public Optional<Claim> find(String id) {
        return jdbc.sql("select * from km_claim where id = ?").param(id).query(ROW).optional();
    }

    /** The claim of the decision's unused money (R15), if there is one. */
    public Optional<Claim> ofDecision(String decisionId) {
        return ofDecision(decisionId, Kind.EGENVURDERING);
    }

    public Optional<Claim> ofDecision(String decisionId, Kind kind) {
        return jdbc.sql("select * from km_claim where decision_id = ? and kind = ?").params(decisionId, kind.name())
                .query(ROW).optional();
    }

    public List<Claim> of(String cycleId) {
        return jdbc.sql("select * from km_claim where cycle_id = ? order by name").param(cycleId).query(ROW).list();
    }

    /** One payment of a claim, as the caseworker recorded it. */
    public record Payment(Money amount, LocalDate paidOn, String recordedBy, Instant recordedAt) {
    }

    /** The payments recorded on the claim, oldest first. */
    public List<Payment> payments(String claimId) {
        return jdbc.sql("select * from km_claim_payment where claim_id = ? order by recorded_at").param(claimId)
                .query((rs, n) -> new Payment(Money.ofOre(rs.getLong("amount_ore")), rs.getDate("paid_on").toLocalDate(),
                        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant())).list();
    }

    /**
     * Records money paid back on the claim: the whole claim, or a part of what remains (the claim stays open until
     * the payments add up to it), on a day not in the future. Refused with the field and rule, and nothing stored,
     * otherwise: more than remains, or a claim already settled. Two caseworkers recording at once: one of them is
     * refused.
     */
    public Claim recordPaid(String id, Money amount, LocalDate paidOn, LocalDate today, String by, Instant at) {
        Claim claim = find(id).orElseThrow();
        List<Violation> problems = new java.util.ArrayList<>();
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
        if (claim.settled()) {
            problems.add(new Violation("krav", "OPPGJORT", "Kravet er allerede betalt tilbake i sin helhet "
                    + claim.paidOn().format(day) + "."));
        } else if (!amount.isPositive()) {
            problems.add(new Violation("belop", "R15", "Beløpet som kom inn, må være mer enn 0 kr."));
        } else if (amount.isGreaterThan(claim.remaining())) {
            problems.add(new Violation("belop", "R15", "Beløpet (" + amount.format() + ") er mer enn det som står"
                    + " igjen av kravet, " + claim.remaining().format() + (claim.paid() == null ? ""
                    : " (av " + claim.amount().format() + "; " + claim.paid().format() + " er betalt)") + "."));
        }
        if (paidOn.isAfter(today)) {
            problems.add(new Violation("dato", "DATO", "Innbetalingsdatoen kan ikke være etter i dag."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long before = claim.paid() == null ? 0 : claim.paid().ore();
        int updated = jdbc.sql("""
                        update km_claim set paid_ore = ?, paid_on = ?, recorded_by = ?, recorded_at = ?
                        where id = ? and coalesce(paid_ore, 0) = ?""")
                .params(Math.addExact(before, amount.ore()), Date.valueOf(paidOn), by, Timestamp.from(at), id, before)
                .update();
        if (updated != 1) {
            throw new ValidationException(List.of(new Violation("krav", "OPPGJORT",
                    "En annen registrerte en innbetaling på kravet samtidig; åpne kravet på nytt.")));
        }
        jdbc.sql("""
                        insert into km_claim_payment (id, claim_id, amount_ore, paid_on, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), id, amount.ore(), Date.valueOf(paidOn), by, Timestamp.from(at))
                .update();
        return find(id).orElseThrow();
    }
}
