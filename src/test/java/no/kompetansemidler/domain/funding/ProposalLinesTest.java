package no.kompetansemidler.domain.funding;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rows of a distribution as a caseworker fills or pastes them: every problem on its row and field. */
class ProposalLinesTest {

    static String line(String weight, String title) {
        return "964338531; " + weight + "; 0; 0; 0; " + title + "; etterutdanning; 2027; 2027";
    }

    static List<ProposalLine> weighted(String text) {
        return ProposalLines.parse(ProposalLines.split(text, DistributionKey.WEIGHTS), DistributionKey.WEIGHTS);
    }

    static List<Violation> problems(String text, DistributionKey key) {
        return catchThrowableOfType(ValidationException.class,
                () -> ProposalLines.parse(ProposalLines.split(text, key), key)).violations();
    }

    @ParameterizedTest(name = "weight «{0}» = {1} hundredths")
    @CsvSource(delimiter = '|', value = {"12,5|1250", "12.5|1250", "1 200|120000", "0|0"})
    void a_weight_is_read_as_people_write_it(String typed, long hundredths) {
        assertThat(weighted(line(typed, "Lesing")).get(0).weight()).isEqualTo(hundredths);
    }

    @ParameterizedTest(name = "weight «{0}» is refused")
    @ValueSource(strings = {"1e3", "1E3", "-5", "+5", "12,345", "0x10", "Infinity", "NaN"})
    void a_weight_in_another_notation_is_refused_on_its_row(String typed) {
        assertThat(problems(line(typed, "Lesing"), DistributionKey.WEIGHTS)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("rader[0].vekt");
            assertThat(v.ruleId()).isEqualTo("VEKT");
            assertThat(v.message()).startsWith("Rad 1: vekten");
        });
    }

    @Test
    void a_measure_name_is_stored_in_nfc_and_an_invisible_or_reversing_one_is_refused() {
        assertThat(weighted(line("1", "Lesing i O\u0308rsta")).get(0).measure().title()).isEqualTo("Lesing i Örsta");
        assertThatThrownBy(() -> weighted(line("1", "\u202ELesing")))
                .hasMessageContaining("rader[0].tiltak [TEGN]: Rad 1: tiltakets navn inneholder et usynlig tegn som snur");
        assertThatThrownBy(() -> weighted(line("1", "\u200B\u200B"))).hasMessageContaining("rader[0].tiltak [TEGN]");
        assertThatThrownBy(() -> weighted(line("1", "\u00A0\u00A0")))
                .hasMessageContaining("rader[0].tiltak [PÅKREVD]: Rad 1: tiltaket mangler navn.");
    }

    @Test
    void pasted_spreadsheet_rows_are_read_tab_or_semicolon_separated_with_norwegian_amounts() {
        String pasted = "964338531\t1 234 567,89\t300 000\t0\t0\tLesing\tetterutdanning\t2027\t2028\n"
                + "# en kommentar\n\n"
                + "821311632; 1.000.000,5; 0; 0; 0; Yrkesfag; videreutdanning; 2027; 2027";
        List<ProposalLine> lines = ProposalLines.parse(ProposalLines.split(pasted, DistributionKey.AMOUNTS),
                DistributionKey.AMOUNTS);
        assertThat(lines).extracting(l -> l.amount().ore()).containsExactly(123_456_789L, 100_000_050L);
        assertThat(lines.get(0).coFinancingCash().ore()).isEqualTo(30_000_000L);
        assertThat(lines.get(0).measure()).isEqualTo(new Measure("Lesing", MeasureKind.ETTERUTDANNING, 2027, 2028));
        assertThat(lines.get(1).measure().kind()).isEqualTo(MeasureKind.VIDEREUTDANNING);
    }

    @Test
    void every_problem_is_named_on_its_row_and_field_never_one_message_for_all() {
        String pasted = "964338531; 600 000; 0; 0; 0; Lesing; etterutdanning; 2027; 2027\n"
                + "123; 12,3,4; 0; 0; 0; ; kurs; 27; 2027\n"
                + "964338531; 100; 0; 0; 0; Lesing igjen; etterutdanning; 2027; 2027\n"
                + "821311632; 100";
        assertThat(problems(pasted, DistributionKey.AMOUNTS)).extracting(Violation::field).containsExactly(
                "rader[1].organisasjonsnummer", "rader[1].belop", "rader[1].tiltak", "rader[1].art", "rader[1].fraAar",
                "rader[2].organisasjonsnummer", "rader[3].tiltak", "rader[3].fraAar", "rader[3].tilAar");
        assertThat(problems(pasted, DistributionKey.AMOUNTS)).filteredOn(v -> v.field().equals("rader[2].organisasjonsnummer"))
                .singleElement().satisfies(v -> {
                    assertThat(v.ruleId()).isEqualTo("R9");
                    assertThat(v.message()).isEqualTo("Rad 3: mottakeren 964338531 står også på rad 1; hver mottaker får"
                            + " ett vedtak per år, så slå radene sammen.");
                });
    }

    @Test
    void rows_filled_on_the_page_may_leave_the_optional_amounts_and_the_kind_empty() {
        List<ProposalLine> lines = ProposalLines.parse(List.of(Map.of("organisasjonsnummer", "964 338 531",
                "belop", "500 000", "tiltak", "Lesing", "fraAar", "2027", "tilAar", "2027")), DistributionKey.AMOUNTS);
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.organisationNumber()).isEqualTo("964338531");
            assertThat(l.coFinancingCash().ore()).isZero();
            assertThat(l.measure().kind()).isEqualTo(MeasureKind.ETTERUTDANNING);
        });
    }

    @Test
    void an_empty_distribution_or_one_over_the_limit_is_refused_as_a_whole() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> ProposalLines.parse(List.of(),
                DistributionKey.AMOUNTS)).violations()).singleElement().extracting(Violation::field).isEqualTo("rader");
        List<Map<String, String>> many = java.util.Collections.nCopies(ProposalLines.MAX_ROWS + 1, Map.of());
        assertThat(catchThrowableOfType(ValidationException.class, () -> ProposalLines.parse(many,
                DistributionKey.AMOUNTS)).violations()).singleElement().extracting(Violation::ruleId).isEqualTo("LENGDE");
    }
}
