package no.kompetansemidler.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused production start into a short message for the operator instead of a stack trace. */
public class ProductionStartFailureAnalyzer
        extends AbstractFailureAnalyzer<ProductionStartGuard.ProductionStartRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure,
                                      ProductionStartGuard.ProductionStartRefusedException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Start med profilen «demo» for å prøve systemet, eller sett KOMPETANSEMIDLER_ADMIN_USER og et sterkt"
                        + " KOMPETANSEMIDLER_ADMIN_PASSWORD (minst " + AdminPasswordPolicy.MIN_LENGTH
                        + " tegn, tre tegnklasser) for en produksjonsstart. Se README.md.", cause);
    }
}
