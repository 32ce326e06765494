package no.kompetansemidler.domain.application;

import no.kompetansemidler.domain.funding.RecipientKind;
import no.kompetansemidler.domain.funding.SchemeRules;
import no.kompetansemidler.domain.funding.UnusedMoneyPolicy;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.money.Percentage;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.testkit.Applications;
import no.kompetansemidler.testkit.Tiers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The measures of an application under the scheme's rules, each problem on its measure and field. */
@Tag(Tiers.DOMAIN)
class MeasureRowsTest {

    static final String HVL = "917641404";
    static final SchemeRules DEKOM = new SchemeRules(Scheme.DEKOM, Percentage.ofPercent(30), Percentage.ofPercent(30),
            3, UnusedMoneyPolicy.REPAYMENT_CLAIM, Percentage.ofPercent(10), java.util.Set.of(Goal.INKLUDERENDE_LAERINGSMILJO, Goal.GRUNNLEGGENDE_FERDIGHETER, Goal.GJENNOMFORING),
            java.util.Set.of(TargetGroup.SKOLELEDERE, TargetGroup.LAERERE, TargetGroup.ANDRE_SKOLEANSATTE,
                    TargetGroup.PPT, TargetGroup.YRKESFAGLAERERE), java.util.Set.of(RecipientKind.OWNER, RecipientKind.UH));
    static final SchemeRules TWO_YEARS = new SchemeRules(Scheme.REKOM, Percentage.ZERO, Percentage.ofPercent(30),
            2, UnusedMoneyPolicy.REPAYMENT_CLAIM, Percentage.ofPercent(10), java.util.Set.of(Goal.INKLUDERENDE_LAERINGSMILJO, Goal.GRUNNLEGGENDE_FERDIGHETER, Goal.GJENNOMFORING),
            java.util.Set.of(TargetGroup.BARNEHAGELEDERE, TargetGroup.BARNEHAGEANSATTE, TargetGroup.PPT),
            java.util.Set.of(RecipientKind.OWNER, RecipientKind.UH));

    static List<String> problems(SchemeRules rules, Map<String, Object> row) {
        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> MeasureRows.read(List.of(row), rules, HVL::equals));
        return refused == null ? List.of() : refused.violations().stream().map(v -> v.field() + " [" + v.ruleId() + "]")
                .toList();
    }

    static Map<String, Object> with(Object... changes) {
        Map<String, Object> row = Applications.measure(HVL);
        for (int i = 0; i < changes.length; i += 2) {
            row.put((String) changes[i], changes[i + 1]);
        }
        return row;
    }

    /** Kompetanseløftet's rules: every measure names the kindergartens, schools and PPT taking part. */
    static final SchemeRules WITH_UNITS = new SchemeRules(Scheme.KOMPETANSELOFTET, Percentage.ZERO,
            Percentage.ofPercent(30), 3, UnusedMoneyPolicy.REPAYMENT_CLAIM, Percentage.ofPercent(10),
            java.util.Set.of(Goal.INKLUDERENDE_LAERINGSMILJO, Goal.GRUNNLEGGENDE_FERDIGHETER, Goal.LAG_RUNDT_BARNET),
            java.util.Set.of(TargetGroup.SKOLELEDERE, TargetGroup.LAERERE, TargetGroup.BARNEHAGEANSATTE,
                    TargetGroup.PPT),
            java.util.Set.of(RecipientKind.OWNER, RecipientKind.UH), true);

    @Test
    void where_the_scheme_asks_a_measure_names_the_kindergartens_schools_and_ppt_taking_part() {
        for (Object blank : new Object[]{"", "   ", null}) {
            ValidationException refused = catchThrowableOfType(ValidationException.class, () -> MeasureRows.read(
                    List.of(with("enheter", blank)), WITH_UNITS, HVL::equals));
            assertThat(refused.violations()).singleElement().satisfies(v -> {
                assertThat(v.field() + " [" + v.ruleId() + "]").isEqualTo("tiltak[1].enheter [PÅKREVD]");
                assertThat(v.message()).isEqualTo("Tiltak 1: skriv hvilke barnehager, skoler og PPT som deltar i"
                        + " tiltaket (KOMPETANSELOFTET skal gi et godt lag rundt barnet og eleven).");
            });
        }
        assertThat(MeasureRows.read(List.of(with("enheter", "  Solbakken barnehage, Nordby skole og PPT Askøy ")),
                WITH_UNITS, HVL::equals)).singleElement().satisfies(m ->
                assertThat(m.units()).isEqualTo("Solbakken barnehage, Nordby skole og PPT Askøy"));
        // elsewhere the units are optional, kept when given
        assertThat(problems(DEKOM, with("enheter", ""))).isEmpty();
        assertThat(MeasureRows.read(List.of(with("enheter", "")), DEKOM, HVL::equals)).singleElement()
                .satisfies(m -> assertThat(m.units()).isNull());
    }

    @Test
    void a_measure_runs_over_consecutive_years_from_the_year_applied_for_r14() {
        assertThat(MeasureRows.read(List.of(with("belopAr3", 250_000, "egenfinansiering", 525_000)), DEKOM, HVL::equals)).singleElement()
                .satisfies(m -> assertThat(m.amountPerYear()).containsExactly(Money.ofKroner(1_000_000),
                        Money.ofKroner(500_000), Money.ofKroner(250_000)));
        assertThat(problems(DEKOM, with("belopAr2", 0, "belopAr3", 250_000))).containsExactly("tiltak[1].belopAr3 [R14]");
        assertThat(problems(DEKOM, with("belopAr1", 0))).containsExactly("tiltak[1].belopAr1 [R14]");
        assertThat(problems(TWO_YEARS, with("malgrupper", List.of("BARNEHAGEANSATTE"), "belopAr3", 1)))
                .containsExactly("tiltak[1].belopAr3 [R14]");
    }

    @Test
    void planned_co_financing_is_at_least_the_rate_of_all_years_to_the_ore_and_salary_is_part_of_it_r1() {
        // 30 % of 1 500 000 kr is 450 000 kr exactly; one krone less is refused
        assertThat(problems(DEKOM, with("egenfinansiering", 450_000))).isEmpty();
        assertThat(problems(DEKOM, with("egenfinansiering", 449_999))).containsExactly("tiltak[1].egenfinansiering [R1]");
        assertThat(problems(DEKOM, with("lonnFrikjop", 450_001))).containsExactly("tiltak[1].lonnFrikjop [R1]");
        assertThat(problems(TWO_YEARS, with("malgrupper", List.of("PPT"), "egenfinansiering", 0, "lonnFrikjop", 0)))
                .isEmpty();
    }

    @Test
    void the_coordinator_share_is_capped_by_the_scheme_r4_and_goals_and_target_groups_are_the_schemes_r12() {
        assertThat(problems(DEKOM, with("koordinator", 150_000))).isEmpty();
        assertThat(problems(DEKOM, with("koordinator", 150_001))).containsExactly("tiltak[1].koordinator [R4]");
        assertThat(problems(DEKOM, with("mal", List.of()))).containsExactly("tiltak[1].mal [R12]");
        assertThat(problems(DEKOM, with("mal", List.of("PROFITT")))).containsExactly("tiltak[1].mal [VALG]",
                "tiltak[1].mal [R12]");
        assertThat(problems(DEKOM, with("malgrupper", List.of("INSTRUKTORER")))).containsExactly(
                "tiltak[1].malgrupper [ORDNING]");
        assertThat(problems(DEKOM, with("uhPartner", "923609016"))).containsExactly("tiltak[1].uhPartner [R10]");
    }

    @Test
    void an_application_has_one_to_twenty_measures_and_every_broken_measure_is_named() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> MeasureRows.read(List.of(), DEKOM, HVL::equals)))
                .hasMessageContaining("tiltak [R14]");
        List<Map<String, Object>> many = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(with());
        }
        assertThat(catchThrowableOfType(ValidationException.class, () -> MeasureRows.read(many, DEKOM, HVL::equals)))
                .hasMessageContaining("tiltak [LENGDE]");
        ValidationException two = catchThrowableOfType(ValidationException.class, () -> MeasureRows.read(
                List.of(with(), with("tittel", " ", "deltakere", "0"), with("belopAr1", -5)), DEKOM, HVL::equals));
        assertThat(two.violations()).extracting(v -> v.field() + " [" + v.ruleId() + "]").containsExactly(
                "tiltak[2].tittel [PÅKREVD]", "tiltak[2].deltakere [PÅKREVD]", "tiltak[3].belopAr1 [BELØP]");
        assertThat(two.violations().get(0).message()).isEqualTo("Tiltak 2: skriv hva tiltaket heter.");
    }
}
