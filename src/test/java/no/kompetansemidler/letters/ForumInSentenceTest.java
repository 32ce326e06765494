package no.kompetansemidler.letters;

import no.kompetansemidler.testkit.Tiers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How the decision letter names the forum's members inside its sentence: common nouns small, names as written. */
@Tag(Tiers.DOMAIN)
class ForumInSentenceTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Kommunene som skoleeiere|kommunene som skoleeiere",
            "Arbeidslivet (NHO, LO og andre partnere)|arbeidslivet (NHO, LO og andre partnere)",
            "KS|KS",
            "UH-institusjonene|UH-institusjonene",
            "Statped (når UH ikke kan bidra)|Statped (når UH ikke kan bidra)",
            "Private barnehageeiere (PBL)|private barnehageeiere (PBL)"})
    void a_member_reads_as_in_a_sentence(String written, String inSentence) {
        assertThat(LetterWriter.inSentence(written)).isEqualTo(inSentence);
    }
}
