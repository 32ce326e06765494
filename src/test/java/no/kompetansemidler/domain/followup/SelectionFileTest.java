package no.kompetansemidler.domain.followup;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Udir's selection file as a person pastes it: read whole, or refused with every wrong line named. */
class SelectionFileTest {

    @Test
    void a_file_with_a_header_semicolons_commas_tabs_and_blank_lines_is_read() {
        List<SelectionFile.Line> lines = SelectionFile.read("""
                år;kommunenummer;organisasjonsnummer
                2027;4601;964338531

                2027,301,958935420\r
                2027\t1101\t 964 965 137
                """);
        assertThat(lines).extracting(SelectionFile.Line::municipalityNumber).containsExactly("4601", "0301", "1101");
        assertThat(lines).extracting(SelectionFile.Line::year).containsOnly(2027);
        assertThat(lines.get(2).organisationNumber().value()).isEqualTo("964965137");
        assertThat(lines.get(1).lineNumber()).isEqualTo(4);
    }

    @Test
    void every_wrong_line_is_named_and_nothing_is_taken() {
        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> SelectionFile.read("""
                2027;4601;964338531
                2027;4601;964338531
                2O27;46x1;964338532
                2026;1101;964965137
                2027;1101
                """));
        assertThat(refused.violations()).extracting(Violation::message).containsExactly(
                "Linje 2: kommune 4601 står også på linje 1.",
                "Linje 3: «2O27» er ikke et år (fire sifre, fra 2017).",
                "Linje 3: «46x1» er ikke et kommunenummer (fire sifre, f.eks. 4601).",
                "Linje 3: «964338532» er ikke et gyldig organisasjonsnummer (ni sifre, MOD11).",
                "Linje 4: året 2026 er et annet enn på linje 1 (2027); send ett uttrekk per år.",
                "Linje 5: har 2 felt; hver linje skal ha tre: år, kommunenummer og organisasjonsnummer.");
        assertThat(refused.violations()).allSatisfy(v -> {
            assertThat(v.field()).isEqualTo("utvalg");
            assertThat(v.ruleId()).isEqualTo("UTVALG");
        });
    }

    @Test
    void an_empty_file_a_header_alone_markup_or_no_text_is_refused() {
        for (Object content : new Object[]{null, "", "   \n", "år;kommunenummer;organisasjonsnummer\n", 2027,
                "2027;4601;<script>alert(1)</script>"}) {
            ValidationException refused = catchThrowableOfType(ValidationException.class,
                    () -> SelectionFile.read(content));
            assertThat(refused).as(String.valueOf(content)).isNotNull();
            assertThat(refused.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("utvalg"));
        }
    }

    @Test
    void a_file_longer_than_the_country_is_refused() {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i <= SelectionFile.MAX_LINES; i++) {
            file.append("2027;").append(1000 + i).append(";964338531\n");
        }
        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> SelectionFile.read(file.toString()));
        assertThat(refused.violations()).singleElement().satisfies(v ->
                assertThat(v.message()).contains("flere enn 400 linjer"));
    }
}
