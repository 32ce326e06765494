package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.County;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.domain.organisation.Scheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The yearly cycle's own tables (km_cycle and what hangs on it), written in the engine's transaction. */
@Repository
public class CycleRepository {

    /**
     * One yearly cycle of a scheme, run by an office: a Statsforvalter embete, or a fylkeskommune (YRKESFAG).
     */
    public record Cycle(String id, Office office, Scheme scheme, int year, Money frame, String processInstanceId) {

        /** The cycle's reference (its process's business key), e.g. "vestland-DEKOM-2027". */
        public String reference() {
            return office.slug() + "-" + scheme.name() + "-" + year;
        }

        /** The Statsforvalter embete whose area the cycle is in (the office itself, or the county's embete). */
        public Embete embete() {
            return office.embete();
        }
    }

    /** How km_cycle.county_number stores the office: the county's number, or '' for a Statsforvalter's cycle. */
    public static String countyNumber(Office office) {
        return office instanceof County county ? county.number() : "";
    }

    /** The office of a km_cycle row, by its embete_code and county_number. */
    public static Office office(String embeteCode, String countyNumber) {
        if (countyNumber == null || countyNumber.isBlank()) {
            return Embete.valueOf(embeteCode);
        }
        return County.find(countyNumber).orElseThrow(() -> new IllegalStateException("Ukjent fylke " + countyNumber));
    }

    public record NeedReport(String organisationNumber, String uhPartner, String involvement, String needs,
                             String submittedBy) {
    }

    public record Decision(String id, String cycleId, String proposalId, String organisationNumber, String name,
                           String recipientKind, Money amount, String basis, String reasons, String decidedBy) {
    }

    public record Payment(String id, String decisionId, String organisationNumber, Money amount, String accountNumber,
                          Instant paidAt) {
    }

    public record SelfEvaluation(String decisionId, Money used, Money coFinancing, String measuresDone,
                                 int participants, String assessment, String settlement, Money settlementAmount) {
    }

    public record Reminder(String organisationNumber, String kind, String recipient, String subject, Instant sentAt) {
    }

    private final JdbcClient jdbc;

    public CycleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Cycle> findCycle(Office office, Scheme scheme, int year) {
        return jdbc.sql("select * from km_cycle where embete_code = ? and county_number = ? and scheme = ?"
                        + " and budget_year = ?")
                .params(office.embete().name(), countyNumber(office), scheme.name(), year).query((rs, i) -> cycle(rs))
                .optional();
    }

    /** The cycle, if there is one with this id. */
    public Optional<Cycle> findCycle(String id) {
        try {
            return Optional.of(cycle(id));
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }

    public Cycle cycle(String id) {
        return jdbc.sql("select * from km_cycle where id = ?").param(id).query((rs, i) -> cycle(rs)).single();
    }

    /** Maps a km_cycle row; also for queries of other features (the auditors' search). */
    public static Cycle cycle(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Cycle(rs.getString("id"), office(rs.getString("embete_code"), rs.getString("county_number")),
                Scheme.valueOf(rs.getString("scheme")), rs.getInt("budget_year"), Money.ofOre(rs.getLong("frame_ore")),
                rs.getString("process_instance_id"));
    }

    /**
     * Unused money carried over into this cycle (R15): what the office decided to carry over from the cycle of the
     * same office and scheme the year before. It is added to the frame to be distributed (the frame from Udir
     * stays as Udir sent it). Read when asked, so a carry-over decided after this cycle started is in it too.
     */
    public Money carriedIn(Cycle cycle) {
        return Money.ofOre(jdbc.sql("""
                        select coalesce(sum(e.settlement_ore), 0) from km_self_evaluation e
                        join km_decision d on d.id = e.decision_id join km_cycle c on c.id = d.cycle_id
                        where e.settlement = 'CARRY_OVER' and c.embete_code = ? and c.county_number = ? and c.scheme = ?
                        and c.budget_year = ?""")
                .params(cycle.embete().name(), countyNumber(cycle.office()), cycle.scheme().name(), cycle.year() - 1).query(Long.class).single());
    }

    /** What has come in of the cycle's repayment claims (R15), as the caseworkers recorded it. */
    public Money claimsPaidBack(String cycleId) {
        return Money.ofOre(jdbc.sql("select coalesce(sum(paid_ore), 0) from km_claim where cycle_id = ?")
                .param(cycleId).query(Long.class).single());
    }

    /** The frame to distribute: Udir's frame and what was carried over into the cycle (R15). */
    public Money distributable(Cycle cycle) {
        return cycle.frame().plus(carriedIn(cycle));
    }

    public String createCycle(Office office, Scheme scheme, int year, Money frame, String processInstanceId,
                              String startedBy, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into km_cycle (id, embete_code, county_number, scheme, budget_year, frame_ore,
                               process_instance_id, started_by, started_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, office.embete().name(), countyNumber(office), scheme.name(), year, frame.ore(),
                        processInstanceId, startedBy,
                        Timestamp.from(at))
                .update();
        return id;
    }

    public void saveNeedReport(String cycleId, NeedReport report, Instant at) {
        jdbc.sql("delete from km_need_report where cycle_id = ? and organisation_number = ?")
                .params(cycleId, report.organisationNumber()).update();
        jdbc.sql("""
                        insert into km_need_report (cycle_id, organisation_number, uh_partner, involvement, needs,
                               submitted_by, submitted_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(cycleId, report.organisationNumber(), report.uhPartner(), report.involvement(), report.needs(),
                        report.submittedBy(), Timestamp.from(at))
                .update();
    }

    /** An owner's need report with the time it was sent. */
    public record SentNeedReport(NeedReport report, Instant submittedAt) {
    }

    /** The owner's need report in the cycle, if it has sent one. */
    public Optional<SentNeedReport> needReport(String cycleId, String owner) {
        return jdbc.sql("select * from km_need_report where cycle_id = ? and organisation_number = ?")
                .params(cycleId, owner)
                .query((rs, i) -> new SentNeedReport(needReport(rs), rs.getTimestamp("submitted_at").toInstant()))
                .optional();
    }

    private static NeedReport needReport(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new NeedReport(rs.getString("organisation_number"), rs.getString("uh_partner"),
                rs.getString("involvement"), rs.getString("needs"), rs.getString("submitted_by"));
    }

    public List<NeedReport> needReports(String cycleId) {
        return jdbc.sql("select * from km_need_report where cycle_id = ? order by organisation_number").param(cycleId)
                .query((rs, i) -> needReport(rs)).list();
    }

    public void recordParticipation(String cycleId, String organisationNumber, boolean takesPart, String reason,
                                    String decidedBy, Instant at) {
        jdbc.sql("delete from km_participation where cycle_id = ? and organisation_number = ?")
                .params(cycleId, organisationNumber).update();
        jdbc.sql("""
                        insert into km_participation (cycle_id, organisation_number, takes_part, reason, decided_by,
                               decided_at) values (?, ?, ?, ?, ?, ?)""")
                .params(cycleId, organisationNumber, takesPart, reason, decidedBy, Timestamp.from(at)).update();
    }

    /** Organisation numbers recorded as not taking part in this cycle (R5). */
    public List<String> nonParticipants(String cycleId) {
        return jdbc.sql("select organisation_number from km_participation where cycle_id = ? and takes_part = false")
                .param(cycleId).query(String.class).list();
    }

    public String saveDecision(Decision d, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into km_decision (id, cycle_id, proposal_id, organisation_number, name, recipient_kind,
                               amount_ore, basis, reasons, decided_by, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, d.cycleId(), d.proposalId(), d.organisationNumber(), d.name(), d.recipientKind(),
                        d.amount().ore(), d.basis(), d.reasons(), d.decidedBy(), Timestamp.from(at))
                .update();
        return id;
    }

    public List<Decision> decisions(String cycleId) {
        return jdbc.sql("select * from km_decision where cycle_id = ? order by organisation_number").param(cycleId)
                .query((rs, i) -> decision(rs)).list();
    }

    /** What the cycle's decisions add up to now (a decision changed after a complaint with its new amount). */
    public Money decided(String cycleId) {
        return Money.ofOre(jdbc.sql("select coalesce(sum(amount_ore), 0) from km_decision where cycle_id = ?")
                .param(cycleId).query(Long.class).single());
    }

    /** The decision to this recipient in the cycle, if it has one (one per recipient and cycle). */
    public Optional<Decision> decisionOf(String cycleId, String organisationNumber) {
        return jdbc.sql("select * from km_decision where cycle_id = ? and organisation_number = ?")
                .params(cycleId, organisationNumber).query((rs, i) -> decision(rs)).optional();
    }

    public Decision decision(String id) {
        return jdbc.sql("select * from km_decision where id = ?").param(id).query((rs, i) -> decision(rs)).single();
    }

    private static Decision decision(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Decision(rs.getString("id"), rs.getString("cycle_id"), rs.getString("proposal_id"),
                rs.getString("organisation_number"), rs.getString("name"), rs.getString("recipient_kind"),
                Money.ofOre(rs.getLong("amount_ore")), rs.getString("basis"), rs.getString("reasons"),
                rs.getString("decided_by"));
    }

    /** The payment of the decision as it was first made (not the difference after a complaint). */
    public Optional<Payment> paymentFor(String decisionId) {
        return paymentFor(decisionId, PaymentKind.VEDTAK);
    }

    public Optional<Payment> paymentFor(String decisionId, PaymentKind kind) {
        return jdbc.sql("select * from km_payment where decision_id = ? and kind = ?").params(decisionId, kind.name())
                .query((rs, i) -> payment(rs)).optional();
    }

    /** What a payment pays: the decision as first made, or the difference after an upheld complaint. */
    public enum PaymentKind { VEDTAK, KLAGE }

    /** Inserts the decision's payment; the unique constraint on (decision_id, kind) refuses a second one (R9). */
    public String insertPayment(String decisionId, String organisationNumber, Money amount, String accountNumber,
                                Instant at) {
        return insertPayment(decisionId, PaymentKind.VEDTAK, organisationNumber, amount, accountNumber, at);
    }

    public String insertPayment(String decisionId, PaymentKind kind, String organisationNumber, Money amount,
                                String accountNumber, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into km_payment (id, decision_id, kind, organisation_number, amount_ore, account_number,
                               paid_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, decisionId, kind.name(), organisationNumber, amount.ore(), accountNumber,
                        Timestamp.from(at)).update();
        return id;
    }

    /**
     * The amount the decision was first made with: its first version when a complaint changed it, else its amount.
     * The decision's own payment pays this, and an upheld complaint's difference is paid or claimed apart.
     */
    public Money firstAmount(Decision decision) {
        return jdbc.sql("""
                        select amount_ore from km_decision_version where decision_id = ?
                        order by replaced_at fetch first 1 rows only""").param(decision.id()).query(Long.class)
                .optional().map(Money::ofOre).orElse(decision.amount());
    }

    public List<Payment> payments(String cycleId) {
        return jdbc.sql("""
                        select p.* from km_payment p join km_decision d on d.id = p.decision_id
                        where d.cycle_id = ? order by p.organisation_number""")
                .param(cycleId).query((rs, i) -> payment(rs)).list();
    }

    private static Payment payment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Payment(rs.getString("id"), rs.getString("decision_id"), rs.getString("organisation_number"),
                Money.ofOre(rs.getLong("amount_ore")), rs.getString("account_number"),
                rs.getTimestamp("paid_at").toInstant());
    }

    public void recordReminder(String cycleId, String organisationNumber, String kind, String recipient,
                               String subject, Instant at) {
        jdbc.sql("""
                        insert into km_reminder (id, cycle_id, organisation_number, kind, recipient, subject, sent_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), cycleId, organisationNumber, kind, recipient, subject,
                        Timestamp.from(at))
                .update();
    }

    public List<Reminder> reminders(String cycleId) {
        return jdbc.sql("select * from km_reminder where cycle_id = ? order by sent_at").param(cycleId)
                .query((rs, i) -> new Reminder(rs.getString("organisation_number"), rs.getString("kind"),
                        rs.getString("recipient"), rs.getString("subject"), rs.getTimestamp("sent_at").toInstant()))
                .list();
    }

    public void saveSelfEvaluation(SelfEvaluation e, String submittedBy, Instant at) {
        jdbc.sql("delete from km_self_evaluation where decision_id = ?").param(e.decisionId()).update();
        jdbc.sql("""
                        insert into km_self_evaluation (decision_id, used_ore, co_financing_ore, measures_done,
                               participants, assessment, submitted_by, submitted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.decisionId(), e.used().ore(), e.coFinancing().ore(), e.measuresDone(), e.participants(),
                        e.assessment(), submittedBy, Timestamp.from(at))
                .update();
    }

    public void recordSettlement(String decisionId, String settlement, Money amount, String reviewedBy, Instant at) {
        jdbc.sql("""
                        update km_self_evaluation set settlement = ?, settlement_ore = ?, reviewed_by = ?, reviewed_at = ?
                        where decision_id = ?""")
                .params(settlement, amount.ore(), reviewedBy, Timestamp.from(at), decisionId).update();
    }

    public Optional<SelfEvaluation> selfEvaluation(String decisionId) {
        return jdbc.sql("select * from km_self_evaluation where decision_id = ?").param(decisionId)
                .query((rs, i) -> new SelfEvaluation(rs.getString("decision_id"), Money.ofOre(rs.getLong("used_ore")),
                        Money.ofOre(rs.getLong("co_financing_ore")), rs.getString("measures_done"),
                        rs.getInt("participants"), rs.getString("assessment"), rs.getString("settlement"),
                        rs.getObject("settlement_ore") == null ? null : Money.ofOre(rs.getLong("settlement_ore"))))
                .optional();
    }

    public void saveReport(String cycleId, String html, Instant at) {
        jdbc.sql("delete from km_report where cycle_id = ?").param(cycleId).update();
        jdbc.sql("insert into km_report (cycle_id, created_at, html) values (?, ?, ?)")
                .params(cycleId, Timestamp.from(at), html).update();
    }

    /** When the yearly report was made, if it has been. */
    public Optional<Instant> reportMadeAt(String cycleId) {
        return jdbc.sql("select created_at from km_report where cycle_id = ?").param(cycleId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    public Optional<String> report(String cycleId) {
        return jdbc.sql("select html from km_report where cycle_id = ?").param(cycleId).query(String.class).optional();
    }
}
