package no.kompetansemidler.audit;

import java.time.Instant;

/**
 * One entry in the account of a case: when, who (user and role), what kind of event, what happened, and in which
 * process and model version.
 *
 * @param rank orders events that carry the same time in the order the case runs
 */
public record AuditEvent(Instant at, String user, String role, String kind, String what, String process, int rank) {
}
