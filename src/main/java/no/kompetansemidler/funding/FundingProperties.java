package no.kompetansemidler.funding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import no.kompetansemidler.domain.funding.SchemeCalendar;
import no.kompetansemidler.domain.funding.SchemeRules;
import no.kompetansemidler.domain.funding.UnusedMoneyPolicy;
import no.kompetansemidler.domain.money.Percentage;
import no.kompetansemidler.domain.organisation.Scheme;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.Map;

/**
 * The parameters of each scheme (kompetansemidler.schemes.*, see application.yml and docs/regler.md), validated
 * at start: a nonsensical value stops the start with a message naming the property.
 */
@Validated
@ConfigurationProperties("kompetansemidler")
public record FundingProperties(@NotNull(message = "må angi parametrene for hver ordning") @Valid
                                Map<Scheme, SchemeProperties> schemes) {

    @AssertTrue(message = "må angi parametrene for alle ordningene DEKOM, REKOM, KOMPETANSELOFTET og YRKESFAG")
    public boolean isEverySchemeConfigured() {
        return schemes != null && schemes.keySet().containsAll(EnumSet.allOf(Scheme.class));
    }

    /**
     * @param coFinancingRatePercent R1: the owner's least co-financing, percent of the state money (0–100)
     * @param thirdPartyCapPercent   R3: the most a third party may carry of a UH allocation, percent (0–100)
     * @param maxMeasureYears        R14: the longest a measure may run, in years (1–3)
     * @param unusedMoney            R15: what happens by default to unused money
     * @param coordinatorCapPercent  R4: the most of a measure's money that may fund a coordinator role, percent
     * @param calendar               the dates of the yearly cycle
     */
    public record SchemeProperties(
            @NotNull(message = "må angis (prosent, 0–100)")
            @DecimalMin(value = "0", message = "kan ikke være under 0 %")
            @DecimalMax(value = "100", message = "kan ikke være over 100 %")
            @Digits(integer = 3, fraction = 2, message = "kan ha høyst to desimaler")
            BigDecimal coFinancingRatePercent,
            @NotNull(message = "må angis (prosent, 0–100)")
            @DecimalMin(value = "0", message = "kan ikke være under 0 %")
            @DecimalMax(value = "100", message = "kan ikke være over 100 %")
            @Digits(integer = 3, fraction = 2, message = "kan ha høyst to desimaler")
            BigDecimal thirdPartyCapPercent,
            @Min(value = 1, message = "må være minst 1 år") @Max(value = 3, message = "kan være høyst 3 år (R14)")
            int maxMeasureYears,
            @NotNull(message = "må være REPAYMENT_CLAIM (tilbakebetaling) eller CARRY_OVER (overføring)")
            UnusedMoneyPolicy unusedMoney,
            @NotNull(message = "må angis (prosent, 0–100)")
            @DecimalMin(value = "0", message = "kan ikke være under 0 %")
            @DecimalMax(value = "100", message = "kan ikke være over 100 %")
            @Digits(integer = 3, fraction = 2, message = "kan ha høyst to desimaler")
            BigDecimal coordinatorCapPercent,
            @NotNull(message = "må angis") @Valid
            CalendarProperties calendar) {

        SchemeRules toRules(Scheme scheme) {
            return new SchemeRules(scheme, Percentage.ofPercent(coFinancingRatePercent),
                    Percentage.ofPercent(thirdPartyCapPercent), maxMeasureYears, unusedMoney,
                    Percentage.ofPercent(coordinatorCapPercent));
        }
    }

    /**
     * Dates as month and day ("--MM-DD" or "MM-DD"). For the money of year Y: need mapping opens in Y-1, the need
     * report, the innstilling and the decisions are due in Y, the report in Y+1.
     */
    public record CalendarProperties(
            @NotNull(message = "må angis (MM-DD)") MonthDay needMappingOpens,
            @NotNull(message = "må angis (MM-DD)") MonthDay needReportDeadline,
            @Min(value = 1, message = "må være minst 1 dag") @Max(value = 90, message = "kan være høyst 90 dager")
            int reminderDaysBeforeDeadline,
            @NotNull(message = "må angis (MM-DD)") MonthDay recommendationDeadline,
            @NotNull(message = "må angis (MM-DD)") MonthDay decisionDeadline,
            @NotNull(message = "må angis (MM-DD)") MonthDay selfEvaluationOpens,
            @NotNull(message = "må angis (MM-DD)") MonthDay reportDeadline) {

        @AssertTrue(message = "fristene må komme i årshjulets rekkefølge: behovsmelding, innstilling, vedtak, egenvurdering")
        public boolean isInCycleOrder() {
            return toCalendar() == null || toCalendar().isInCycleOrder();
        }

        SchemeCalendar toCalendar() {
            if (needReportDeadline == null || recommendationDeadline == null || decisionDeadline == null
                    || selfEvaluationOpens == null) {
                return null;
            }
            return new SchemeCalendar(needMappingOpens, needReportDeadline, reminderDaysBeforeDeadline,
                    recommendationDeadline, decisionDeadline, selfEvaluationOpens, reportDeadline);
        }
    }
}
