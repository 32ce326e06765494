package no.kompetansemidler.domain.money;

import no.kompetansemidler.domain.validation.Texts;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of Norwegian kroner in whole øre. No floating point anywhere: arithmetic is exact and throws on
 * overflow; a percentage of an amount is rounded only where the caller says how.
 */
public record Money(long ore) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);
    /** The largest amount the system handles: 1 000 000 000 000 kr (far above any national frame). */
    public static final long MAX_ORE = 100_000_000_000_000L;

    /** What people type: kroner with optional thousands groups, optional øre after a comma (or point), ",-". */
    private static final Pattern TYPED = Pattern.compile(
            "^(?:kr\\.?|nok)?\\s*(\\d{1,3}(?:[ .]\\d{3})+|\\d+)(?:[,.](\\d{1,2}|-))?\\s*(?:kr\\.?|nok)?$",
            Pattern.CASE_INSENSITIVE);

    public Money {
        if (Math.abs(ore) > MAX_ORE) {
            throw new IllegalArgumentException("Beløpet " + ore + " øre er utenfor det systemet håndterer.");
        }
    }

    public static Money ofOre(long ore) {
        return new Money(ore);
    }

    public static Money ofKroner(long kroner) {
        return new Money(Math.multiplyExact(kroner, 100L));
    }

    public static Money sum(Collection<Money> amounts) {
        return amounts.stream().reduce(ZERO, Money::plus);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(ore, other.ore));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(ore, other.ore));
    }

    public boolean isNegative() {
        return ore < 0;
    }

    public boolean isZero() {
        return ore == 0;
    }

    public boolean isPositive() {
        return ore > 0;
    }

    public boolean isGreaterThan(Money other) {
        return ore > other.ore;
    }

    /**
     * This amount times a percentage, rounded up to the next whole øre: the least amount that is at least the
     * percentage (used for requirements such as "at least 30 % co-financing").
     */
    public Money percentageRoundedUp(Percentage percentage) {
        long numerator = Math.multiplyExact(ore, percentage.basisPoints());
        return new Money(-Math.floorDiv(-numerator, Percentage.BASIS_POINTS_IN_WHOLE));
    }

    /** This amount times a percentage, rounded down to whole øre: the most that stays within the percentage. */
    public Money percentageRoundedDown(Percentage percentage) {
        long numerator = Math.multiplyExact(ore, percentage.basisPoints());
        return new Money(Math.floorDiv(numerator, Percentage.BASIS_POINTS_IN_WHOLE));
    }

    /** Whether this amount is at least the given percentage of the base, exactly (no rounding). */
    public boolean isAtLeastPercentageOf(Percentage percentage, Money base) {
        return Math.multiplyExact(ore, Percentage.BASIS_POINTS_IN_WHOLE)
                >= Math.multiplyExact(base.ore, percentage.basisPoints());
    }

    /** Whether this amount is at most the given percentage of the base, exactly (no rounding). */
    public boolean isAtMostPercentageOf(Percentage percentage, Money base) {
        return Math.multiplyExact(ore, Percentage.BASIS_POINTS_IN_WHOLE)
                <= Math.multiplyExact(base.ore, percentage.basisPoints());
    }

    /** For people: "1 234 567,89 kr" (space between thousands, comma before øre). */
    public String format() {
        long abs = Math.abs(ore);
        StringBuilder kroner = new StringBuilder(Long.toString(abs / 100));
        for (int i = kroner.length() - 3; i > 0; i -= 3) {
            kroner.insert(i, ' ');
        }
        return (ore < 0 ? "-" : "") + kroner + "," + String.format("%02d", abs % 100) + " kr";
    }

    /**
     * Parses what a person typed: "1234", "1 234", "1.234.567,89", "1234,5", "1 000,-", "kr 500", "500 kr".
     * Anything else (letters, more than two decimals, negative amounts, empty) is refused with a Norwegian message.
     */
    public static Money parse(String typed) {
        return tryParse(typed).orElseThrow(() -> new IllegalArgumentException(problemWith(typed).orElseThrow()));
    }

    public static Optional<Money> tryParse(String typed) {
        if (problemWith(typed).isPresent()) {
            return Optional.empty();
        }
        Matcher m = TYPED.matcher(normalise(typed));
        m.matches();
        long kroner = Long.parseLong(m.group(1).replaceAll("[ .]", ""));
        String decimals = m.group(2);
        long ore = decimals == null || decimals.equals("-") ? 0
                : Long.parseLong(decimals.length() == 1 ? decimals + "0" : decimals);
        return Optional.of(new Money(kroner * 100 + ore));
    }

    /** The Norwegian reason why the text is not an amount, or empty when it is one. */
    public static Optional<String> problemWith(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.of("Beløp mangler.");
        }
        String text = normalise(typed);
        if (text.startsWith("-") || text.startsWith("−")) {
            return Optional.of("Beløpet kan ikke være negativt.");
        }
        if (text.matches(".*[,.]\\d{3,}$") && !TYPED.matcher(text).matches()) {
            return Optional.of("«" + Texts.abbreviate(typed) + "» har mer enn to desimaler; oppgi kroner og høyst to sifre øre.");
        }
        Matcher m = TYPED.matcher(text);
        if (!m.matches()) {
            return Optional.of("«" + Texts.abbreviate(typed) + "» er ikke et beløp. Skriv kroner, f.eks. 1 234 567 eller 1 234 567,89.");
        }
        String digits = m.group(1).replaceAll("[ .]", "");
        String decimals = m.group(2) == null || m.group(2).equals("-") ? "0" : m.group(2);
        if (digits.length() > 13 || Long.parseLong(digits) * 100
                + Long.parseLong(decimals.length() == 1 ? decimals + "0" : decimals) > MAX_ORE) {
            return Optional.of("«" + Texts.abbreviate(typed) + "» er større enn systemet håndterer (høyst "
                    + new Money(MAX_ORE).format() + ").");
        }
        return Optional.empty();
    }

    private static String normalise(String typed) {
        return typed.trim().replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll(" {2,}", " ");
    }


    @Override
    public int compareTo(Money other) {
        return Long.compare(ore, other.ore);
    }

    @Override
    public String toString() {
        return format();
    }
}
