package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.validation.Texts;
import no.kompetansemidler.domain.validation.Violation;

import java.util.List;

/** Checks a free-text field from a form: required, bounded, and no markup. */
final class FreeText {

    private FreeText() {
    }

    static String check(Object value, String field, String label, int minLength, String ruleId, List<Violation> problems) {
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty()) {
            problems.add(new Violation(field, "PÅKREVD", label + " må fylles ut."));
        } else if (text.length() < minLength) {
            problems.add(new Violation(field, ruleId, label + " må ha minst " + minLength + " tegn."));
        } else if (text.length() > Texts.MAX_LENGTH) {
            problems.add(new Violation(field, "LENGDE", label + " kan ha høyst " + Texts.MAX_LENGTH + " tegn (har " + text.length() + ")."));
        } else if (Texts.containsMarkup(text)) {
            problems.add(new Violation(field, "TEGN", label + " kan ikke inneholde HTML eller skript."));
        }
        return text;
    }
}
