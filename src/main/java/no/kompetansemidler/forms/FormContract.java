package no.kompetansemidler.forms;

import com.fasterxml.jackson.databind.JsonNode;
import no.kompetansemidler.domain.validation.Texts;
import no.kompetansemidler.domain.validation.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Camunda Form is the contract for what a person may submit: the browser checks it, and so does the server,
 * because /engine-rest and the webapps' REST accept anything. For every field a person fills in (not the read-only
 * ones the process fills), the submitted value must have the field's type, keep to its pattern, length and range,
 * be one of its options, and carry no markup; a required field must have a value (submitted now, or kept from an
 * earlier submission of the same case). The rules (R1–R15) and minimum lengths are checked by the delegates that
 * know them; this contract stops what no rule expects: missing fields, wrong types, huge texts, script.
 */
public final class FormContract {

    /** A text field's length when its form sets none; a form may allow up to {@link Texts#MAX_LIST_LENGTH}. */
    private static final int MAX_TEXT = Texts.MAX_LENGTH;

    private final List<JsonNode> fields = new ArrayList<>();
    /** The fields the process fills and a person sees but may not change (read-only or disabled), by key. */
    private final Map<String, JsonNode> readOnly = new java.util.LinkedHashMap<>();
    /** The contract of each row of a dynamic list, by the list's path. */
    private final Map<String, FormContract> lists = new java.util.LinkedHashMap<>();
    /** The most rows a dynamic list may send. */
    public static final int MAX_ROWS = 200;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public FormContract(JsonNode form) {
        collect(form.path("components"));
    }

    private void collect(JsonNode components) {
        for (JsonNode component : components) {
            if ("dynamiclist".equals(component.path("type").asText()) && component.hasNonNull("path")) {
                // a list of rows: one field whose value is the rows, each row under the contract of its fields
                lists.put(component.path("path").asText(), new FormContract(component));
                fields.add(((com.fasterxml.jackson.databind.node.ObjectNode) component.deepCopy())
                        .put("key", component.path("path").asText()));
            } else if (component.has("components")) {
                collect(component.path("components"));
            } else if (component.hasNonNull("key") && (component.path("readonly").asBoolean(false)
                    || component.path("disabled").asBoolean(false))) {
                readOnly.put(component.path("key").asText(), component);
            } else if (component.hasNonNull("key")) {
                fields.add(component);
            }
        }
    }

    /** The keys of the fields a person sees but may not change: not stored when sent back unchanged. */
    public java.util.Set<String> readOnlyKeys() {
        return java.util.Collections.unmodifiableSet(readOnly.keySet());
    }

    /**
     * What a submission may not carry: a variable that is not a field a person fills in (the process's own
     * variables, anything else), or a new value for a read-only field. Tasklist sends the read-only fields back as
     * they were shown, so an unchanged value is no breach. Empty when every name is allowed.
     *
     * @param submitted the submitted variables, by name (plain values)
     * @param current   the case's value of a variable now
     * @param formName  how the person names the form (the task's or the process's name)
     */
    public List<Violation> checkNames(Map<String, Object> submitted, Function<String, Object> current, String formName) {
        java.util.Set<String> editable = new java.util.HashSet<>();
        fields.forEach(field -> editable.add(field.path("key").asText()));
        List<Violation> problems = new ArrayList<>();
        submitted.forEach((name, value) -> {
            if (lists.containsKey(name) && value != null) {
                // rows are checked as sent: a Json variable is stored as UTF-8, which would hide what no one can read
                fields.stream().filter(f -> f.path("key").asText().equals(name)).findFirst()
                        .ifPresent(field -> checkRows(field, name, value, lists.get(name), problems));
            }
            if (editable.contains(name) && value != null) {
                // so is a list of choices: a Json variable that is not a list of texts is never read by the case
                fields.stream().filter(f -> f.path("key").asText().equals(name)
                                && f.path("type").asText().equals("checklist")).findFirst()
                        .ifPresent(field -> checkField(field, name, value, problems));
            }
            if (editable.contains(name)) {
                return;
            }
            JsonNode shown = readOnly.get(name);
            if (shown == null) {
                problems.add(new Violation(name, "SKJEMA", "«" + Texts.abbreviate(name) + "» er ikke et felt i skjemaet «"
                        + formName + "». Bare skjemaets felt kan sendes inn."));
            } else if (!sameValue(value, current.apply(name))) {
                problems.add(new Violation(name, "LESEFELT", "«" + label(shown) + "» er skrivebeskyttet i skjemaet «"
                        + formName + "» og kan ikke endres."));
            }
        });
        return problems;
    }

    /** Equal as a form shows them: the same text (a number shown in a text field comes back as text), empty or null. */
    static boolean sameValue(Object sent, Object now) {
        if (sent instanceof java.util.Date sentDate && now instanceof java.util.Date nowDate) {
            return sentDate.getTime() == nowDate.getTime();
        }
        String a = sent == null ? "" : sent.toString();
        String b = now == null ? "" : now.toString();
        return a.equals(b);
    }

    /** Every breach of the contract by the submitted values (looked up by field key); empty when all is well. */
    public List<Violation> check(Function<String, Object> submitted) {
        List<Violation> problems = new ArrayList<>();
        for (JsonNode field : fields) {
            String key = field.path("key").asText();
            Object value = submitted.apply(key);
            boolean required = field.path("validate").path("required").asBoolean(false);
            boolean readable = !(value instanceof String text) || Texts.unreadable(text, true).isEmpty();
            if (required && readable && (value == null || value instanceof String text && Texts.visibleLength(text) == 0)) {
                problems.add(new Violation(key, "PÅKREVD", "«" + label(field) + "» må fylles ut."));
            } else if (value != null && lists.containsKey(key)) {
                checkRows(field, key, value, lists.get(key), problems);
            } else if (value != null) {
                checkField(field, key, value, problems);
            }
        }
        return problems;
    }

    /**
     * The rows of a dynamic list as plain values, one map per row: from a list of maps (the Java API), or from the
     * JSON text of a Json variable (Tasklist, REST); empty when the value is no list of objects.
     */
    public static Optional<List<Map<String, Object>>> rows(Object value) {
        Object plain = value;
        if (!(value instanceof java.util.Collection<?>) && value != null) {
            String text = value.toString().trim();
            if (!text.startsWith("[")) {
                return Optional.empty();
            }
            try {
                plain = JSON.readValue(text, List.class);
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        if (!(plain instanceof java.util.Collection<?> list)) {
            return Optional.empty();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object row : list) {
            if (!(row instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
            rows.add(fields);
        }
        return Optional.of(rows);
    }

    private static void checkRows(JsonNode field, String key, Object value, FormContract row,
                                  List<Violation> problems) {
        String label = label(field);
        Optional<List<Map<String, Object>>> rows = rows(value);
        if (rows.isEmpty()) {
            problems.add(new Violation(key, "TYPE", "«" + label + "» må være en liste av rader."));
            return;
        }
        if (rows.get().size() > MAX_ROWS) {
            problems.add(new Violation(key, "LENGDE", "«" + label + "» kan ha høyst " + MAX_ROWS + " rader."));
            return;
        }
        java.util.Set<String> editable = new java.util.HashSet<>();
        row.fields.forEach(f -> editable.add(f.path("key").asText()));
        for (int i = 0; i < rows.get().size(); i++) {
            Map<String, Object> values = rows.get().get(i);
            String prefix = key + "[" + (i + 1) + "].";
            String shown = label + " " + (i + 1) + ": ";
            values.keySet().stream().filter(name -> !editable.contains(name)).forEach(name -> problems.add(
                    new Violation(prefix + name, "SKJEMA", shown + "«" + Texts.abbreviate(name)
                            + "» er ikke et felt i raden. Bare radens felt kan sendes inn.")));
            row.check(values::get).forEach(p -> problems.add(new Violation(prefix + p.field(), p.ruleId(),
                    shown + p.message())));
        }
    }

    private static void checkField(JsonNode field, String key, Object value, List<Violation> problems) {
        String label = label(field);
        JsonNode validate = field.path("validate");
        switch (field.path("type").asText()) {
            case "textfield", "textarea" -> {
                if (!(value instanceof String text)) {
                    problems.add(new Violation(key, "TYPE", "«" + label + "» må være tekst."));
                    return;
                }
                int max = Math.min(validate.path("maxLength").asInt(MAX_TEXT), Texts.MAX_LIST_LENGTH);
                var unreadable = Texts.unreadable(text, field.path("type").asText().equals("textarea"));
                if (unreadable.isPresent()) {
                    problems.add(new Violation(key, "TEGN", "«" + label + "» " + unreadable.get() + "."));
                } else if (text.length() > max) {
                    problems.add(new Violation(key, "LENGDE", "«" + label + "» kan ha høyst " + max + " tegn (har "
                            + text.length() + ")."));
                } else if (Texts.containsMarkup(text)) {
                    problems.add(new Violation(key, "TEGN", "«" + label + "» kan ikke inneholde HTML eller skript."));
                } else if (!text.isBlank() && validate.hasNonNull("pattern") && !matches(validate.path("pattern").asText(), text)) {
                    problems.add(new Violation(key, "FORMAT", "«" + label + "» har feil format: " + formatHint(validate.path("pattern").asText())));
                } else if (!text.isBlank() && "email".equals(validate.path("validationType").asText()) && !Texts.isEmailAddress(text)) {
                    problems.add(new Violation(key, "FORMAT", "«" + label + "» må være en e-postadresse."));
                }
            }
            case "number" -> {
                if (!(value instanceof Number number)) {
                    problems.add(new Violation(key, "TYPE", "«" + label + "» må være et tall."));
                    return;
                }
                double n = number.doubleValue();
                boolean decimals = field.path("decimalDigits").asInt(0) > 0;
                if (Double.isNaN(n) || Double.isInfinite(n) || (!decimals && n != Math.rint(n))) {
                    problems.add(new Violation(key, "TYPE", "«" + label + "» må være et helt tall."));
                } else if (validate.has("min") && n < validate.path("min").asDouble()) {
                    problems.add(new Violation(key, "VERDI", "«" + label + "» må være minst " + validate.path("min").asText() + "."));
                } else if (validate.has("max") && n > validate.path("max").asDouble()) {
                    problems.add(new Violation(key, "VERDI", "«" + label + "» kan være høyst " + validate.path("max").asText() + "."));
                }
            }
            case "checklist" -> {
                // a list (the Java API), or a JSON array of texts (a Json variable: Tasklist, REST)
                java.util.Collection<?> chosen = value instanceof java.util.Collection<?> list ? list : choices(value);
                if (chosen == null) {
                    problems.add(new Violation(key, "TYPE", "«" + label + "» må være en liste av valg."));
                    return;
                }
                JsonNode values = field.path("values");
                java.util.Set<String> known = new java.util.HashSet<>();
                values.forEach(option -> known.add(option.path("value").asText()));
                for (Object choice : chosen) {
                    if (!(choice instanceof String text) || (!known.isEmpty() && !known.contains(text))) {
                        problems.add(new Violation(key, "VALG", "«" + label + "» må bare ha valg fra skjemaet."));
                        return;
                    }
                }
                if (field.path("validate").path("required").asBoolean(false) && chosen.isEmpty()) {
                    problems.add(new Violation(key, "PÅKREVD", "«" + label + "» må ha minst ett valg."));
                }
            }
            case "checkbox" -> {
                if (!(value instanceof Boolean)) {
                    problems.add(new Violation(key, "TYPE", "«" + label + "» må være ja eller nei (true/false)."));
                }
            }
            case "select", "radio" -> {
                if (!(value instanceof String choice)) {
                    problems.add(new Violation(key, "TYPE", "«" + label + "» må være ett av valgene."));
                    return;
                }
                JsonNode values = field.path("values");
                if (values.isArray() && !values.isEmpty() && !choice.isEmpty()) {
                    boolean known = false;
                    for (JsonNode option : values) {
                        known |= choice.equals(option.path("value").asText());
                    }
                    if (!known) {
                        problems.add(new Violation(key, "VALG", "«" + label + "» må være ett av valgene i skjemaet."));
                    }
                } else if (choice.length() > 200) {
                    problems.add(new Violation(key, "LENGDE", "«" + label + "» er for lang."));
                }
            }
            default -> {
                if (value instanceof String text && text.length() > MAX_TEXT) {
                    problems.add(new Violation(key, "LENGDE", "«" + label + "» kan ha høyst " + MAX_TEXT + " tegn."));
                }
            }
        }
    }

    /** What a person sees as the field's name: its label, or the date field's label, or else its key. */
    /**
     * The choices of a checklist as sent: a list (the Java API) or a JSON array of texts (a Json variable: Tasklist,
     * REST); null when the value is neither.
     */
    public static List<String> choices(Object value) {
        if (value instanceof java.util.Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        try {
            JsonNode node = JSON.readTree(value.toString());
            if (!node.isArray()) {
                return null;
            }
            List<String> texts = new ArrayList<>();
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    return null;
                }
                texts.add(element.asText());
            }
            return texts;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The field's name in a message: its label; for a label that is an expression (it starts with «=», as when a
     * scheme words it, see behovsmelding's «Medvirkning fra …»), the custom property {@code navn} the form gives,
     * else the key.
     */
    static String label(JsonNode field) {
        String label = field.path("label").asText("");
        if (label.isBlank()) {
            label = field.path("dateLabel").asText("");
        }
        if (label.startsWith("=")) {
            label = field.path("properties").path("navn").asText("");
        }
        return label.isBlank() ? field.path("key").asText() : label;
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    /** What to write instead, for the patterns the forms use. */
    static String formatHint(String pattern) {
        if (pattern.contains("\\d{1,3}")) {
            return "skriv et beløp i kroner, for eksempel 1 234 567,89.";
        }
        if (pattern.contains("\\d{3}\\s?\\d{3}")) {
            return "skriv et organisasjonsnummer med ni sifre.";
        }
        return "se hjelpeteksten under feltet.";
    }

    /** The contract of each deployed form, by form id. */
    public static Map<String, FormContract> byId(List<JsonNode> forms) {
        Map<String, FormContract> contracts = new java.util.HashMap<>();
        forms.forEach(form -> contracts.put(form.path("id").asText(), new FormContract(form)));
        return contracts;
    }
}
