package no.kompetansemidler.domain.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when submitted input breaks one or more rules; carries every violation, not only the first. */
public class ValidationException extends RuntimeException {

    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.field() + " [" + v.ruleId() + "]: " + v.message())
                .collect(Collectors.joining("; ", "Ugyldig innhold: ", ""));
    }
}
