package no.kompetansemidler.domain.validation;

import java.util.regex.Pattern;

/** What any text a person types must keep to, and helpers for quoting it back to them. */
public final class Texts {

    /** The longest free text a person writes in one field (a description, an assessment, a reason). */
    public static final int MAX_LENGTH = 3900;
    /**
     * The longest list a case keeps in one text (a distribution of one line per recipient, the forum's overview of
     * the need reports, the list of breaches): room for ProposalLines.MAX_LINES recipients. Texts longer than 4000
     * characters are stored as bytes by the engine (engine.EnginePlugin).
     */
    public static final int MAX_LIST_LENGTH = 200_000;
    private static final Pattern MARKUP = Pattern.compile("(?s).*<\\s*[a-zA-Z/!?].*");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[a-zA-Z]{2,}$");

    private Texts() {
    }

    /** Whether the text is one e-mail address (at most 254 characters). */
    public static boolean isEmailAddress(String text) {
        return text.length() <= 254 && EMAIL.matcher(text.trim()).matches();
    }

    /** Whether the text holds HTML or script (a tag, a comment or a declaration). */
    public static boolean containsMarkup(String text) {
        return MARKUP.matcher(text).matches();
    }

    /** The text, cut to 40 characters with an ellipsis, so that a message never repeats a huge input. */
    public static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
