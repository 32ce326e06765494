package no.kompetansemidler.domain.money;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistributionTest {

    @Test
    void equal_shares_of_100_ore_among_three_give_the_extra_ore_to_the_first_id() {
        var result = Distribution.equalShares(Money.ofOre(100), List.of("c", "a", "b"));
        assertThat(result.shares()).containsExactly(
                Map.entry("a", Money.ofOre(34)), Map.entry("b", Money.ofOre(33)), Map.entry("c", Money.ofOre(33)));
        assertThat(result.distributed()).isEqualTo(Money.ofOre(100));
        assertThat(result.undistributed()).isEqualTo(Money.ZERO);
    }

    @Test
    void weights_such_as_arsverk_split_by_the_largest_remainder() {
        // 1 000 000,00 kr by årsverk 12,5 / 7,25 / 3,0 (hundredths)
        Map<String, Long> weights = new LinkedHashMap<>();
        weights.put("964338531", 1250L);
        weights.put("821311632", 725L);
        weights.put("917641404", 300L);
        var result = Distribution.byWeights(Money.ofKroner(1_000_000), weights);
        // exact: 54 945 054,945… / 31 868 131,868… / 13 186 813,186… øre
        assertThat(result.shares()).containsEntry("964338531", Money.ofOre(54_945_055))
                .containsEntry("821311632", Money.ofOre(31_868_132))
                .containsEntry("917641404", Money.ofOre(13_186_813));
        assertThat(result.distributed()).isEqualTo(Money.ofKroner(1_000_000));
    }

    @Test
    void a_zero_weight_gets_nothing() {
        var result = Distribution.byWeights(Money.ofOre(10), Map.of("a", 0L, "b", 3L));
        assertThat(result.shares()).containsEntry("a", Money.ZERO).containsEntry("b", Money.ofOre(10));
    }

    @Test
    void explicit_amounts_leave_the_rest_undistributed_and_refuse_one_ore_over_the_frame() {
        var result = Distribution.explicitAmounts(Money.ofKroner(100),
                Map.of("a", Money.ofKroner(60), "b", Money.ofOre(3999)));
        assertThat(result.undistributed()).isEqualTo(Money.ofOre(1));
        assertThat(result.distributed().plus(result.undistributed())).isEqualTo(Money.ofKroner(100));
        assertThat(Distribution.explicitAmounts(Money.ofKroner(100),
                Map.of("a", Money.ofKroner(60), "b", Money.ofKroner(40))).undistributed()).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> Distribution.explicitAmounts(Money.ofKroner(100),
                Map.of("a", Money.ofKroner(60), "b", Money.ofOre(4001))))
                .hasMessage("R6: Summen 100,01 kr er 0,01 kr over rammen på 100,00 kr.");
    }

    @Test
    void keys_that_cannot_be_applied_are_refused() {
        assertThatThrownBy(() -> Distribution.equalShares(Money.ofOre(1), List.<String>of()))
                .hasMessageContaining("Ingen mottakere");
        assertThatThrownBy(() -> Distribution.equalShares(Money.ofOre(1), List.of("a", "a")))
                .hasMessageContaining("flere ganger");
        assertThatThrownBy(() -> Distribution.byWeights(Money.ofOre(1), Map.of("a", 0L)))
                .hasMessageContaining("Alle vektene er null");
        assertThatThrownBy(() -> Distribution.byWeights(Money.ofOre(1), Map.of("a", -1L)))
                .hasMessageContaining("negativ");
        assertThatThrownBy(() -> Distribution.byWeights(Money.ofOre(-1), Map.of("a", 1L)))
                .hasMessageContaining("negativ");
    }
}
