package no.kompetansemidler.complaint;

import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.funding.ProposalAssembler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Complaints on decisions (table km_complaint, forvaltningsloven §§ 28–34), one per recipient and cycle, and the
 * earlier versions of a decision a complaint changed (km_decision_version). A decision keeps its id when a complaint
 * changes it: its amount is the new one, and its first amount stays in its versions, so that its own payment pays
 * what was first decided and the difference is paid or claimed apart, each once.
 */
@Repository
public class Complaints {

    /** Where a complaint stands. */
    public enum Status {
        MOTTATT("mottatt, til vurdering hos Statsforvalteren"),
        TIL_GODKJENNING("tas til følge, nytt vedtak til godkjenning hos leder"),
        OMGJORT("tatt til følge: nytt vedtak"),
        HOS_UDIR("ikke tatt til følge, sendt til Utdanningsdirektoratet"),
        STADFESTET("Utdanningsdirektoratet ga ikke medhold: vedtaket står"),
        OMGJORT_AV_UDIR("Utdanningsdirektoratet ga medhold: nytt vedtak");

        private final String displayName;

        Status(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    public record Complaint(String id, String cycleId, String letterId, String decisionId, String organisationNumber,
                            String name, String grounds, String lodgedBy, Instant lodgedAt, String processInstanceId,
                            Status status, Money before, Money after, String assessment, String assessedBy,
                            String approvedBy, String udirReasons, String udirBy, Instant decidedAt) {

        /** The new decision's amount minus the decision complained on: paid when positive, claimed when negative. */
        public Money difference() {
            return after == null ? Money.ZERO : after.minus(before);
        }
    }

    private static final RowMapper<Complaint> ROW = (rs, n) -> new Complaint(rs.getString("id"),
            rs.getString("cycle_id"), rs.getString("letter_id"), rs.getString("decision_id"),
            rs.getString("organisation_number"), rs.getString("name"), rs.getString("grounds"),
            rs.getString("lodged_by"), rs.getTimestamp("lodged_at").toInstant(), rs.getString("process_instance_id"),
            Status.valueOf(rs.getString("status")), Money.ofOre(rs.getLong("amount_before_ore")),
            rs.getObject("amount_after_ore") == null ? null : Money.ofOre(rs.getLong("amount_after_ore")),
            rs.getString("assessment"), rs.getString("assessed_by"), rs.getString("approved_by"),
            rs.getString("udir_reasons"), rs.getString("udir_by"), decidedAt(rs));

    private final JdbcClient jdbc;
    private final CycleRepository cycles;
    private final ProposalAssembler recipients;

    public Complaints(JdbcClient jdbc, CycleRepository cycles, ProposalAssembler recipients) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.recipients = recipients;
    }

    private static Instant decidedAt(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp("udir_at") != null ? rs.getTimestamp("udir_at") : rs.getTimestamp("approved_at");
        return at == null ? null : at.toInstant();
    }

    /** A new complaint; the database refuses a second one for the same recipient and cycle. */
    String lodge(String cycleId, String letterId, String decisionId, String organisationNumber, String name,
                 String grounds, Money before, String by, String processInstanceId, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into km_complaint (id, cycle_id, letter_id, decision_id, organisation_number, name,
                               grounds, lodged_by, lodged_at, process_instance_id, status, amount_before_ore)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'MOTTATT', ?)""")
                .params(id, cycleId, letterId, decisionId, organisationNumber, name, grounds, by, Timestamp.from(at),
                        processInstanceId, before.ore())
                .update();
        return id;
    }

    public Optional<Complaint> find(String id) {
        return jdbc.sql("select * from km_complaint where id = ?").param(id).query(ROW).optional();
    }

    public Complaint complaint(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("Klagen " + id + " finnes ikke"));
    }

    public Optional<Complaint> of(String cycleId, String organisationNumber) {
        return jdbc.sql("select * from km_complaint where cycle_id = ? and organisation_number = ?")
                .params(cycleId, organisationNumber).query(ROW).optional();
    }

    /** The cycle's complaints, by recipient. */
    public List<Complaint> ofCycle(String cycleId) {
        return jdbc.sql("select * from km_complaint where cycle_id = ? order by name").param(cycleId).query(ROW).list();
    }

    /** The caseworker's assessment: upheld with a new amount (to a leader), or not (to Udir). */
    void assess(String id, boolean upheld, Money after, String assessment, String by, Instant at) {
        jdbc.sql("""
                        update km_complaint set status = ?, amount_after_ore = ?, assessment = ?, assessed_by = ?,
                               assessed_at = ? where id = ?""")
                .params(upheld ? Status.TIL_GODKJENNING.name() : Status.HOS_UDIR.name(), after == null ? null
                        : after.ore(), assessment, by, Timestamp.from(at), id)
                .update();
    }

    /** A leader sent the upheld complaint's new decision back to the caseworker. */
    void sendBack(String id) {
        jdbc.sql("update km_complaint set status = 'MOTTATT' where id = ?").param(id).update();
    }

    /**
     * The complaint's outcome: the decision is changed to the new amount (its version before kept, a refused
     * applicant given a decision), or it stands. Once: a step run again finds the outcome recorded.
     */
    void decide(String id, Status outcome, Money after, String decidedBy, String udirReasons, Instant at) {
        Complaint complaint = complaint(id);
        if (complaint.status() == Status.OMGJORT || complaint.status() == Status.STADFESTET
                || complaint.status() == Status.OMGJORT_AV_UDIR) {
            return;
        }
        String decisionId = complaint.decisionId();
        if (outcome != Status.STADFESTET) {
            decisionId = changeDecision(complaint, after, outcome == Status.OMGJORT ? complaint.assessment()
                    : udirReasons, decidedBy, at);
        }
        if (outcome == Status.OMGJORT) {
            jdbc.sql("""
                            update km_complaint set status = ?, decision_id = ?, amount_after_ore = ?, approved_by = ?,
                                   approved_at = ? where id = ?""")
                    .params(outcome.name(), decisionId, after.ore(), decidedBy, Timestamp.from(at), id).update();
        } else {
            jdbc.sql("""
                            update km_complaint set status = ?, decision_id = ?, amount_after_ore = ?, udir_reasons = ?,
                                   udir_by = ?, udir_at = ? where id = ?""")
                    .params(outcome.name(), decisionId, after.ore(), udirReasons, decidedBy, Timestamp.from(at), id)
                    .update();
        }
    }

    private String changeDecision(Complaint complaint, Money after, String reasons, String decidedBy, Instant at) {
        if (complaint.decisionId() == null) {
            // the distribution the leader approved, which the new decision changes
            var proposalId = jdbc.sql("select proposal_id from km_sign_off where cycle_id = ? and approved = true"
                    + " order by decided_at desc fetch first 1 rows only").param(complaint.cycleId())
                    .query(String.class).single();
            // what the complainant is by the master data, as when the decisions were made (R2)
            String kind = recipients.kindOf(complaint.organisationNumber(),
                    cycles.cycle(complaint.cycleId()).scheme()).name();
            return cycles.saveDecision(new CycleRepository.Decision(null, complaint.cycleId(), proposalId,
                    complaint.organisationNumber(), complaint.name(), kind, after, "KLAGE", reasons, decidedBy), at);
        }
        CycleRepository.Decision before = cycles.decision(complaint.decisionId());
        jdbc.sql("""
                        insert into km_decision_version (id, decision_id, complaint_id, amount_ore, basis, reasons,
                               decided_by, decided_at, replaced_at)
                        select ?, id, ?, amount_ore, basis, reasons, decided_by, decided_at, ? from km_decision
                        where id = ?""")
                .params(UUID.randomUUID().toString(), complaint.id(), Timestamp.from(at), before.id()).update();
        jdbc.sql("update km_decision set amount_ore = ?, basis = 'KLAGE', reasons = ?, decided_by = ?, decided_at = ?"
                        + " where id = ?")
                .params(after.ore(), reasons, decidedBy, Timestamp.from(at), before.id()).update();
        return before.id();
    }

    /** The versions of a decision before complaints changed it, oldest first. */
    public record Version(Money amount, String basis, String reasons, String decidedBy, Instant decidedAt,
                          Instant replacedAt) {
    }

    public List<Version> versions(String decisionId) {
        return jdbc.sql("select * from km_decision_version where decision_id = ? order by replaced_at")
                .param(decisionId)
                .query((rs, n) -> new Version(Money.ofOre(rs.getLong("amount_ore")), rs.getString("basis"),
                        rs.getString("reasons"), rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant(),
                        rs.getTimestamp("replaced_at").toInstant()))
                .list();
    }
}
