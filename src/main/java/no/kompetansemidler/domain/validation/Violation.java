package no.kompetansemidler.domain.validation;

/**
 * One problem with what a person submitted: the field it concerns, the rule it breaks (an id such as
 * "R1" or "ORGNR") and a Norwegian message that the person can act on.
 */
public record Violation(String field, String ruleId, String message) {
}
