package no.kompetansemidler.domain.money;

import no.kompetansemidler.testkit.Property;
import no.kompetansemidler.testkit.Property.Gen;
import no.kompetansemidler.testkit.Property.Shrink;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** For random frames and keys: shares add up exactly, none is negative, input order does not matter. */
class DistributionPropertiesTest {

    record Case(long frameOre, Map<String, Long> weights, long seed) {
    }

    static final Gen<Case> FRAMES_AND_WEIGHTS = random -> {
        Map<String, Long> weights;
        do {
            weights = Property.maps(Property.nineDigits(), Property.longs(0, 10_000_000), 1, 60).next(random);
        } while (weights.values().stream().noneMatch(w -> w > 0));
        return new Case(Property.longs(0, Money.MAX_ORE).next(random), weights, random.nextLong());
    };

    /** A smaller frame, fewer recipients, smaller weights; always with one positive weight. */
    static final Shrink<Case> SMALLER_CASE = c -> Stream.concat(
            Property.towards(0).candidates(c.frameOre()).map(f -> new Case(f, c.weights(), c.seed())),
            Property.<String, Long>maps(Property.towards(0), 1).candidates(c.weights())
                    .filter(w -> w.values().stream().anyMatch(v -> v > 0))
                    .map(w -> new Case(c.frameOre(), w, c.seed())));

    @Test
    void weighted_shares_add_up_to_the_frame_exactly_and_none_is_negative() {
        Property.forAll("weighted shares add up", 500, FRAMES_AND_WEIGHTS, SMALLER_CASE, c -> {
            var result = Distribution.byWeights(Money.ofOre(c.frameOre()), c.weights());
            assertThat(result.distributed()).isEqualTo(Money.ofOre(c.frameOre()));
            assertThat(result.shares().values()).noneMatch(Money::isNegative);
            assertThat(result.shares().keySet()).isEqualTo(c.weights().keySet());
        });
    }

    @Test
    void weighted_shares_do_not_depend_on_the_order_of_the_input() {
        Property.forAll("order does not matter", 300, FRAMES_AND_WEIGHTS, SMALLER_CASE, c -> {
            List<Map.Entry<String, Long>> entries = new ArrayList<>(c.weights().entrySet());
            Collections.shuffle(entries, new Random(c.seed()));
            Map<String, Long> shuffled = new LinkedHashMap<>();
            entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
            assertThat(Distribution.byWeights(Money.ofOre(c.frameOre()), shuffled))
                    .isEqualTo(Distribution.byWeights(Money.ofOre(c.frameOre()), c.weights()));
        });
    }

    @Test
    void each_share_is_within_one_ore_of_its_exact_proportion() {
        Property.forAll("within one øre", 300, FRAMES_AND_WEIGHTS, SMALLER_CASE, c -> {
            var result = Distribution.byWeights(Money.ofOre(c.frameOre()), c.weights());
            BigInteger total = BigInteger.valueOf(c.weights().values().stream().mapToLong(Long::longValue).sum());
            c.weights().forEach((k, w) -> {
                BigInteger floor = BigInteger.valueOf(c.frameOre()).multiply(BigInteger.valueOf(w)).divide(total);
                long share = result.shares().get(k).ore();
                assertThat(share - floor.longValueExact()).isBetween(0L, 1L);
            });
        });
    }

    record EqualCase(long frameOre, List<String> recipients) {
    }

    @Test
    void equal_shares_differ_by_at_most_one_ore_and_add_up() {
        Gen<EqualCase> cases = random -> new EqualCase(Property.longs(0, 1_000_000_000_000L).next(random),
                List.copyOf(Property.maps(Property.nineDigits(), r -> 1, 1, 400).next(random).keySet()));
        Shrink<EqualCase> smaller = c -> Stream.concat(
                Property.towards(0).candidates(c.frameOre()).map(f -> new EqualCase(f, c.recipients())),
                Property.<String>lists(Shrink.none(), 1).candidates(c.recipients()).map(r -> new EqualCase(c.frameOre(), r)));
        Property.forAll("equal shares", 300, cases, smaller, c -> {
            var result = Distribution.equalShares(Money.ofOre(c.frameOre()), c.recipients());
            assertThat(result.distributed()).isEqualTo(Money.ofOre(c.frameOre()));
            long min = result.shares().values().stream().mapToLong(Money::ore).min().orElseThrow();
            long max = result.shares().values().stream().mapToLong(Money::ore).max().orElseThrow();
            assertThat(max - min).isBetween(0L, 1L);
        });
    }

    record AmountsCase(long frameOre, List<Long> amounts) {
    }

    @Test
    void explicit_amounts_and_the_undistributed_rest_add_up_to_the_frame() {
        Gen<AmountsCase> cases = random -> new AmountsCase(Property.longs(0, 1_000_000_000L).next(random),
                Property.lists(Property.longs(0, 10_000_000L), 1, 50).next(random));
        Shrink<AmountsCase> smaller = c -> Stream.concat(
                Property.towards(0).candidates(c.frameOre()).map(f -> new AmountsCase(f, c.amounts())),
                Property.lists(Property.towards(0), 1).candidates(c.amounts()).map(a -> new AmountsCase(c.frameOre(), a)));
        Property.forAll("explicit amounts add up", 300, cases, smaller, c -> {
            Map<String, Money> byRecipient = new LinkedHashMap<>();
            for (int i = 0; i < c.amounts().size(); i++) {
                byRecipient.put(String.format("%09d", i), Money.ofOre(c.amounts().get(i)));
            }
            long sum = c.amounts().stream().mapToLong(Long::longValue).sum();
            if (sum > c.frameOre()) {
                return; // refused: see DistributionTest
            }
            var result = Distribution.explicitAmounts(Money.ofOre(c.frameOre()), byRecipient);
            assertThat(result.distributed().plus(result.undistributed())).isEqualTo(Money.ofOre(c.frameOre()));
            assertThat(result.undistributed().isNegative()).isFalse();
        });
    }
}
