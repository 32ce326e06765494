package no.kompetansemidler.domain.money;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Splits a frame (ramme) among recipients by a key. Shares are whole øre and, with what is left undistributed,
 * add up to the frame exactly. Weighted shares use the largest remainder method; ties in the remainder go to the
 * recipient whose id sorts first, so the result is deterministic and independent of the order of the input.
 */
public final class Distribution {

    /** Shares per recipient id, sorted by id, and the part of the frame not distributed. */
    public record Result<K extends Comparable<K>>(SortedMap<K, Money> shares, Money undistributed) {

        public Money distributed() {
            return Money.sum(shares.values());
        }
    }

    private Distribution() {
    }

    /** Equal shares ("likt"): every recipient weighs the same. */
    public static <K extends Comparable<K>> Result<K> equalShares(Money frame, List<K> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("Ingen mottakere å fordele rammen på.");
        }
        SortedMap<K, Long> weights = new TreeMap<>();
        for (K recipient : recipients) {
            if (weights.put(recipient, 1L) != null) {
                throw new IllegalArgumentException("Mottakeren " + recipient + " står flere ganger.");
            }
        }
        return byWeights(frame, weights);
    }

    /**
     * Shares in proportion to weights, for example årsverk in hundredths. Weights must be zero or positive, and
     * at least one positive.
     */
    public static <K extends Comparable<K>> Result<K> byWeights(Money frame, Map<K, Long> weights) {
        requireNonNegativeFrame(frame);
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("Ingen mottakere å fordele rammen på.");
        }
        BigInteger total = BigInteger.ZERO;
        for (Map.Entry<K, Long> e : weights.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("Vekten for " + e.getKey() + " kan ikke være negativ.");
            }
            total = total.add(BigInteger.valueOf(e.getValue()));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("Alle vektene er null; rammen kan ikke fordeles.");
        }
        record Part<K>(K recipient, long floor, BigInteger remainder) {
        }
        BigInteger frameOre = BigInteger.valueOf(frame.ore());
        List<Part<K>> parts = new ArrayList<>();
        long assigned = 0;
        for (Map.Entry<K, Long> e : new TreeMap<>(weights).entrySet()) {
            BigInteger[] division = frameOre.multiply(BigInteger.valueOf(e.getValue())).divideAndRemainder(total);
            long floor = division[0].longValueExact();
            parts.add(new Part<>(e.getKey(), floor, division[1]));
            assigned += floor;
        }
        long leftover = frame.ore() - assigned;
        List<Part<K>> byRemainder = new ArrayList<>(parts);
        byRemainder.sort(Comparator.comparing((Part<K> p) -> p.remainder()).reversed()
                .thenComparing(Part::recipient));
        SortedMap<K, Money> shares = new TreeMap<>();
        for (int i = 0; i < byRemainder.size(); i++) {
            Part<K> part = byRemainder.get(i);
            shares.put(part.recipient(), Money.ofOre(part.floor() + (i < leftover ? 1 : 0)));
        }
        return new Result<>(shares, Money.ZERO);
    }

    /**
     * Explicit amounts from the forum's innstilling. What is not given out stays undistributed; amounts above
     * the frame are refused (R6).
     */
    public static <K extends Comparable<K>> Result<K> explicitAmounts(Money frame, Map<K, Money> amounts) {
        requireNonNegativeFrame(frame);
        SortedMap<K, Money> shares = new TreeMap<>();
        for (Map.Entry<K, Money> e : amounts.entrySet()) {
            if (e.getValue().isNegative()) {
                throw new IllegalArgumentException("Beløpet til " + e.getKey() + " kan ikke være negativt.");
            }
            shares.put(e.getKey(), e.getValue());
        }
        Money sum = Money.sum(shares.values());
        if (sum.isGreaterThan(frame)) {
            throw new IllegalArgumentException("R6: Summen " + sum.format() + " er " + sum.minus(frame).format()
                    + " over rammen på " + frame.format() + ".");
        }
        return new Result<>(shares, frame.minus(sum));
    }

    private static void requireNonNegativeFrame(Money frame) {
        if (frame.isNegative()) {
            throw new IllegalArgumentException("Rammen kan ikke være negativ.");
        }
    }
}
