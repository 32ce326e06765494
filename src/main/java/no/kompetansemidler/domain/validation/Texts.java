package no.kompetansemidler.domain.validation;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What any text a person types must keep to, checked as a person reads it, and helpers for quoting it back. The one
 * place where the system decides what a readable text is (docs/api.md, «Tekst»): texts are stored in Unicode NFC;
 * control characters (but line breaks and tabs in a text of several lines), bidirectional controls (overrides,
 * embeddings, isolates, marks), zero-width and other invisible formatting characters, and broken UTF-16 are refused;
 * a minimum length counts what a reader sees: characters as a person perceives them (grapheme clusters), not spaces.
 */
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
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    /** What replaces an unreadable character in a view of a text stored before the rules were this strict. */
    public static final char REPLACEMENT = '\uFFFD';

    private Texts() {
    }

    /** The text in Unicode NFC, the form every text is stored in ("å" as one character, not "a" and a ring). */
    public static String normalize(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Why the text cannot be stored as it is, in Norwegian (after «Feltet …»), or empty when it can. A text of one
     * line may hold no line break or tab; a text of several lines may.
     */
    public static Optional<String> unreadable(String text, boolean multiLine) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("inneholder et ødelagt tegn (en halv UTF-16-enhet, " + codePoint(c) + ")");
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                if (!multiLine) {
                    return Optional.of("kan ikke inneholde linjeskift eller tabulator");
                }
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                return Optional.of("inneholder et kontrolltegn (" + codePoint(c) + ")");
            }
            if (isBidiControl(c)) {
                return Optional.of("inneholder et usynlig tegn som snur skriveretningen (" + codePoint(c) + ")");
            }
            if (Character.getType(c) == Character.FORMAT) {
                return Optional.of("inneholder et usynlig tegn (" + codePoint(c) + ")");
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                return Optional.of("inneholder et tegn som ikke er et tegn (" + codePoint(c) + ")");
            }
        }
        return Optional.empty();
    }

    private static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /**
     * How many characters a reader sees: grapheme clusters (a letter with its accents is one, an emoji is one),
     * not counting white space of any kind (also no-break spaces) or invisible characters.
     */
    public static int visibleLength(String text) {
        if (text == null) {
            return 0;
        }
        int visible = 0;
        Matcher cluster = GRAPHEME.matcher(normalize(text));
        while (cluster.find()) {
            int first = cluster.group().codePointAt(0);
            if (!Character.isWhitespace(first) && !Character.isSpaceChar(first)
                    && Character.getType(first) != Character.FORMAT && Character.getType(first) != Character.CONTROL) {
                visible++;
            }
        }
        return visible;
    }

    /**
     * A stored text as a view may show it, whatever it holds: every character the rules refuse today (a control
     * character other than a line break or tab, a bidirectional control, an invisible character, broken UTF-16) is
     * replaced by {@value #REPLACEMENT}, so that no export breaks and no text turns another around.
     */
    public static String displayable(String text) {
        if (text == null || unreadable(text, true).isEmpty()) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                shown.append(c).append(text.charAt(++i));
            } else if (unreadable(String.valueOf(c), true).isPresent()) {
                shown.append(REPLACEMENT);
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    /** Whether the text is one e-mail address (at most 254 characters), readable as written. */
    public static boolean isEmailAddress(String text) {
        return text.length() <= 254 && unreadable(text, false).isEmpty() && EMAIL.matcher(text.trim()).matches();
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
        String shown = displayable(text);
        return shown.length() <= 40 ? shown : shown.substring(0, 40) + "…";
    }
}
