package no.kompetansemidler.domain.funding;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.validation.Texts;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the distribution lines of the innstilling form, one recipient per line, fields separated by
 * semicolons:
 * <pre>organisasjonsnummer; beløp (eller vekt); egenandel; lønn/frikjøp; tredjepart; tiltak; etterutdanning|videreutdanning; fra år; til år</pre>
 * Amounts are kroner as people write them ("600 000", "1 234,50"); with the key WEIGHTS the second field is a weight
 * such as årsverk ("12,5"), with EQUAL it is ignored. Every problem is reported with its line and field.
 */
public final class ProposalLines {

    public static final String FIELD = "linjer";
    public static final int MAX_LINES = 1000;
    static final int FIELDS = 9;

    private ProposalLines() {
    }

    public static List<ProposalLine> parse(String text, DistributionKey key) {
        List<Violation> problems = new ArrayList<>();
        List<ProposalLine> lines = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw new ValidationException(List.of(new Violation(FIELD, "PÅKREVD",
                    "Fordelingen må ha minst én linje: organisasjonsnummer; beløp; egenandel; lønn/frikjøp; tredjepart;"
                            + " tiltak; etterutdanning; fra år; til år")));
        }
        String[] rows = text.split("\\R");
        if (rows.length > MAX_LINES) {
            throw new ValidationException(List.of(new Violation(FIELD, "LENGDE",
                    "Fordelingen kan ha høyst " + MAX_LINES + " linjer.")));
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].isBlank() || rows[i].trim().startsWith("#")) {
                continue;
            }
            int before = problems.size();
            ProposalLine line = parseLine(i + 1, rows[i], key, problems);
            if (problems.size() == before) {
                lines.add(line);
            }
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(new Violation(FIELD, "PÅKREVD", "Fordelingen må ha minst én linje."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return lines;
    }

    private static ProposalLine parseLine(int number, String row, DistributionKey key, List<Violation> problems) {
        String[] f = row.split(";", -1);
        String where = "Linje " + number + ": ";
        if (f.length != FIELDS) {
            problems.add(new Violation(FIELD, "FORMAT", where + "har " + f.length + " felt, men skal ha " + FIELDS
                    + " adskilt med semikolon (organisasjonsnummer; beløp; egenandel; lønn/frikjøp; tredjepart; tiltak;"
                    + " etterutdanning; fra år; til år)."));
            return null;
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        String orgnr = f[0].replace(" ", "");
        OrganisationNumber.problemWith(orgnr).ifPresent(p -> problems.add(new Violation(FIELD, "ORGNR", where + p)));
        Money amount = Money.ZERO;
        Long weight = null;
        switch (key) {
            case AMOUNTS -> amount = money(f[1], where + "beløp: ", problems);
            case WEIGHTS -> weight = weight(f[1], where, problems);
            case EQUAL -> {
            }
        }
        Money cash = f[2].isEmpty() ? Money.ZERO : money(f[2], where + "egenandel: ", problems);
        Money salary = f[3].isEmpty() ? Money.ZERO : money(f[3], where + "lønn/frikjøp: ", problems);
        Money thirdParty = f[4].isEmpty() ? Money.ZERO : money(f[4], where + "tredjepart: ", problems);
        f[5] = Texts.normalize(f[5]);
        var unreadableTitle = Texts.unreadable(f[5], false);
        if (unreadableTitle.isPresent()) {
            problems.add(new Violation(FIELD, "TEGN", where + "tiltakets navn " + unreadableTitle.get() + "."));
        } else if (Texts.visibleLength(f[5]) == 0) {
            problems.add(new Violation(FIELD, "PÅKREVD", where + "tiltaket mangler navn."));
        } else if (f[5].length() > 500 || f[5].matches(".*[<>].*")) {
            problems.add(new Violation(FIELD, "TEGN", where + "tiltakets navn kan ha høyst 500 tegn og ikke < eller >."));
        }
        MeasureKind kind = null;
        switch (f[6].toLowerCase(Locale.ROOT)) {
            case "etterutdanning" -> kind = MeasureKind.ETTERUTDANNING;
            case "videreutdanning" -> kind = MeasureKind.VIDEREUTDANNING;
            default -> problems.add(new Violation(FIELD, "FORMAT", where + "«" + Texts.abbreviate(f[6])
                    + "» må være etterutdanning eller videreutdanning."));
        }
        Integer first = year(f[7], where + "fra år: ", problems);
        Integer last = year(f[8], where + "til år: ", problems);
        if (first == null || last == null || kind == null || amount == null || cash == null || salary == null
                || thirdParty == null) {
            return null;
        }
        return new ProposalLine(orgnr, amount, weight, cash, salary, thirdParty, new Measure(f[5], kind, first, last));
    }

    private static Money money(String typed, String where, List<Violation> problems) {
        return Money.tryParse(typed).orElseGet(() -> {
            problems.add(new Violation(FIELD, "BELØP", where + Money.problemWith(typed).orElseThrow()));
            return null;
        });
    }

    private static Long weight(String typed, String where, List<Violation> problems) {
        try {
            String plain = typed.replace(" ", "").replace('\u00A0', ' ').replace(" ", "");
            if (!plain.matches("\\d{1,7}([.,]\\d{1,2})?")) {
                throw new NumberFormatException(); // no exponents, signs or other notations: a number as people write it
            }
            BigDecimal value = new BigDecimal(plain.replace(',', '.'));
            if (value.signum() < 0 || value.scale() > 2 || value.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                throw new NumberFormatException();
            }
            return value.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new Violation(FIELD, "VEKT", where + "vekten «" + Texts.abbreviate(typed)
                    + "» må være et tall fra 0 til 1 000 000 med høyst to desimaler (f.eks. årsverk 12,5)."));
            return null;
        }
    }

    private static Integer year(String typed, String where, List<Violation> problems) {
        if (!typed.matches("\\d{4}") || Integer.parseInt(typed) < 2000 || Integer.parseInt(typed) > 2100) {
            problems.add(new Violation(FIELD, "ÅR", where + "«" + Texts.abbreviate(typed) + "» er ikke et årstall."));
            return null;
        }
        return Integer.parseInt(typed);
    }
}
