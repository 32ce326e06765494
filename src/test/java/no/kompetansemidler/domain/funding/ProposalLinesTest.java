package no.kompetansemidler.domain.funding;

import no.kompetansemidler.domain.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A distribution line as a caseworker writes it: weights as people write numbers, readable measure names. */
class ProposalLinesTest {

    static String line(String weight, String title) {
        return "964338531; " + weight + "; 0; 0; 0; " + title + "; etterutdanning; 2027; 2027";
    }

    @ParameterizedTest(name = "weight «{0}» = {1} hundredths")
    @CsvSource(delimiter = '|', value = {"12,5|1250", "12.5|1250", "1 200|120000", "0|0"})
    void a_weight_is_read_as_people_write_it(String typed, long hundredths) {
        assertThat(ProposalLines.parse(line(typed, "Lesing"), DistributionKey.WEIGHTS).get(0).weight())
                .isEqualTo(hundredths);
    }

    @ParameterizedTest(name = "weight «{0}» is refused")
    @ValueSource(strings = {"1e3", "1E3", "-5", "+5", "12,345", "0x10", "Infinity", "NaN"})
    void a_weight_in_another_notation_is_refused(String typed) {
        assertThatThrownBy(() -> ProposalLines.parse(line(typed, "Lesing"), DistributionKey.WEIGHTS))
                .isInstanceOf(ValidationException.class).hasMessageContaining("linjer [VEKT]: Linje 1: vekten");
    }

    @Test
    void a_measure_name_is_stored_in_nfc_and_an_invisible_or_reversing_one_is_refused() {
        assertThat(ProposalLines.parse(line("1", "Lesing i O\u0308rsta"), DistributionKey.WEIGHTS).get(0).measure().title())
                .isEqualTo("Lesing i Örsta");
        assertThatThrownBy(() -> ProposalLines.parse(line("1", "\u202ELesing"), DistributionKey.WEIGHTS))
                .hasMessageContaining("linjer [TEGN]: Linje 1: tiltakets navn inneholder et usynlig tegn som snur");
        assertThatThrownBy(() -> ProposalLines.parse(line("1", "\u200B\u200B"), DistributionKey.WEIGHTS))
                .hasMessageContaining("linjer [TEGN]");
        assertThatThrownBy(() -> ProposalLines.parse(line("1", "\u00A0\u00A0"), DistributionKey.WEIGHTS))
                .hasMessageContaining("linjer [PÅKREVD]: Linje 1: tiltaket mangler navn.");
    }
}
