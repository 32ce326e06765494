package no.kompetansemidler.audit;

import java.time.Instant;

/**
 * One entry in the account of a case: when, who (user and role), what kind of event, what happened, in which
 * process and model version, and, where the event has them, the organisation it concerns, the amount and the
 * decision (their own columns in the exports).
 *
 * @param rank orders events that carry the same time in the order the case runs
 */
public record AuditEvent(Instant at, String user, String role, String kind, String what, String process, int rank,
                         String organisationNumber, Long amountOre, String decisionId) {

    public AuditEvent(Instant at, String user, String role, String kind, String what, String process, int rank) {
        this(at, user, role, kind, what, process, rank, null, null, null);
    }

    /** The same event, concerning the organisation, with the amount and the decision (any may be null). */
    AuditEvent about(String organisation, Long amount, String decision) {
        return new AuditEvent(at, user, role, kind, what, process, rank, organisation, amount, decision);
    }

    AuditEvent by(String who, String asRole) {
        return new AuditEvent(at, who, asRole, kind, what, process, rank, organisationNumber, amountOre, decisionId);
    }

    AuditEvent in(String processName) {
        return new AuditEvent(at, user, role, kind, what, processName, rank, organisationNumber, amountOre, decisionId);
    }
}
