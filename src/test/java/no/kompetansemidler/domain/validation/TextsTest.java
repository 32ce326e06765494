package no.kompetansemidler.domain.validation;

import no.kompetansemidler.testkit.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A text is checked as a person reads it: what cannot be seen or turns the text around is refused. */
class TextsTest {

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("a NUL character", "Lesing\u0000", "kontrolltegn (U+0000)"),
                Arguments.of("an escape character", "Lesing\u001B[31m", "kontrolltegn (U+001B)"),
                Arguments.of("a right-to-left override", "Bergen \u202Eenummok", "snur skriveretningen (U+202E)"),
                Arguments.of("a left-to-right isolate", "\u2066Bergen\u2069", "snur skriveretningen (U+2066)"),
                Arguments.of("a right-to-left mark", "Bergen\u200F", "snur skriveretningen (U+200F)"),
                Arguments.of("a zero-width space", "Ber\u200Bgen", "usynlig tegn (U+200B)"),
                Arguments.of("a zero-width joiner", "Ber\u200Dgen", "usynlig tegn (U+200D)"),
                Arguments.of("a byte order mark", "\uFEFFBergen", "usynlig tegn (U+FEFF)"),
                Arguments.of("a soft hyphen", "kompetanse\u00ADutvikling", "usynlig tegn (U+00AD)"),
                Arguments.of("a lone high surrogate", "Bergen\uD83D", "ødelagt tegn"),
                Arguments.of("a lone low surrogate", "\uDE00Bergen", "ødelagt tegn"),
                Arguments.of("a noncharacter", "Bergen\uFFFF", "ikke er et tegn"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("unreadable")
    void what_a_reader_cannot_see_or_that_turns_the_text_around_is_refused(String what, String text, String reason) {
        assertThat(Texts.unreadable(text, true)).hasValueSatisfying(r -> assertThat(r).contains(reason));
        assertThat(Texts.displayable(text)).contains(String.valueOf(Texts.REPLACEMENT));
        assertThat(Texts.unreadable(Texts.displayable(text), true)).isEmpty();
    }

    @Test
    void norwegian_text_emoji_accents_and_line_breaks_are_readable() {
        assertThat(Texts.unreadable("Skoleledere og lærere i Ørsta deltok – «alle» 👍", false)).isEmpty();
        assertThat(Texts.unreadable("Første linje\nandre linje\ttabulert", true)).isEmpty();
        assertThat(Texts.unreadable("e\u0301\u0302", false)).isEmpty();
        assertThat(Texts.unreadable("Første linje\nandre", false)).hasValue("kan ikke inneholde linjeskift eller tabulator");
    }

    @Test
    void a_minimum_length_counts_what_a_reader_sees() {
        assertThat(Texts.visibleLength("\u200B".repeat(20))).isZero();
        assertThat(Texts.visibleLength("\u00A0".repeat(20))).isZero();
        assertThat(Texts.visibleLength("\u202F \u2007\t\n".repeat(5))).isZero();
        assertThat(Texts.visibleLength("😀".repeat(10))).isEqualTo(10);
        assertThat(Texts.visibleLength("e" + "\u0301".repeat(19))).isEqualTo(1);
        assertThat(Texts.visibleLength("Bergen kommune")).isEqualTo(13);
        assertThat(Texts.visibleLength("a\u030A")).isEqualTo(1);
    }

    @Test
    void texts_are_stored_in_nfc() {
        assertThat(Texts.normalize("a\u030Arsverk")).isEqualTo("årsverk");
        assertThat(Texts.normalize("O\u0308rsta")).isEqualTo("Ørsta".replace('Ø', 'Ö'));
    }

    @Test
    void an_e_mail_address_is_readable_too() {
        assertThat(Texts.isEmailAddress("post@bergen.kommune.no")).isTrue();
        assertThat(Texts.isEmailAddress("po\u200Bst@bergen.kommune.no")).isFalse();
        assertThat(Texts.isEmailAddress("post@bergen\u202E.no")).isFalse();
    }

    @Test
    void a_message_never_repeats_an_unreadable_text() {
        assertThat(Texts.abbreviate("\u202Eabc")).isEqualTo(Texts.REPLACEMENT + "abc");
    }

    @Test
    void any_text_a_view_shows_is_readable() {
        Property.forAll("displayable", 500, random -> {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append((char) random.nextInt(Character.MAX_VALUE + 1));
            }
            return text.toString();
        }, Property.Shrink.none(), text -> {
            String shown = Texts.displayable(text);
            assertThat(Texts.unreadable(shown, true)).isEmpty();
            assertThat(shown).hasSize(text.length());
        });
    }
}
