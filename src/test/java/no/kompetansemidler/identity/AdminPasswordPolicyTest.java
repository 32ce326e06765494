package no.kompetansemidler.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AdminPasswordPolicyTest {

    @ParameterizedTest(name = "[{index}] {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "admin|NULL|mangler",
            "admin|''|mangler",
            "admin|'   '|mangler",
            "admin|Kort1!xY|for kort",
            "admin|Abcdefghij1|for kort",
            "ops|Passord-1234-x|gjette",
            "ops|MinCamunda#2026|gjette",
            "sysadm|Sysadm-Er-Best-99|brukernavnet",
            "admin|abcdefghijkl|for svakt",
            "admin|abcdefghijk1|for svakt",
            "admin|Abcdefghijk1|OK",
            "admin|abcdefghij1!|OK",
            "admin|Tr0ll-Hest-Fjord|OK"})
    void an_administrator_password_must_be_long_and_not_guessable(String user, String password, String expected) {
        if (expected.equals("OK")) {
            assertThat(AdminPasswordPolicy.problemWith(user, password)).isEmpty();
        } else {
            assertThat(AdminPasswordPolicy.problemWith(user, password))
                    .hasValueSatisfying(problem -> assertThat(problem).contains(expected));
        }
    }
}
