package no.kompetansemidler.domain.organisation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountNumberTest {

    @ParameterizedTest(name = "«{0}» -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1234.56.78903|12345678903",
            "1234 56 78903|12345678903",
            "12345678903|12345678903"})
    void an_account_number_is_read_as_people_write_it(String typed, String value) {
        assertThat(AccountNumber.parse(typed).value()).isEqualTo(value);
        assertThat(AccountNumber.parse(typed).formatted()).isEqualTo("1234.56.78903");
    }

    @ParameterizedTest(name = "«{0}» -> {1}")
    @CsvSource(delimiter = '|', value = {
            "12345678901|MOD11",
            "12345678904|MOD11",
            "1234567890|11 siffer",
            "1234567890a|11 siffer",
            "0000.00.00000|bare bestå av nuller",
            "''|mangler"})
    void anything_else_is_refused_with_a_clear_message(String typed, String message) {
        assertThatThrownBy(() -> AccountNumber.parse(typed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void any_single_altered_digit_is_refused() {
        String valid = "12345678903";
        for (int position = 0; position < 11; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit != valid.charAt(position)) {
                    String altered = valid.substring(0, position) + digit + valid.substring(position + 1);
                    assertThat(AccountNumber.problemWith(altered)).as(altered).isPresent();
                }
            }
        }
    }
}
