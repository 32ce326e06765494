package no.kompetansemidler.overview;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model element's name as a person reads it without a case: the parts that name the case («– Bergen kommune
 * (DEKOM 2027)», written as expressions in the model) are left out, and an expression inside the name becomes «…».
 */
public final class ElementNames {

    private static final String EXPRESSION = "\\$\\{[^}]*}";
    private static final Pattern DASHED = Pattern.compile("\\s*[–-]\\s*" + EXPRESSION);
    private static final Pattern BRACKETED = Pattern.compile("\\s*\\((\\s*" + EXPRESSION + ")+\\s*\\)");
    private static final Pattern ANY = Pattern.compile(EXPRESSION);
    private static final Pattern NAME_ATTRIBUTE = Pattern.compile("(\\sname=\")([^\"]*)(\")");

    private ElementNames() {
    }

    public static String plain(String name) {
        if (name == null) {
            return null;
        }
        String plain = BRACKETED.matcher(DASHED.matcher(name).replaceAll("")).replaceAll("");
        return ANY.matcher(plain).replaceAll("…").strip();
    }

    /** The model's XML with every element's name plain, for a diagram shown without a case. */
    static String plainNames(String bpmnXml) {
        Matcher names = NAME_ATTRIBUTE.matcher(bpmnXml);
        StringBuilder out = new StringBuilder();
        while (names.find()) {
            names.appendReplacement(out, Matcher.quoteReplacement(names.group(1) + plain(names.group(2)) + names.group(3)));
        }
        return names.appendTail(out).toString();
    }
}
