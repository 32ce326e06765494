package no.kompetansemidler.domain.validation;

/** Helpers for quoting what a person typed back to them. */
public final class Texts {

    private Texts() {
    }

    /** The text, cut to 40 characters with an ellipsis, so that a message never repeats a huge input. */
    public static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
