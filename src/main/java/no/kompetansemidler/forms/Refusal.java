package no.kompetansemidler.forms;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import org.camunda.bpm.engine.BadUserRequestException;

import java.util.List;

/**
 * A person's submission refused by a form or a rule, as it leaves the engine: a bad request (400 over REST, logged
 * by the engine at debug, not as an error with a stack trace), with every violation.
 */
public class Refusal extends BadUserRequestException {

    private final transient List<Violation> violations;

    public Refusal(ValidationException refused) {
        super(refused.getMessage(), refused);
        this.violations = refused.violations();
    }

    public List<Violation> violations() {
        return violations;
    }
}
