package no.kompetansemidler.domain.organisation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganisationNumberTest {

    /** Every organisation number in the project's copy of the reference data. */
    static Stream<String> numbersInTheMasterData() throws IOException {
        List<String> numbers = new ArrayList<>();
        for (String file : List.of("fylkeskommuner-2024.csv", "uh-institusjoner.csv", "kommuner-organisasjonsnummer.csv")) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    OrganisationNumberTest.class.getResourceAsStream("/masterdata/" + file), StandardCharsets.UTF_8))) {
                reader.lines().skip(1).forEach(line -> {
                    for (String cell : line.split(",")) {
                        if (cell.matches("\\d{9}")) {
                            numbers.add(cell);
                        }
                    }
                });
            }
        }
        assertThat(numbers).hasSize(14 + 27 + 2);
        return numbers.stream();
    }

    @ParameterizedTest
    @MethodSource("numbersInTheMasterData")
    void every_number_in_the_master_data_passes_mod11(String number) {
        assertThat(OrganisationNumber.isValid(number)).isTrue();
        assertThat(new OrganisationNumber(number).value()).isEqualTo(number);
    }

    @ParameterizedTest
    @MethodSource("numbersInTheMasterData")
    void any_single_altered_digit_is_rejected(String number) {
        for (int position = 0; position < 9; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == number.charAt(position)) {
                    continue;
                }
                String altered = number.substring(0, position) + digit + number.substring(position + 1);
                assertThat(OrganisationNumber.problemWith(altered))
                        .as("altered %s -> %s", number, altered)
                        .hasValueSatisfying(p -> assertThat(p).contains("MOD11"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"97476788", "9747678800", "97476788O", "974-767-880", "abcdefghi"})
    void anything_but_nine_digits_is_rejected_with_a_clear_message(String typed) {
        assertThatThrownBy(() -> new OrganisationNumber(typed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9 siffer");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void a_missing_number_is_rejected(String typed) {
        assertThat(OrganisationNumber.problemWith(typed)).hasValue("Organisasjonsnummer mangler.");
    }

    @ParameterizedTest
    @CsvSource({
            "974 767 880, 974767880",
            "974767880, 974767880",
            "' 917 641 404 ', 917641404"})
    void people_may_type_the_number_in_groups(String typed, String expected) {
        assertThat(OrganisationNumber.parse(typed).value()).isEqualTo(expected);
    }

    @Test
    void a_base_whose_check_digit_would_be_10_has_no_valid_number() {
        // 3*1 + 2*0 + ... chosen so that the remainder is 1: the check digit would be 10
        String base = findBaseWithCheckDigit10();
        for (char last = '0'; last <= '9'; last++) {
            assertThat(OrganisationNumber.isValid(base + last)).isFalse();
        }
    }

    @Test
    void a_remainder_of_zero_gives_check_digit_zero() {
        assertThat(OrganisationNumber.checkDigit("10000004")).as("3·1 + 2·4 = 11").isZero();
        assertThat(OrganisationNumber.isValid("100000040")).isTrue();
    }

    @Test
    void nine_zeros_pass_the_check_digit_but_are_no_organisation_number() {
        assertThat(OrganisationNumber.checkDigit("00000000")).isZero();
        assertThat(OrganisationNumber.problemWith("000000000"))
                .hasValue("Organisasjonsnummeret kan ikke bare bestå av nuller.");
    }

    @Test
    void the_number_is_shown_in_groups_of_three() {
        assertThat(new OrganisationNumber("974767880").formatted()).isEqualTo("974 767 880");
    }

    private static String findBaseWithCheckDigit10() {
        for (int i = 10_000_000; i < 10_001_000; i++) {
            String base = Integer.toString(i);
            if (OrganisationNumber.checkDigit(base) == 10) {
                return base;
            }
        }
        throw new AssertionError("no base found");
    }
}
