package no.kompetansemidler.domain.application;

import no.kompetansemidler.domain.funding.SchemeRules;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The measures of an application as the form's dynamic list «Tiltak» sends them (one map of fields per measure),
 * read into {@link PlannedMeasure}s under the scheme's rules: R12 (at least one goal), the scheme's target groups,
 * R10 (a Norwegian UH partner), R14 (one to {@code maxMeasureYears} consecutive years from the year applied for,
 * money in the first), R1 (planned co-financing at least the scheme's rate of the money sought, the salary part
 * within it) and R4 (the coordinator's part within the scheme's cap). Every problem names its measure and field.
 */
public final class MeasureRows {

    /** The dynamic list's key in the form and in the process. */
    public static final String KEY = "tiltak";
    /** The most measures one application may hold. */
    public static final int MAX_MEASURES = 20;
    public static final String TITLE = "tittel";
    public static final String GOALS = "mal";
    public static final String TARGET_GROUPS = "malgrupper";
    public static final String UH_PARTNER = "uhPartner";
    public static final String THIRD_PARTY = "tredjepart";
    public static final List<String> YEARS = List.of("belopAr1", "belopAr2", "belopAr3");
    public static final String CO_FINANCING = "egenfinansiering";
    public static final String SALARY = "lonnFrikjop";
    public static final String COORDINATOR = "koordinator";
    public static final String PARTICIPANTS = "deltakere";
    /** Which kindergartens, schools and PPT take part (required where the scheme says so). */
    public static final String UNITS = "enheter";

    private MeasureRows() {
    }

    /**
     * The measures, or a {@link ValidationException} with every problem of every measure.
     *
     * @param isUhInstitution whether an organisation number is a Norwegian UH institution's
     */
    public static List<PlannedMeasure> read(List<Map<String, Object>> rows, SchemeRules rules,
                                            Predicate<String> isUhInstitution) {
        List<Violation> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            problems.add(new Violation(KEY, "R14", "Søknaden må ha minst ett tiltak."));
        } else if (rows.size() > MAX_MEASURES) {
            problems.add(new Violation(KEY, "LENGDE", "En søknad kan ha høyst " + MAX_MEASURES + " tiltak (har "
                    + rows.size() + ")."));
        }
        List<PlannedMeasure> measures = new ArrayList<>();
        for (int i = 0; i < rows.size() && i < MAX_MEASURES; i++) {
            read(i + 1, rows.get(i), rules, isUhInstitution, problems).ifPresent(measures::add);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return measures;
    }

    private static java.util.Optional<PlannedMeasure> read(int number, Map<String, Object> row, SchemeRules rules,
                                                           Predicate<String> isUhInstitution, List<Violation> problems) {
        Row r = new Row(number, row, problems);
        int before = problems.size();
        String title = r.text(TITLE);
        if (title.isBlank()) {
            r.problem(TITLE, "PÅKREVD", "skriv hva tiltaket heter.");
        }
        Set<Goal> goals = r.choices(GOALS, Goal.class);
        if (goals.isEmpty()) {
            r.problem(GOALS, "R12", "velg minst ett av målene for grunnopplæringen tiltaket skal tjene.");
        }
        goals.stream().filter(g -> !rules.goals().contains(g)).forEach(g -> r.problem(GOALS, "R12",
                "«" + g.displayName() + "» er ikke et mål i " + rules.scheme().name() + "."));
        Set<TargetGroup> groups = r.choices(TARGET_GROUPS, TargetGroup.class);
        if (groups.isEmpty()) {
            r.problem(TARGET_GROUPS, "PÅKREVD", "velg hvem tiltaket er for.");
        }
        groups.stream().filter(g -> !rules.targetGroups().contains(g)).forEach(g -> r.problem(TARGET_GROUPS, "ORDNING",
                "«" + g.displayName() + "» er ikke en målgruppe i " + rules.scheme().name() + "."));
        String partner = r.text(UH_PARTNER).replace(" ", "");
        if (partner.isEmpty()) {
            r.problem(UH_PARTNER, "R10", "velg UH-partneren dere har kartlagt behovene og planlagt tiltaket med.");
        } else if (!isUhInstitution.test(partner)) {
            r.problem(UH_PARTNER, "R10", "UH-partneren må være en norsk UH-institusjon fra listen.");
        }
        List<Money> amounts = new ArrayList<>();
        boolean[] unreadable = new boolean[YEARS.size()];
        int lastYearWithMoney = 0;
        for (int y = 0; y < YEARS.size(); y++) {
            int problemsBefore = problems.size();
            Money amount = r.kroner(YEARS.get(y));
            unreadable[y] = problems.size() > problemsBefore;
            amounts.add(amount);
            if (amount.isPositive()) {
                if (y + 1 > rules.maxMeasureYears()) {
                    r.problem(YEARS.get(y), "R14", "et tiltak i " + rules.scheme().name() + " kan gå over høyst "
                            + rules.maxMeasureYears() + (rules.maxMeasureYears() == 1 ? " år." : " år; år " + (y + 1)
                            + " kan ikke ha beløp."));
                } else if (y > 1 && amounts.get(y - 1).isZero() && !unreadable[y - 1]) {
                    r.problem(YEARS.get(y), "R14", "tiltaket må gå over sammenhengende år: år " + y
                            + " har ikke beløp, men år " + (y + 1) + " har.");
                }
                lastYearWithMoney = y + 1;
            }
        }
        if (amounts.get(0).isZero() && !unreadable[0]) {
            r.problem(YEARS.get(0), "R14", "skriv beløpet dere søker for det første året (året det søkes for).");
        }
        Money total = Money.sum(amounts);
        Money coFinancing = r.kroner(CO_FINANCING);
        Money salary = r.kroner(SALARY);
        Money coordinator = r.kroner(COORDINATOR);
        if (!coFinancing.isAtLeastPercentageOf(rules.coFinancingRate(), total)) {
            r.problem(CO_FINANCING, "R1", "planlagt egenfinansiering må være minst " + rules.coFinancingRate().format()
                    + " av beløpet dere søker (" + total.format() + "), altså minst "
                    + total.percentageRoundedUp(rules.coFinancingRate()).format() + ".");
        }
        if (salary.isGreaterThan(coFinancing)) {
            r.problem(SALARY, "R1", "lønn og frikjøp er en del av egenfinansieringen og kan ikke være mer enn den ("
                    + coFinancing.format() + ").");
        }
        if (!coordinator.isAtMostPercentageOf(rules.coordinatorCap(), total)) {
            r.problem(COORDINATOR, "R4", "koordinatorrollen kan få høyst " + rules.coordinatorCap().format()
                    + " av beløpet dere søker, altså høyst " + total.percentageRoundedDown(rules.coordinatorCap()).format()
                    + ".");
        }
        int participants = r.whole(PARTICIPANTS);
        if (participants < 1) {
            r.problem(PARTICIPANTS, "PÅKREVD", "skriv omtrent hvor mange som skal delta (minst 1).");
        }
        String units = r.text(UNITS);
        if (rules.unitsRequired() && units.isBlank()) {
            r.problem(UNITS, "PÅKREVD", "skriv hvilke barnehager, skoler og PPT som deltar i tiltaket ("
                    + rules.scheme().name() + " skal gi et godt lag rundt barnet og eleven).");
        }
        if (problems.size() > before) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new PlannedMeasure(title, goals, groups, partner, r.yes(THIRD_PARTY),
                amounts.subList(0, lastYearWithMoney), coFinancing, salary, coordinator, participants, units));
    }

    /** One measure's fields, read leniently: a missing or mistyped value is a problem on its field. */
    private record Row(int number, Map<String, Object> fields, List<Violation> problems) {

        void problem(String field, String rule, String text) {
            problems.add(new Violation(KEY + "[" + number + "]." + field, rule, "Tiltak " + number + ": " + text));
        }

        String text(String field) {
            Object value = fields.get(field);
            return value == null ? "" : value.toString().trim();
        }

        boolean yes(String field) {
            return Boolean.TRUE.equals(fields.get(field));
        }

        <E extends Enum<E>> Set<E> choices(String field, Class<E> type) {
            Set<E> chosen = EnumSet.noneOf(type);
            Object value = fields.get(field);
            if (value == null) {
                return chosen;
            }
            Collection<?> values = value instanceof Collection<?> list ? list : List.of(value);
            for (Object v : values) {
                try {
                    chosen.add(Enum.valueOf(type, String.valueOf(v).toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problem(field, "VALG", "«" + v + "» er ikke ett av valgene.");
                }
            }
            return chosen;
        }

        Money kroner(String field) {
            Object value = fields.get(field);
            if (value == null || value instanceof String s && s.isBlank()) {
                return Money.ZERO;
            }
            if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 0
                    && n.doubleValue() <= Money.MAX_ORE / 100) {
                return Money.ofKroner(n.longValue());
            }
            if (value instanceof String s) {
                var parsed = Money.tryParse(s);
                if (parsed.isPresent() && !parsed.get().isNegative()) {
                    return parsed.get();
                }
            }
            problem(field, "BELØP", "«" + value + "» er ikke et beløp i kroner; skriv for eksempel 1 000 000.");
            return Money.ZERO;
        }

        int whole(String field) {
            Object value = fields.get(field);
            if (value instanceof String s && s.strip().replaceAll("[\\s\u00A0]", "").matches("\\d{1,7}")) {
                return Integer.parseInt(s.strip().replaceAll("[\\s\u00A0]", ""));
            }
            if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 0
                    && n.doubleValue() <= 1_000_000) {
                return n.intValue();
            }
            if (value != null && !(value instanceof String s && s.isBlank())) {
                problem(field, "TYPE", "skriv et helt tall.");
                return 1;
            }
            return 0;
        }
    }
}
