package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.validation.Texts;
import no.kompetansemidler.domain.validation.Violation;

import java.util.List;

/**
 * Checks a free-text field from a form as a person reads it (Texts): required, readable, long enough in visible
 * characters, bounded, and no markup. Returns the text as it is stored: trimmed, in Unicode NFC.
 */
public final class FreeText {

    private FreeText() {
    }

    public static String check(Object value, String field, String label, int minLength, String ruleId, List<Violation> problems) {
        String text = value == null ? "" : Texts.normalize(value.toString().trim());
        var unreadable = Texts.unreadable(text, true);
        int visible = Texts.visibleLength(text);
        if (unreadable.isPresent()) {
            problems.add(new Violation(field, "TEGN", label + " " + unreadable.get() + "."));
        } else if (visible == 0) {
            problems.add(new Violation(field, "PÅKREVD", label + " må fylles ut."));
        } else if (visible < minLength) {
            problems.add(new Violation(field, ruleId, label + " må ha minst " + minLength + " synlige tegn (har "
                    + visible + ")."));
        } else if (text.length() > Texts.MAX_LENGTH) {
            problems.add(new Violation(field, "LENGDE", label + " kan ha høyst " + Texts.MAX_LENGTH + " tegn (har "
                    + text.length() + ")."));
        } else if (Texts.containsMarkup(text)) {
            problems.add(new Violation(field, "TEGN", label + " kan ikke inneholde HTML eller skript."));
        }
        return text;
    }
}
