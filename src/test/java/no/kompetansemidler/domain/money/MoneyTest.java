package no.kompetansemidler.domain.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @ParameterizedTest(name = "{0} øre -> {1}")
    @CsvSource(delimiter = '|', value = {
            "123456789|1 234 567,89 kr",
            "0|0,00 kr",
            "5|0,05 kr",
            "100|1,00 kr",
            "99999|999,99 kr",
            "100000|1 000,00 kr",
            "-123456|-1 234,56 kr",
            "100000000000000|1 000 000 000 000,00 kr"})
    void amounts_are_shown_to_people_in_norwegian(long ore, String shown) {
        assertThat(Money.ofOre(ore).format()).isEqualTo(shown);
    }

    @ParameterizedTest(name = "«{0}» -> {1} øre")
    @CsvSource(delimiter = '|', value = {
            "1234567,89|123456789",
            "1 234 567,89|123456789",
            "1.234.567,89|123456789",
            "1234567.89|123456789",
            "1 234 567|123456700",
            "1234,5|123450",
            "1 000,-|100000",
            "kr 500|50000",
            "500 kr|50000",
            "NOK 12|1200",
            "'  42  '|4200",
            "0|0",
            "0,01|1",
            "1\u00A0234|123400"})
    void what_people_type_is_read_exactly(String typed, long ore) {
        assertThat(Money.parse(typed)).isEqualTo(Money.ofOre(ore));
    }

    @ParameterizedTest(name = "«{0}» -> {1}")
    @CsvSource(delimiter = '|', value = {
            "tusen|ikke et beløp",
            "12,345|mer enn to desimaler",
            "1 234,567|mer enn to desimaler",
            "-5|negativt",
            "−5|negativt",
            "12 34|ikke et beløp",
            "1,2,3|ikke et beløp",
            "5e3|ikke et beløp",
            "99999999999999|større enn systemet håndterer",
            "1 000 000 000 000,01|større enn systemet håndterer",
            "$100|ikke et beløp"})
    void anything_else_is_refused_with_a_norwegian_message(String typed, String message) {
        // one øre above the maximum was an IllegalArgumentException from the constructor, answered as a 500
        assertThat(Money.tryParse(typed)).isEmpty();
        assertThatThrownBy(() -> Money.parse(typed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void a_missing_amount_is_refused(String typed) {
        assertThat(Money.problemWith(typed)).hasValue("Beløp mangler.");
    }

    @Test
    void arithmetic_is_exact_and_overflow_is_refused_not_wrapped() {
        assertThat(Money.ofKroner(10).plus(Money.ofOre(1)).minus(Money.ofOre(2))).isEqualTo(Money.ofOre(999));
        assertThat(Money.sum(List.of(Money.ofOre(1), Money.ofOre(2), Money.ofOre(3)))).isEqualTo(Money.ofOre(6));
        assertThatThrownBy(() -> Money.ofOre(Money.MAX_ORE).plus(Money.ofOre(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ofKroner(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest(name = "{1} of {0} øre: at least {2}, at most {3}")
    @CsvSource({
            "100000000, 3000, 30000000, 30000000",
            "1, 3000, 1, 0",
            "333, 3000, 100, 99",
            "10, 1250, 2, 1",
            "0, 3000, 0, 0"})
    void a_percentage_of_an_amount_is_rounded_the_way_the_caller_says(long ore, int basisPoints, long up, long down) {
        Percentage rate = new Percentage(basisPoints);
        assertThat(Money.ofOre(ore).percentageRoundedUp(rate)).isEqualTo(Money.ofOre(up));
        assertThat(Money.ofOre(ore).percentageRoundedDown(rate)).isEqualTo(Money.ofOre(down));
    }

    @Test
    void percentages_are_exact_and_bounded() {
        assertThat(Percentage.ofPercent(new java.math.BigDecimal("12.5")).basisPoints()).isEqualTo(1250);
        assertThat(Percentage.ofPercent(30).format()).isEqualTo("30 %");
        assertThat(new Percentage(1250).format()).isEqualTo("12,5 %");
        assertThatThrownBy(() -> Percentage.ofPercent(130)).hasMessageContaining("mellom 0 og 100");
        assertThatThrownBy(() -> Percentage.ofPercent(new java.math.BigDecimal("12.345")))
                .hasMessageContaining("høyst to desimaler");
    }
}
