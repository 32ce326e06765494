package no.kompetansemidler.funding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import no.kompetansemidler.domain.application.Goal;
import no.kompetansemidler.domain.application.TargetGroup;
import no.kompetansemidler.domain.funding.CycleRunner;
import no.kompetansemidler.domain.funding.RecipientKind;
import no.kompetansemidler.domain.funding.SchemeCalendar;
import no.kompetansemidler.domain.funding.SchemeDefinition;
import no.kompetansemidler.domain.funding.SchemeRules;
import no.kompetansemidler.domain.funding.UnusedMoneyPolicy;
import no.kompetansemidler.domain.money.Percentage;
import no.kompetansemidler.domain.organisation.OwnerKind;
import no.kompetansemidler.domain.organisation.Scheme;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;

/**
 * One scheme's configuration file ({@code ordninger/<ordning>.yml}, docs/regler.md «Ordningene som
 * konfigurasjon»), as read and checked at start: a key that is missing, unknown or nonsensical stops the start
 * with a Norwegian message naming the file and the key ({@link SchemeCatalogue}).
 *
 * @param code                   the scheme's code, as cycles and decisions store it (DEKOM)
 * @param name                   its name, as letters and pages show it
 * @param participants           the kinds of owner taking part (R2, R5)
 * @param goals                  the goals a measure may serve (R12 and the scheme's own)
 * @param involvement            R10: who took part in mapping the needs, as a phrase («skoleledere og lærere»)
 * @param targetGroups           whom a measure may reach
 * @param recipients             the kinds of recipient that may receive its money (R2): OWNER always, UH, PROVIDER
 * @param forumMembers           the collaboration forum's member categories, as the forum's papers name them
 * @param coFinancingRatePercent R1: the owner's least co-financing, percent of the state money (0–100)
 * @param thirdPartyCapPercent   R3: the most a third party may carry of a UH allocation, percent (0–100)
 * @param maxMeasureYears        R14: the longest a measure may run, in years (1–3)
 * @param unusedMoney            R15: what happens by default to unused money
 * @param coordinatorCapPercent  R4: the most of a measure's money that may fund a coordinator role, percent
 * @param calendar               the dates of the yearly cycle
 * @param runBy                  who runs the cycles: the Statsforvalter (default) or the fylkeskommune
 * @param measureUnitsRequired   whether each measure names the kindergartens, schools and PPT taking part
 * @param selectedByUdir         whether only the kommuner Udir selects take part (Oppfølgingsordningen): an owner of
 *                               a participating kind takes part while its follow-up case is in the delivery phase
 * @param providers              the kinds of registered organisation the scheme may pay as providers (PROVIDER in
 *                               recipients): fagskoler, companies and trade associations in YRKESFAG, Statped
 * @param providersOnlyWhereUhCannot whether the providers are paid only for a measure UH declined or did not
 *                               confirm (Statped in Kompetanseløftet); only with providers
 */
public record SchemeFile(
        @NotNull(message = "må angis (store bokstaver, sifre og _, f.eks. DEKOM)")
        @Pattern(regexp = Scheme.CODE_FORM, message = "må være store bokstaver, sifre og _ (2–30 tegn), f.eks. DEKOM")
        String code,
        @NotBlank(message = "må angis (ordningens navn slik brev og sider viser det)")
        String name,
        @NotEmpty(message = "må nevne minst én eiertype (KOMMUNE, FYLKESKOMMUNE, KOMMUNE_MED_FYLKESROLLE,"
                + " PRIVAT_SKOLEEIER, PRIVAT_BARNEHAGEEIER, VIDEREGAENDE_SKOLE, OPPLAERINGSKONTOR, LAEREBEDRIFT, PROVENEMND)")
        Set<OwnerKind> participants,
        @NotEmpty(message = "må nevne minst ett mål (R12)")
        Set<Goal> goals,
        @NotBlank(message = "må angis (hvem som har medvirket i kartleggingen, f.eks. «skoleledere og lærere», R10)")
        String involvement,
        @NotEmpty(message = "må nevne minst én målgruppe")
        Set<TargetGroup> targetGroups,
        @NotEmpty(message = "må nevne hvem som kan motta midler (OWNER, og UH)")
        Set<RecipientKind> recipients,
        @NotEmpty(message = "må nevne hvem som sitter i samarbeidsforumet")
        List<@NotBlank(message = "kan ikke være tom") String> forumMembers,
        @Percent
        BigDecimal coFinancingRatePercent,
        @Percent
        BigDecimal thirdPartyCapPercent,
        @NotNull(message = "må angis (1–3 år)")
        @Min(value = 1, message = "må være minst 1 år") @Max(value = 3, message = "kan være høyst 3 år (R14)")
        Integer maxMeasureYears,
        @NotNull(message = "må være REPAYMENT_CLAIM (tilbakebetaling) eller CARRY_OVER (overføring)")
        UnusedMoneyPolicy unusedMoney,
        @Percent
        BigDecimal coordinatorCapPercent,
        @NotNull(message = "må angis") @Valid
        Calendar calendar,
        CycleRunner runBy,
        Boolean measureUnitsRequired,
        Boolean selectedByUdir,
        Set<OwnerKind> providers,
        Boolean providersOnlyWhereUhCannot) {

    /** The kinds that may be a scheme's providers: those registered as providers, and the county itself. */
    static final Set<OwnerKind> PROVIDER_KINDS = java.util.EnumSet.of(OwnerKind.FAGSKOLE, OwnerKind.BEDRIFT,
            OwnerKind.BRANSJEORGANISASJON, OwnerKind.STATPED, OwnerKind.FYLKESKOMMUNE, OwnerKind.KOMMUNE_MED_FYLKESROLLE);

    @AssertTrue(message = "kan bare være FAGSKOLE, BEDRIFT, BRANSJEORGANISASJON, STATPED, FYLKESKOMMUNE og"
            + " KOMMUNE_MED_FYLKESROLLE (R2)")
    public boolean isProviderKinds() {
        return providers == null || PROVIDER_KINDS.containsAll(providers);
    }

    @AssertTrue(message = "kan ikke også stå i participants: en tilbyder søker ikke, den får betalt for det den leverer")
    public boolean isProvidersNotParticipants() {
        return providers == null || participants == null || java.util.Collections.disjoint(providers, participants);
    }

    @AssertTrue(message = "må nevne minst én tilbyder når recipients har PROVIDER, og kan bare angis da (R2)")
    public boolean isProvidersWithRecipients() {
        boolean named = providers != null && !providers.isEmpty();
        return recipients == null || named == recipients.contains(RecipientKind.PROVIDER);
    }

    @AssertTrue(message = "kan bare angis når ordningen har tilbydere (providers), R2")
    public boolean isOnlyWhereUhCannotWithProviders() {
        return !Boolean.TRUE.equals(providersOnlyWhereUhCannot) || providers != null && !providers.isEmpty();
    }

    @AssertTrue(message = "må inneholde OWNER: eiere som deltar i ordningen, mottar midlene (R2)")
    public boolean isRecipientsWithOwners() {
        return recipients == null || recipients.contains(RecipientKind.OWNER);
    }

    @AssertTrue(message = "kan bare være OWNER, UH og PROVIDER (tilbyderne i providers): en annen tredjepart eller"
            + " en kommersiell aktør får betalt gjennom UH (R2, R3)")
    public boolean isRecipientsOwnersAndUh() {
        return recipients == null || Set.of(RecipientKind.OWNER, RecipientKind.UH, RecipientKind.PROVIDER)
                .containsAll(recipients);
    }

    SchemeDefinition toDefinition() {
        Scheme scheme = new Scheme(code);
        return new SchemeDefinition(scheme, name.trim(), participants, involvement.trim(), forumMembers,
                new SchemeRules(scheme, Percentage.ofPercent(coFinancingRatePercent),
                        Percentage.ofPercent(thirdPartyCapPercent), maxMeasureYears, unusedMoney,
                        Percentage.ofPercent(coordinatorCapPercent), goals, targetGroups, recipients,
                        Boolean.TRUE.equals(measureUnitsRequired), Boolean.TRUE.equals(providersOnlyWhereUhCannot)),
                calendar.toCalendar(), runBy == null ? CycleRunner.STATSFORVALTER : runBy,
                Boolean.TRUE.equals(selectedByUdir), providers == null ? Set.of() : providers);
    }

    /**
     * Dates as month and day ("MM-DD" or "--MM-DD"). For the money of year Y: need mapping opens in Y-1, the need
     * report, the innstilling and the decisions are due in Y, the report in Y+1.
     */
    public record Calendar(
            @NotNull(message = "må angis (MM-DD)") MonthDay needMappingOpens,
            @NotNull(message = "må angis (MM-DD)") MonthDay needReportDeadline,
            @NotNull(message = "må angis (1–90 dager)")
            @Min(value = 1, message = "må være minst 1 dag") @Max(value = 90, message = "kan være høyst 90 dager")
            Integer reminderDaysBeforeDeadline,
            @NotNull(message = "må angis (MM-DD)") MonthDay recommendationDeadline,
            @NotNull(message = "må angis (MM-DD)") MonthDay decisionDeadline,
            @NotNull(message = "må angis (MM-DD)") MonthDay selfEvaluationOpens,
            @NotNull(message = "må angis (MM-DD)") MonthDay reportDeadline) {

        @AssertTrue(message = "fristene må komme i årshjulets rekkefølge: behovsmelding, innstilling, vedtak,"
                + " egenvurdering")
        public boolean isInCycleOrder() {
            return toCalendar() == null || toCalendar().isInCycleOrder();
        }

        SchemeCalendar toCalendar() {
            if (needReportDeadline == null || recommendationDeadline == null || decisionDeadline == null
                    || selfEvaluationOpens == null || reminderDaysBeforeDeadline == null) {
                return null;
            }
            return new SchemeCalendar(needMappingOpens, needReportDeadline, reminderDaysBeforeDeadline,
                    recommendationDeadline, decisionDeadline, selfEvaluationOpens, reportDeadline);
        }
    }
}
