package no.kompetansemidler.domain.money;

import java.math.BigDecimal;

/** A percentage with at most two decimals, held exactly as basis points (30 % = 3000). */
public record Percentage(int basisPoints) implements Comparable<Percentage> {

    public static final long BASIS_POINTS_IN_WHOLE = 10_000;
    public static final Percentage ZERO = new Percentage(0);
    public static final Percentage HUNDRED = new Percentage(10_000);

    public Percentage {
        if (basisPoints < 0 || basisPoints > BASIS_POINTS_IN_WHOLE) {
            throw new IllegalArgumentException("En prosentsats må være mellom 0 og 100 %, var " + basisPoints / 100.0 + " %.");
        }
    }

    public static Percentage ofPercent(int percent) {
        return new Percentage(Math.multiplyExact(percent, 100));
    }

    /** From a decimal percentage such as 12.5; more than two decimals are refused rather than rounded. */
    public static Percentage ofPercent(BigDecimal percent) {
        try {
            return new Percentage(percent.movePointRight(2).intValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("En prosentsats kan ha høyst to desimaler, var " + percent.toPlainString() + ".");
        }
    }

    /** For people: "30 %", "12,5 %". */
    public String format() {
        BigDecimal percent = BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
        return percent.toPlainString().replace('.', ',') + " %";
    }

    @Override
    public int compareTo(Percentage other) {
        return Integer.compare(basisPoints, other.basisPoints);
    }

    @Override
    public String toString() {
        return format();
    }
}
