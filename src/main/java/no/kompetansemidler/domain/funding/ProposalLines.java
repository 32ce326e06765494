package no.kompetansemidler.domain.funding;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.validation.Texts;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the rows of a distribution (the forum's innstilling, the fallback decision or a correction) as a person
 * fills them in the distribution page, one row per recipient and measure, every field as typed:
 * {@value #NUMBER}, {@value #AMOUNT} (kroner, "600 000" or "1 234,50"), {@value #WEIGHT} (with the key WEIGHTS, e.g.
 * årsverk "12,5"), {@value #CASH}, {@value #SALARY}, {@value #THIRD_PARTY}, {@value #TITLE}, {@value #KIND}
 * (etterutdanning or videreutdanning), {@value #FIRST_YEAR} and {@value #LAST_YEAR}. Every problem is reported on
 * its row and field ({@code rader[3].belop}), never as one message for all.
 *
 * <p>The import of pasted spreadsheet rows ({@link #split}) keeps the old column order: organisation number; amount
 * (or weight); co-financing; salary/release time; third party; measure; kind; from year; to year, separated by tabs
 * (a spreadsheet's copy) or semicolons.
 */
public final class ProposalLines {

    public static final String ROWS = "rader";
    public static final String NUMBER = "organisasjonsnummer";
    public static final String AMOUNT = "belop";
    public static final String WEIGHT = "vekt";
    public static final String CASH = "egenandel";
    public static final String SALARY = "lonn";
    public static final String THIRD_PARTY = "tredjepart";
    public static final String TITLE = "tiltak";
    public static final String KIND = "art";
    public static final String FIRST_YEAR = "fraAar";
    public static final String LAST_YEAR = "tilAar";
    /** The import's columns, in order; the second is the weight with the key WEIGHTS. */
    public static final List<String> COLUMNS = List.of(NUMBER, AMOUNT, CASH, SALARY, THIRD_PARTY, TITLE, KIND,
            FIRST_YEAR, LAST_YEAR);
    public static final int MAX_ROWS = 1000;

    private ProposalLines() {
    }

    /** The field's name as a violation names it: {@code rader[index].field}. */
    public static String field(int index, String field) {
        return ROWS + "[" + index + "]." + field;
    }

    /**
     * Splits pasted spreadsheet text into rows of named fields, one per non-blank line (a line starting with # is a
     * comment). A line with too few columns gets empty fields, which {@link #parse} reports on that row.
     */
    public static List<Map<String, String>> split(String text, DistributionKey key) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : text == null ? new String[0] : text.split("\\R")) {
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            String[] cells = line.split(line.contains("\t") ? "\t" : ";", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                String column = COLUMNS.get(i).equals(AMOUNT) && key == DistributionKey.WEIGHTS ? WEIGHT : COLUMNS.get(i);
                row.put(column, i < cells.length ? cells[i].trim() : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The rows as lines of a proposal, or a {@link ValidationException} with every problem on its row and field. A
     * recipient may stand on one row only (one decision per recipient and year, R9).
     */
    public static List<ProposalLine> parse(List<Map<String, String>> rows, DistributionKey key) {
        List<Violation> problems = new ArrayList<>();
        if (rows == null || rows.isEmpty()) {
            throw new ValidationException(List.of(new Violation(ROWS, "PÅKREVD",
                    "Fordelingen må ha minst én rad (mottaker og tiltak).")));
        }
        if (rows.size() > MAX_ROWS) {
            throw new ValidationException(List.of(new Violation(ROWS, "LENGDE",
                    "Fordelingen kan ha høyst " + MAX_ROWS + " rader (har " + rows.size() + ").")));
        }
        List<ProposalLine> lines = new ArrayList<>();
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i) == null ? Map.of() : rows.get(i);
            ProposalLine line = parseRow(i, row, key, problems);
            if (line == null) {
                continue;
            }
            Integer first = rowOf.putIfAbsent(line.organisationNumber(), i);
            if (first != null) {
                problems.add(new Violation(field(i, NUMBER), "R9", "Rad " + (i + 1) + ": mottakeren "
                        + line.organisationNumber() + " står også på rad " + (first + 1)
                        + "; hver mottaker får ett vedtak per år, så slå radene sammen."));
            }
            lines.add(line);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return lines;
    }

    private static ProposalLine parseRow(int index, Map<String, String> row, DistributionKey key, List<Violation> problems) {
        int before = problems.size();
        String where = "Rad " + (index + 1) + ": ";
        String orgnr = text(row, NUMBER).replace(" ", "").replace("\u00A0", "");
        OrganisationNumber.problemWith(orgnr)
                .ifPresent(p -> problems.add(new Violation(field(index, NUMBER), "ORGNR", where + p)));
        Money amount = Money.ZERO;
        Long weight = null;
        switch (key) {
            case AMOUNTS -> amount = money(row, AMOUNT, index, "beløp", false, problems);
            case WEIGHTS -> weight = weight(row, index, problems);
            case EQUAL -> {
            }
        }
        Money cash = money(row, CASH, index, "egenandel", true, problems);
        Money salary = money(row, SALARY, index, "lønn/frikjøp", true, problems);
        Money thirdParty = money(row, THIRD_PARTY, index, "tredjepart", true, problems);
        String title = Texts.normalize(text(row, TITLE));
        var unreadableTitle = Texts.unreadable(title, false);
        if (unreadableTitle.isPresent()) {
            problems.add(new Violation(field(index, TITLE), "TEGN", where + "tiltakets navn " + unreadableTitle.get() + "."));
        } else if (Texts.visibleLength(title) == 0) {
            problems.add(new Violation(field(index, TITLE), "PÅKREVD", where + "tiltaket mangler navn."));
        } else if (title.length() > 500 || title.matches(".*[<>].*")) {
            problems.add(new Violation(field(index, TITLE), "TEGN",
                    where + "tiltakets navn kan ha høyst 500 tegn og ikke < eller >."));
        }
        MeasureKind kind = null;
        switch (text(row, KIND).toLowerCase(Locale.ROOT)) {
            case "etterutdanning", "" -> kind = MeasureKind.ETTERUTDANNING;
            case "videreutdanning" -> kind = MeasureKind.VIDEREUTDANNING;
            default -> problems.add(new Violation(field(index, KIND), "FORMAT", where + "«"
                    + Texts.abbreviate(text(row, KIND)) + "» må være etterutdanning eller videreutdanning."));
        }
        Integer first = year(row, FIRST_YEAR, index, "fra år", problems);
        Integer last = year(row, LAST_YEAR, index, "til år", problems);
        if (problems.size() > before) {
            return null;
        }
        return new ProposalLine(orgnr, amount, weight, cash, salary, thirdParty, new Measure(title, kind, first, last));
    }

    private static String text(Map<String, String> row, String field) {
        Object value = row.get(field);
        return value == null ? "" : value.toString().trim();
    }

    private static Money money(Map<String, String> row, String field, int index, String name, boolean optional,
                               List<Violation> problems) {
        String typed = text(row, field);
        if (optional && typed.isEmpty()) {
            return Money.ZERO;
        }
        return Money.tryParse(typed).orElseGet(() -> {
            problems.add(new Violation(field(index, field), "BELØP", "Rad " + (index + 1) + ": " + name + ": "
                    + Money.problemWith(typed).orElseThrow()));
            return null;
        });
    }

    private static Long weight(Map<String, String> row, int index, List<Violation> problems) {
        String typed = text(row, WEIGHT);
        try {
            String plain = typed.replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
            if (!plain.matches("\\d{1,7}([.,]\\d{1,2})?")) {
                throw new NumberFormatException(); // no exponents, signs or other notations: a number as people write it
            }
            BigDecimal value = new BigDecimal(plain.replace(',', '.'));
            if (value.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                throw new NumberFormatException();
            }
            return value.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new Violation(field(index, WEIGHT), "VEKT", "Rad " + (index + 1) + ": vekten «"
                    + Texts.abbreviate(typed) + "» må være et tall fra 0 til 1 000 000 med høyst to desimaler"
                    + " (f.eks. årsverk 12,5)."));
            return null;
        }
    }

    private static Integer year(Map<String, String> row, String field, int index, String name, List<Violation> problems) {
        String typed = text(row, field);
        if (!typed.matches("\\d{4}") || Integer.parseInt(typed) < 2000 || Integer.parseInt(typed) > 2100) {
            problems.add(new Violation(field(index, field), "ÅR", "Rad " + (index + 1) + ": " + name + ": «"
                    + Texts.abbreviate(typed) + "» er ikke et årstall."));
            return null;
        }
        return Integer.parseInt(typed);
    }
}
