package no.kompetansemidler.domain.money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** For random frames and keys: shares add up exactly, none is negative, input order does not matter. */
class DistributionProperties {

    record Case(long frameOre, Map<String, Long> weights, long seed) {
    }

    @Provide
    Arbitrary<Case> framesAndWeights() {
        Arbitrary<Long> frames = Arbitraries.longs().between(0, Money.MAX_ORE);
        Arbitrary<Map<String, Long>> weights = Arbitraries.maps(
                        Arbitraries.strings().numeric().ofLength(9),
                        Arbitraries.longs().between(0, 10_000_000))
                .ofMinSize(1).ofMaxSize(60)
                .filter(m -> m.values().stream().anyMatch(w -> w > 0));
        return Combinators.combine(frames, weights, Arbitraries.longs()).as(Case::new);
    }

    @Property(tries = 500)
    void weighted_shares_add_up_to_the_frame_exactly_and_none_is_negative(@ForAll("framesAndWeights") Case c) {
        var result = Distribution.byWeights(Money.ofOre(c.frameOre()), c.weights());
        assertThat(result.distributed()).isEqualTo(Money.ofOre(c.frameOre()));
        assertThat(result.shares().values()).noneMatch(Money::isNegative);
        assertThat(result.shares().keySet()).isEqualTo(c.weights().keySet());
    }

    @Property(tries = 300)
    void weighted_shares_do_not_depend_on_the_order_of_the_input(@ForAll("framesAndWeights") Case c) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(c.weights().entrySet());
        Collections.shuffle(entries, new Random(c.seed()));
        Map<String, Long> shuffled = new LinkedHashMap<>();
        entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
        assertThat(Distribution.byWeights(Money.ofOre(c.frameOre()), shuffled))
                .isEqualTo(Distribution.byWeights(Money.ofOre(c.frameOre()), c.weights()));
    }

    @Property(tries = 300)
    void each_share_is_within_one_ore_of_its_exact_proportion(@ForAll("framesAndWeights") Case c) {
        var result = Distribution.byWeights(Money.ofOre(c.frameOre()), c.weights());
        java.math.BigInteger total = java.math.BigInteger.valueOf(
                c.weights().values().stream().mapToLong(Long::longValue).sum());
        c.weights().forEach((k, w) -> {
            java.math.BigInteger floor = java.math.BigInteger.valueOf(c.frameOre())
                    .multiply(java.math.BigInteger.valueOf(w)).divide(total);
            long share = result.shares().get(k).ore();
            assertThat(share - floor.longValueExact()).isBetween(0L, 1L);
        });
    }

    @Property(tries = 300)
    void equal_shares_differ_by_at_most_one_ore_and_add_up(
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long frame,
            @ForAll("recipients") List<String> recipients) {
        var result = Distribution.equalShares(Money.ofOre(frame), recipients);
        assertThat(result.distributed()).isEqualTo(Money.ofOre(frame));
        long min = result.shares().values().stream().mapToLong(Money::ore).min().orElseThrow();
        long max = result.shares().values().stream().mapToLong(Money::ore).max().orElseThrow();
        assertThat(max - min).isBetween(0L, 1L);
    }

    @Provide
    Arbitrary<List<String>> recipients() {
        return Arbitraries.strings().numeric().ofLength(9).list().uniqueElements().ofMinSize(1).ofMaxSize(400);
    }

    @Property(tries = 300)
    void explicit_amounts_and_the_undistributed_rest_add_up_to_the_frame(
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long frame,
            @ForAll("amounts") List<Long> amounts) {
        Map<String, Money> byRecipient = new LinkedHashMap<>();
        for (int i = 0; i < amounts.size(); i++) {
            byRecipient.put(String.format("%09d", i), Money.ofOre(amounts.get(i)));
        }
        long sum = amounts.stream().mapToLong(Long::longValue).sum();
        if (sum > frame) {
            return; // refused: see DistributionTest
        }
        var result = Distribution.explicitAmounts(Money.ofOre(frame), byRecipient);
        assertThat(result.distributed().plus(result.undistributed())).isEqualTo(Money.ofOre(frame));
        assertThat(result.undistributed().isNegative()).isFalse();
    }

    @Provide
    Arbitrary<List<Long>> amounts() {
        return Arbitraries.longs().between(0, 10_000_000L).list().ofMinSize(1).ofMaxSize(50);
    }
}
