package no.kompetansemidler.funding;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a wrong scheme file into a short message for the operator that names the file and the key. */
public class SchemeFileFailureAnalyzer extends AbstractFailureAnalyzer<SchemeCatalogue.SchemeFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemeCatalogue.SchemeFileException cause) {
        return new FailureAnalysis(cause.getMessage(), "Rett nøkkelen «" + cause.key() + "» i " + cause.file()
                + " og start på nytt. Nøklene og de lovlige verdiene står i docs/regler.md, «Ordningene som"
                + " konfigurasjon».", cause);
    }
}
