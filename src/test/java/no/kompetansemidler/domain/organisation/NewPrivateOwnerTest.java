package no.kompetansemidler.domain.organisation;

import no.kompetansemidler.domain.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NewPrivateOwnerTest {

    private static final String VALID_ORGNR = "974767880";

    @Test
    void a_private_school_owner_takes_part_in_dekom_only() {
        NewPrivateOwner request = new NewPrivateOwner("974 767 880", " Steinerskolen i Bergen AS ",
                "PRIVAT_SKOLEEIER", "vestland", "post@steinerskolen.example");
        assertThat(request.validate()).isEmpty();
        Owner owner = request.toOwner(no.kompetansemidler.testkit.TestDatabase.schemes()::schemesFor);
        assertThat(owner.organisationNumber().value()).isEqualTo(VALID_ORGNR);
        assertThat(owner.name()).isEqualTo("Steinerskolen i Bergen AS");
        assertThat(owner.embete()).isEqualTo(Embete.VESTLAND);
        assertThat(owner.schemes()).containsExactly(Scheme.DEKOM);
    }

    @Test
    void a_private_kindergarten_owner_takes_part_in_rekom_only() {
        Owner owner = new NewPrivateOwner(VALID_ORGNR, "Eventyrhagen barnehage AS", "PRIVAT_BARNEHAGEEIER",
                "rogaland", "post@eventyr.example").toOwner(no.kompetansemidler.testkit.TestDatabase.schemes()::schemesFor);
        assertThat(owner.schemes()).containsExactly(Scheme.REKOM);
    }

    @ParameterizedTest(name = "[{index}] {6}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "974767881|Navn AS|PRIVAT_SKOLEEIER|vestland|a@b.no|organisasjonsnummer:ORGNR|altered check digit",
            "97476788|Navn AS|PRIVAT_SKOLEEIER|vestland|a@b.no|organisasjonsnummer:ORGNR|eight digits",
            "NULL|Navn AS|PRIVAT_SKOLEEIER|vestland|a@b.no|organisasjonsnummer:ORGNR|missing number",
            "974767880|NULL|PRIVAT_SKOLEEIER|vestland|a@b.no|navn:PÅKREVD|missing name",
            "974767880|'  '|PRIVAT_SKOLEEIER|vestland|a@b.no|navn:PÅKREVD|blank name",
            "974767880|<script>alert(1)</script>|PRIVAT_SKOLEEIER|vestland|a@b.no|navn:TEGN|markup in name",
            "974767880|Navn AS|NULL|vestland|a@b.no|eiertype:PÅKREVD|missing kind",
            "974767880|Navn AS|KOMMUNE|vestland|a@b.no|eiertype:EIERTYPE|a municipality is master data",
            "974767880|Navn AS|AKSJESELSKAP|vestland|a@b.no|eiertype:EIERTYPE|unknown kind",
            "974767880|Navn AS|PRIVAT_SKOLEEIER|NULL|a@b.no|embete:PÅKREVD|missing embete",
            "974767880|Navn AS|PRIVAT_SKOLEEIER|oslo|a@b.no|embete:EMBETE|unknown embete",
            "974767880|Navn AS|PRIVAT_SKOLEEIER|vestland|NULL|kontaktEpost:PÅKREVD|missing e-mail",
            "974767880|Navn AS|PRIVAT_SKOLEEIER|vestland|ikke-en-adresse|kontaktEpost:EPOST|not an e-mail address",
            "974767880|Navn AS|PRIVAT_SKOLEEIER|vestland|a@b|kontaktEpost:EPOST|e-mail without domain"})
    void bad_input_names_the_field_and_the_rule(String orgnr, String name, String kind, String embete, String email,
                                                String expected, String description) {
        List<Violation> problems = new NewPrivateOwner(orgnr, name, kind, embete, email).validate();
        String[] fieldAndRule = expected.split(":");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).field()).isEqualTo(fieldAndRule[0]);
        assertThat(problems.get(0).ruleId()).isEqualTo(fieldAndRule[1]);
        assertThat(problems.get(0).message()).isNotBlank();
    }

    @Test
    void every_problem_is_named_not_only_the_first() {
        List<Violation> problems = new NewPrivateOwner("123", "", "X", "", "x").validate();
        assertThat(problems).extracting(Violation::field)
                .containsExactly("organisasjonsnummer", "navn", "eiertype", "embete", "kontaktEpost");
    }

    @Test
    void a_name_of_201_characters_is_too_long_and_200_is_not() {
        assertThat(new NewPrivateOwner(VALID_ORGNR, "x".repeat(200), "PRIVAT_SKOLEEIER", "vestland", "a@b.no")
                .validate()).isEmpty();
        assertThat(new NewPrivateOwner(VALID_ORGNR, "x".repeat(201), "PRIVAT_SKOLEEIER", "vestland", "a@b.no")
                .validate()).extracting(Violation::ruleId).containsExactly("LENGDE");
    }
}
