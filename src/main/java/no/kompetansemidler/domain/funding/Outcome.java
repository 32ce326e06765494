package no.kompetansemidler.domain.funding;

/** What one rule says about one proposal: approved, or rejected with the rule id and a Norwegian reason. */
public sealed interface Outcome permits Outcome.Approved, Outcome.Rejected {

    Approved APPROVED = new Approved();

    record Approved() implements Outcome {
    }

    /** A breach: the rule, the recipient it concerns (organisation number, or null for the whole), the reason. */
    record Rejected(RuleId rule, String recipient, String reason) implements Outcome {
    }

    default boolean isApproved() {
        return this instanceof Approved;
    }
}
