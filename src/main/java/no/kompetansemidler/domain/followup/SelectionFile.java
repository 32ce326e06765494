package no.kompetansemidler.domain.followup;

import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.validation.Texts;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Udir's selection of kommuner for Oppfølgingsordningen, as the file Udir sends (docs/api.md, «Udirs uttrekk»): one
 * kommune per line, {@code år;kommunenummer;organisasjonsnummer}, separated by semicolon, comma or tab, with or
 * without a header line; one year per file. Every line is read before anything is refused, and every problem is named
 * with its line: a file is taken whole or not at all.
 */
public final class SelectionFile {

    /** The field the file is sent in (the start form's text area, or the REST start's variable). */
    public static final String FIELD = "utvalg";
    /** The rule a wrong file breaks. */
    public static final String RULE = "UTVALG";
    /** The most kommuner one file may hold: every kommune in the country, with room to spare. */
    public static final int MAX_LINES = 400;

    private static final Pattern SEPARATOR = Pattern.compile("[;,\t]");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MUNICIPALITY = Pattern.compile("\\d{3,4}");
    /** The first and last year a selection can be for: the scheme began in 2017. */
    private static final int FIRST_YEAR = 2017;
    private static final int LAST_YEAR = 2099;

    /** One kommune in the selection, with the line it was read from. */
    public record Line(int lineNumber, int year, String municipalityNumber, OrganisationNumber organisationNumber) {
    }

    private SelectionFile() {
    }

    /** The lines of the file, or a refusal naming every wrong line. */
    public static List<Line> read(Object content) {
        List<Violation> problems = new ArrayList<>();
        if (!(content instanceof String text) || text.isBlank()) {
            throw refused("Lim inn Udirs uttrekk: én kommune per linje, «år;kommunenummer;organisasjonsnummer».");
        }
        if (Texts.containsMarkup(text)) {
            throw refused("Uttrekket kan ikke inneholde HTML eller skript.");
        }
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] rows = text.replace("\uFEFF", "").split("\\r?\\n|\\r");
        for (int i = 0; i < rows.length; i++) {
            int number = i + 1;
            String row = rows[i].trim();
            if (row.isEmpty() || (lines.isEmpty() && problems.isEmpty() && isHeader(row))) {
                continue;
            }
            String[] cells = SEPARATOR.split(row, -1);
            if (cells.length != 3) {
                problems.add(problem(number, "har " + cells.length + " felt; hver linje skal ha tre: år, kommunenummer"
                        + " og organisasjonsnummer."));
                continue;
            }
            String year = cells[0].trim();
            String municipality = cells[1].trim().replace("\"", "");
            String organisation = cells[2].trim().replace("\"", "").replace(" ", "");
            int before = problems.size();
            if (!YEAR.matcher(year).matches() || Integer.parseInt(year) < FIRST_YEAR
                    || Integer.parseInt(year) > LAST_YEAR) {
                problems.add(problem(number, "«" + Texts.abbreviate(year) + "» er ikke et år (fire sifre, fra "
                        + FIRST_YEAR + ")."));
            }
            if (!MUNICIPALITY.matcher(municipality).matches()) {
                problems.add(problem(number, "«" + Texts.abbreviate(municipality) + "» er ikke et kommunenummer"
                        + " (fire sifre, f.eks. 4601)."));
            }
            if (!OrganisationNumber.isValid(organisation)) {
                problems.add(problem(number, "«" + Texts.abbreviate(organisation) + "» er ikke et gyldig"
                        + " organisasjonsnummer (ni sifre, MOD11)."));
            }
            if (problems.size() > before) {
                continue;
            }
            String municipalityNumber = municipality.length() == 3 ? "0" + municipality : municipality;
            Integer earlier = seen.putIfAbsent(municipalityNumber, number);
            if (earlier != null) {
                problems.add(problem(number, "kommune " + municipalityNumber + " står også på linje " + earlier + "."));
                continue;
            }
            Line line = new Line(number, Integer.parseInt(year), municipalityNumber, new OrganisationNumber(organisation));
            if (!lines.isEmpty() && lines.get(0).year() != line.year()) {
                problems.add(problem(number, "året " + line.year() + " er et annet enn på linje "
                        + lines.get(0).lineNumber() + " (" + lines.get(0).year() + "); send ett uttrekk per år."));
                continue;
            }
            lines.add(line);
        }
        if (problems.isEmpty() && lines.isEmpty()) {
            throw refused("Uttrekket har ingen kommuner: én kommune per linje, «år;kommunenummer;organisasjonsnummer».");
        }
        if (lines.size() + problems.size() > MAX_LINES) {
            throw refused("Uttrekket har flere enn " + MAX_LINES + " linjer; landet har 357 kommuner.");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return List.copyOf(lines);
    }

    /** A problem with one line, named by its number as a person counts them in the file. */
    public static Violation problem(int lineNumber, String message) {
        return new Violation(FIELD, RULE, "Linje " + lineNumber + ": " + message);
    }

    private static boolean isHeader(String row) {
        String lower = row.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("kommune") || lower.startsWith("år") || lower.startsWith("aar");
    }

    private static ValidationException refused(String message) {
        return new ValidationException(List.of(new Violation(FIELD, RULE, message)));
    }
}
