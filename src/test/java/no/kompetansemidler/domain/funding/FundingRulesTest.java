package no.kompetansemidler.domain.funding;

import no.kompetansemidler.domain.funding.Outcome.Rejected;
import no.kompetansemidler.domain.application.Goal;
import no.kompetansemidler.domain.application.TargetGroup;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.money.Percentage;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Scheme;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FundingRulesTest {

    static final SchemeRules DEKOM = new SchemeRules(Scheme.DEKOM, Percentage.ofPercent(30), Percentage.ofPercent(30),
            3, UnusedMoneyPolicy.REPAYMENT_CLAIM, Percentage.ofPercent(10), Set.of(Goal.values()),
            Set.of(TargetGroup.values()), Set.of(RecipientKind.OWNER, RecipientKind.UH));
    static final SchemeRules REKOM = new SchemeRules(Scheme.REKOM, Percentage.ZERO, Percentage.ofPercent(30),
            3, UnusedMoneyPolicy.CARRY_OVER, Percentage.ofPercent(10), Set.of(Goal.values()),
            Set.of(TargetGroup.values()), Set.of(RecipientKind.OWNER, RecipientKind.UH));
    /** A scheme whose money goes to the owners only (recipients: [OWNER]). */
    static final SchemeRules OWNERS_ONLY = new SchemeRules(new Scheme("EIERE"), Percentage.ZERO, Percentage.ofPercent(30),
            3, UnusedMoneyPolicy.CARRY_OVER, Percentage.ofPercent(10), Set.of(Goal.values()),
            Set.of(TargetGroup.values()), Set.of(RecipientKind.OWNER));
    static final Measure MEASURE = new Measure("Lesing i alle fag", MeasureKind.ETTERUTDANNING, 2026, 2027);

    static Grant owner(long amountOre, long cashOre, long salaryOre) {
        return new Grant("964338531", "Bergen kommune", RecipientKind.OWNER, true, Money.ofOre(amountOre),
                Money.ofOre(cashOre), Money.ofOre(salaryOre), Money.ZERO, MEASURE);
    }

    static Grant uh(long amountOre, long thirdPartyOre) {
        return new Grant("917641404", "Høgskulen på Vestlandet", RecipientKind.UH, false, Money.ofOre(amountOre),
                Money.ZERO, Money.ZERO, Money.ofOre(thirdPartyOre), MEASURE);
    }

    static Grant of(RecipientKind kind, boolean takesPart) {
        return new Grant("999999999", "Mottaker AS", kind, takesPart, Money.ofKroner(1000), Money.ofKroner(300),
                Money.ZERO, Money.ZERO, MEASURE);
    }

    static String verdict(Outcome outcome) {
        return outcome instanceof Rejected r ? r.rule().name() : "OK";
    }

    @Nested
    class R1_CoFinancing {

        @ParameterizedTest(name = "[{index}] {4}")
        @CsvSource(delimiter = '|', value = {
                "100000000|30000000|0|OK|an owner contributing exactly 30 % is approved",
                "100000000|29999999|0|R1|an owner one øre short of 30 % is rejected",
                "100000000|0|30000000|OK|salary and release time count fully",
                "100000000|10000000|20000000|OK|cash and salary together reach 30 %",
                "100000000|10000000|19999999|R1|cash and salary one øre short are rejected",
                "100000000|0|0|R1|an owner without co-financing is rejected",
                "1|1|0|OK|one øre of state money needs one øre (30 % of 1 øre rounds up)",
                "1|0|0|R1|nothing against one øre is rejected",
                "333|100|0|OK|100 øre is at least 30 % of 333 øre (99,9)",
                "333|99|0|R1|99 øre is under 30 % of 333 øre",
                "100000000|-1|30000001|R1|a negative contribution is rejected"})
        void a_dekom_owner_co_finances_at_least_30_percent(long amount, long cash, long salary, String expected,
                                                           String sentence) {
            assertThat(verdict(FundingRules.coFinancing(owner(amount, cash, salary), DEKOM))).isEqualTo(expected);
        }

        @Test
        void the_breach_names_the_owner_the_amounts_and_what_is_missing() {
            Outcome outcome = FundingRules.coFinancing(owner(100_000_000, 20_000_000, 9_999_999), DEKOM);
            assertThat(outcome).isEqualTo(new Rejected(RuleId.R1, "964338531",
                    "Bergen kommune (964338531) bidrar med 299 999,99 kr i egenfinansiering (herav 99 999,99 kr som"
                            + " lønn/frikjøp), men må bidra med minst 300 000,00 kr (30 % av 1 000 000,00 kr i"
                            + " statlige midler). Det mangler 0,01 kr."));
        }

        @Test
        void a_scheme_without_a_co_financing_rate_and_a_uh_recipient_need_none() {
            assertThat(FundingRules.coFinancing(owner(100_000_000, 0, 0), REKOM)).isEqualTo(Outcome.APPROVED);
            assertThat(FundingRules.coFinancing(uh(100_000_000, 0), DEKOM)).isEqualTo(Outcome.APPROVED);
        }
    }

    @Nested
    class R2_Recipients {

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource({"OWNER, OK", "UH, OK", "COMMERCIAL, R2", "THIRD_PARTY, R2", "PROVIDER, R2"})
        void only_owners_and_norwegian_uh_receive_state_money(RecipientKind kind, String expected) {
            assertThat(verdict(FundingRules.recipientMayReceiveStateMoney(of(kind, true), DEKOM))).isEqualTo(expected);
        }

        @Test
        void a_commercial_actor_is_named_with_the_amount() {
            assertThat(((Rejected) FundingRules.recipientMayReceiveStateMoney(of(RecipientKind.COMMERCIAL, false), DEKOM))
                    .reason()).startsWith("Mottaker AS (999999999) er en kommersiell aktør og kan ikke motta statlige"
                    + " midler (1 000,00 kr foreslått).");
        }

        @Test
        void a_provider_is_paid_only_in_a_scheme_that_names_its_providers() {
            SchemeRules vocational = new SchemeRules(Scheme.YRKESFAG, Percentage.ZERO, Percentage.ofPercent(30), 3,
                    UnusedMoneyPolicy.REPAYMENT_CLAIM, Percentage.ofPercent(10), Set.of(Goal.values()),
                    Set.of(TargetGroup.values()), Set.of(RecipientKind.OWNER, RecipientKind.UH, RecipientKind.PROVIDER));
            assertThat(FundingRules.recipientMayReceiveStateMoney(of(RecipientKind.PROVIDER, false), vocational))
                    .isEqualTo(Outcome.APPROVED);
            assertThat(((Rejected) FundingRules.recipientMayReceiveStateMoney(of(RecipientKind.PROVIDER, false), DEKOM))
                    .reason()).isEqualTo("Mottaker AS (999999999) er en tilbyder, men i DEKOM kan bare eier og"
                    + " UH-institusjon motta midler (1 000,00 kr foreslått).");
            // a provider contributes no co-financing (R1) and is not asked whether it takes part (R5)
            assertThat(FundingRules.coFinancing(of(RecipientKind.PROVIDER, false), DEKOM)).isEqualTo(Outcome.APPROVED);
            assertThat(FundingRules.ownerTakesPart(of(RecipientKind.PROVIDER, false), Scheme.YRKESFAG, null))
                    .isEqualTo(Outcome.APPROVED);
        }

        @Test
        void a_provider_paid_only_where_uh_cannot_deliver_needs_a_measure_uh_declined() {
            SchemeRules loftet = new SchemeRules(Scheme.KOMPETANSELOFTET, Percentage.ZERO, Percentage.ofPercent(30), 3,
                    UnusedMoneyPolicy.REPAYMENT_CLAIM, Percentage.ofPercent(10), Set.of(Goal.values()),
                    Set.of(TargetGroup.values()), Set.of(RecipientKind.OWNER, RecipientKind.UH, RecipientKind.PROVIDER),
                    true, true);
            Grant declined = new Grant("999999999", "Statped", RecipientKind.PROVIDER, false, Money.ofKroner(1000),
                    Money.ZERO, Money.ZERO, Money.ZERO, MEASURE, null, true);
            assertThat(FundingRules.recipientMayReceiveStateMoney(declined, loftet)).isEqualTo(Outcome.APPROVED);
            Rejected refused = (Rejected) FundingRules.recipientMayReceiveStateMoney(new Grant("999999999", "Statped",
                    RecipientKind.PROVIDER, false, Money.ofKroner(1000), Money.ZERO, Money.ZERO, Money.ZERO, MEASURE,
                    null, false), loftet);
            assertThat(refused.rule()).isEqualTo(RuleId.R2);
            assertThat(refused.reason()).isEqualTo("Statped (999999999) er en tilbyder som i KOMPETANSELOFTET bare kan få"
                    + " midler til et tiltak UH ikke kan levere, men ingen UH har avslått eller latt være å bekrefte"
                    + " tiltaket «" + MEASURE.title() + "» i behovsmeldingene (1 000,00 kr foreslått). Skriv tiltaket"
                    + " slik eieren kalte det i behovsmeldingen, eller gi midlene til UH.");
            // the condition is the providers': an owner and UH are paid as before
            assertThat(FundingRules.recipientMayReceiveStateMoney(of(RecipientKind.OWNER, true), loftet))
                    .isEqualTo(Outcome.APPROVED);
            assertThat(FundingRules.recipientMayReceiveStateMoney(of(RecipientKind.UH, false), loftet))
                    .isEqualTo(Outcome.APPROVED);
        }

        @Test
        void a_scheme_may_pay_its_owners_only() {
            assertThat(verdict(FundingRules.recipientMayReceiveStateMoney(of(RecipientKind.OWNER, true), OWNERS_ONLY)))
                    .isEqualTo("OK");
            assertThat(((Rejected) FundingRules.recipientMayReceiveStateMoney(uh(100_000_000, 0), OWNERS_ONLY))
                    .reason()).isEqualTo("Høgskulen på Vestlandet (917641404) er en UH-institusjon, men i EIERE kan"
                    + " bare eier motta midler (1 000 000,00 kr foreslått).");
        }
    }

    @Nested
    class R3_ThirdPartyThroughUh {

        @ParameterizedTest(name = "[{index}] {3}")
        @CsvSource(delimiter = '|', value = {
                "100000000|30000000|OK|a third party exactly at the 30 % cap is approved",
                "100000000|30000001|R3|a third party one øre over the cap is rejected",
                "100000000|0|OK|a UH allocation without a third party is approved",
                "100000000|100000000|R3|a third party carrying everything is rejected",
                "100000000|-1|R3|a negative third-party share is rejected"})
        void a_third_party_carries_at_most_the_cap_of_a_uh_allocation(long amount, long thirdParty, String expected,
                                                                      String sentence) {
            assertThat(verdict(FundingRules.thirdPartyOnlyThroughUhWithinCap(uh(amount, thirdParty), DEKOM)))
                    .isEqualTo(expected);
        }

        @Test
        void an_owner_cannot_pass_state_money_to_a_third_party() {
            Grant grant = new Grant("964338531", "Bergen kommune", RecipientKind.OWNER, true, Money.ofKroner(100),
                    Money.ofKroner(30), Money.ZERO, Money.ofKroner(1), MEASURE);
            assertThat(((Rejected) FundingRules.thirdPartyOnlyThroughUhWithinCap(grant, DEKOM)).reason())
                    .contains("bare en UH-institusjon kan engasjere en tredjepart");
        }

        @Test
        void the_breach_names_the_cap_in_kroner() {
            assertThat(((Rejected) FundingRules.thirdPartyOnlyThroughUhWithinCap(uh(100_000_000, 30_000_001), DEKOM))
                    .reason()).isEqualTo("Tredjeparten får 300 000,01 kr av 1 000 000,00 kr til Høgskulen på Vestlandet"
                    + " (917641404), over taket på 30 % (høyst 300 000,00 kr). UH må selv bygge kompetanse i tiltaket.");
        }
    }

    @Nested
    class R4_ContinuingEducationOnly {

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource({"ETTERUTDANNING, OK", "VIDEREUTDANNING, R4"})
        void a_measure_marked_as_further_education_is_rejected(MeasureKind kind, String expected) {
            Grant grant = new Grant("964338531", "Bergen kommune", RecipientKind.OWNER, true, Money.ofKroner(100),
                    Money.ofKroner(30), Money.ZERO, Money.ZERO, new Measure("Master i spesialpedagogikk", kind, 2026, 2026));
            assertThat(verdict(FundingRules.continuingEducationOnly(grant))).isEqualTo(expected);
        }
    }

    @Nested
    class R5_OptOut {

        @ParameterizedTest(name = "[{index}] {0}, takes part {1} -> {2}")
        @CsvSource({"OWNER, true, OK", "OWNER, false, R5", "UH, false, OK"})
        void an_owner_that_does_not_take_part_gets_nothing(RecipientKind kind, boolean takesPart, String expected) {
            assertThat(verdict(FundingRules.ownerTakesPart(of(kind, takesPart), Scheme.DEKOM, null))).isEqualTo(expected);
        }

        @ParameterizedTest(name = "[{index}] {4}")
        @CsvSource(delimiter = '|', value = {
                "OWNER|VESTLAND|VESTLAND|OK|an owner of the cycle's embete gets money",
                "OWNER|OSTFOLD_BUSKERUD_OSLO_OG_AKERSHUS|VESTLAND|R5|Oslo kommune in a Vestland distribution is rejected",
                "OWNER|ROGALAND|VESTLAND|R5|an owner of a neighbouring embete is rejected",
                "UH|OSTFOLD_BUSKERUD_OSLO_OG_AKERSHUS|VESTLAND|OK|a UH institution anywhere may receive money (R2)",
                "OWNER||VESTLAND|OK|an owner whose embete is not known is judged by taking part alone"})
        void an_owner_gets_money_only_in_a_cycle_of_its_own_embete(RecipientKind kind, Embete ownerEmbete,
                                                                   Embete cycleEmbete, String expected, String sentence) {
            Grant grant = new Grant("958935420", "Oslo kommune", kind, true, Money.ofKroner(1000), Money.ofKroner(300),
                    Money.ZERO, Money.ZERO, MEASURE, ownerEmbete);
            assertThat(verdict(FundingRules.ownerTakesPart(grant, Scheme.DEKOM, cycleEmbete))).as(sentence)
                    .isEqualTo(expected);
        }

        @Test
        void the_breach_says_which_embete_the_owner_belongs_to() {
            Grant oslo = new Grant("958935420", "Oslo kommune", RecipientKind.OWNER, true, Money.ofKroner(1000),
                    Money.ofKroner(300), Money.ZERO, Money.ZERO, MEASURE, Embete.OSTFOLD_BUSKERUD_OSLO_OG_AKERSHUS);
            assertThat(((Rejected) FundingRules.ownerTakesPart(oslo, Scheme.DEKOM, Embete.VESTLAND)).reason())
                    .isEqualTo("Oslo kommune (958935420) hører til Statsforvalteren i Østfold, Buskerud, Oslo og Akershus,"
                            + " ikke Statsforvalteren i Vestland, og kan ikke få midler fra DEKOM her (1 000,00 kr foreslått).");
        }
    }

    @Nested
    class R6_Frame {

        @ParameterizedTest(name = "[{index}] {3}")
        @CsvSource(delimiter = '|', value = {
                "100000000|60000000,40000000|OK|a sum exactly at the frame is approved",
                "100000000|60000000,40000001|R6|a sum one øre over the frame is rejected",
                "100000000|60000000|OK|a sum under the frame is approved",
                "100000000|60000000,0|R6|a grant of 0 kr is rejected",
                "100000000|60000000,-5|R6|a negative grant is rejected"})
        void the_sum_never_exceeds_the_frame_to_the_ore(long frame, String amounts, String expected, String sentence) {
            List<Grant> grants = java.util.Arrays.stream(amounts.split(","))
                    .map(a -> owner(Long.parseLong(a), Math.max(0, Long.parseLong(a)), 0)).toList();
            assertThat(verdict(FundingRules.withinFrame(new Proposal(Scheme.DEKOM, 2026, Money.ofOre(frame), grants))))
                    .isEqualTo(expected);
        }

        @Test
        void the_breach_names_the_sum_the_excess_and_the_frame() {
            Proposal proposal = new Proposal(Scheme.DEKOM, 2026, Money.ofKroner(1_000_000),
                    List.of(owner(100_000_001, 30_000_001, 0)));
            assertThat(((Rejected) FundingRules.withinFrame(proposal)).reason()).isEqualTo(
                    "Summen av fordelingen er 1 000 000,01 kr, 0,01 kr over rammen på 1 000 000,00 kr for DEKOM 2026.");
        }
    }

    @Nested
    class R14_MultiYear {

        @ParameterizedTest(name = "[{index}] {3}")
        @CsvSource(delimiter = '|', value = {
                "2026|2028|2026|a three-year measure decided for its first year is approved",
                "2026|2028|2028|a three-year measure decided for its last year is approved",
                "2026|2029|2026|a four-year measure is rejected",
                "2027|2028|2026|money for a year before the measure starts is rejected",
                "2024|2025|2026|money for a year after the measure ends is rejected",
                "2027|2026|2026|a measure that ends before it starts is rejected"})
        void a_measure_spans_at_most_three_years_and_money_is_decided_per_year(int first, int last, int year,
                                                                             String sentence) {
            Grant grant = new Grant("964338531", "Bergen kommune", RecipientKind.OWNER, true, Money.ofKroner(100),
                    Money.ofKroner(30), Money.ZERO, Money.ZERO, new Measure("Tiltak", MeasureKind.ETTERUTDANNING, first, last));
            boolean approved = sentence.contains("approved");
            assertThat(verdict(FundingRules.measureDecidedPerYear(grant, year, DEKOM))).isEqualTo(approved ? "OK" : "R14");
        }
    }

    @Nested
    class R15_UnusedMoney {

        @ParameterizedTest(name = "[{index}] {5}")
        @CsvSource(delimiter = '|', nullValues = "NULL", value = {
                "1000000|1000000|NULL|NONE|0|all money used: nothing to settle",
                "1000000|999999|NULL|REPAYMENT_CLAIM|1|one øre unused is claimed back by default",
                "1000000|0|NULL|REPAYMENT_CLAIM|1000000|nothing used: everything is claimed back",
                "1000000|400000|true|CARRY_OVER|600000|the Statsforvalter decides a carry-over",
                "1000000|400000|false|REPAYMENT_CLAIM|600000|the Statsforvalter decides a claim"})
        void unused_money_becomes_a_repayment_claim_or_a_carry_over(long granted, long used, Boolean carryOver,
                                                                    Settlement.Kind kind, long amount, String sentence) {
            assertThat(FundingRules.settleUnusedMoney(Money.ofOre(granted), Money.ofOre(used), DEKOM, carryOver))
                    .isEqualTo(new Settlement(kind, Money.ofOre(amount)));
        }

        @Test
        void a_scheme_whose_policy_is_carry_over_carries_over_unless_decided_otherwise() {
            assertThat(FundingRules.settleUnusedMoney(Money.ofOre(10), Money.ofOre(4), REKOM, null))
                    .isEqualTo(new Settlement(Settlement.Kind.CARRY_OVER, Money.ofOre(6)));
        }

        @ParameterizedTest(name = "[{index}] used {1} of {0} -> {2}")
        @CsvSource({"1000, 1000, OK", "1000, 1001, R15", "1000, -1, R15", "0, 0, OK"})
        void more_used_than_granted_or_a_negative_report_is_a_breach(long granted, long used, String expected) {
            assertThat(verdict(FundingRules.unusedMoneyReported("Bergen kommune", Money.ofOre(granted),
                    Money.ofOre(used)))).isEqualTo(expected);
            if (!expected.equals("OK")) {
                assertThatThrownBy(() -> FundingRules.settleUnusedMoney(Money.ofOre(granted), Money.ofOre(used),
                        DEKOM, null)).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Nested
    class AllRules {

        @Test
        void a_clean_proposal_has_no_breach() {
            Proposal proposal = new Proposal(Scheme.DEKOM, 2026, Money.ofKroner(1_000_000),
                    List.of(owner(60_000_000, 18_000_000, 0), uh(40_000_000, 12_000_000)));
            assertThat(FundingRules.evaluate(proposal, DEKOM)).isEmpty();
        }

        @Test
        void every_breach_is_returned_not_only_the_first() {
            Grant shortOwner = owner(60_000_000, 1, 0);
            Grant commercial = new Grant("999999999", "Kurs og Konsulent AS", RecipientKind.COMMERCIAL, false,
                    Money.ofKroner(100_000), Money.ZERO, Money.ZERO, Money.ZERO, MEASURE);
            Grant furtherEducation = new Grant("821311632", "Vestland fylkeskommune", RecipientKind.OWNER, false,
                    Money.ofKroner(100_000), Money.ofKroner(30_000), Money.ZERO, Money.ZERO,
                    new Measure("Videreutdanning i matematikk", MeasureKind.VIDEREUTDANNING, 2026, 2029));
            Grant greedyUh = uh(40_000_000, 20_000_000);
            Proposal proposal = new Proposal(Scheme.DEKOM, 2026, Money.ofKroner(1_000_000),
                    List.of(shortOwner, commercial, furtherEducation, greedyUh));

            List<Rejected> breaches = FundingRules.evaluate(proposal, DEKOM);

            assertThat(breaches).extracting(Rejected::rule).containsExactly(
                    RuleId.R1, RuleId.R2, RuleId.R5, RuleId.R4, RuleId.R14, RuleId.R3, RuleId.R6);
            assertThat(breaches).extracting(Rejected::recipient).containsExactly(
                    "964338531", "999999999", "821311632", "821311632", "821311632", "917641404", null);
        }

        @Test
        void the_rules_of_one_scheme_do_not_check_another() {
            Proposal proposal = new Proposal(Scheme.REKOM, 2026, Money.ofKroner(1), List.of());
            assertThatThrownBy(() -> FundingRules.evaluate(proposal, DEKOM)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
