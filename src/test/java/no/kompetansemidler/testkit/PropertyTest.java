package no.kompetansemidler.testkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The property kit finds a failing case, shrinks it to the smallest, names the seed, and passes what holds. */
class PropertyTest {

    @Test
    void a_false_property_fails_with_the_smallest_case_and_the_seed() {
        assertThatThrownBy(() -> Property.forAll("under tusen", 200, Property.longs(0, 1_000_000),
                Property.towards(0), n -> assertThat(n).isLessThan(1_000)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("holder ikke for 1000 ")
                .hasMessageContaining("-Dproperty.seed=");
    }

    @Test
    void a_list_is_shrunk_to_the_element_that_breaks_it() {
        assertThatThrownBy(() -> Property.forAll("ingen over 50", 200,
                Property.lists(Property.longs(0, 100), 1, 20), Property.lists(Property.towards(0), 0),
                list -> assertThat(list).allMatch(n -> n <= 50)))
                .hasMessageContaining("holder ikke for [51]");
    }

    @Test
    void a_true_property_passes_every_case() {
        int[] tried = {0};
        Property.forAll("summen er ikke negativ", 100, Property.lists(Property.longs(0, 10), 0, 5),
                Property.lists(Property.towards(0), 0), list -> {
                    tried[0]++;
                    assertThat(list.stream().mapToLong(Long::longValue).sum()).isNotNegative();
                });
        assertThat(tried[0]).isEqualTo(100);
    }
}
