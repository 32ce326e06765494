package no.kompetansemidler.domain.funding;

import no.kompetansemidler.domain.funding.Outcome.Rejected;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Scheme;

import java.util.ArrayList;
import java.util.List;

/**
 * The funding rules (domain README, docs/regler.md) as named pure functions. Each returns
 * {@link Outcome#APPROVED} or a {@link Rejected} that names the rule, the recipient and the amounts in Norwegian.
 * {@link #evaluate} applies every rule to a proposal and returns every breach, not only the first.
 */
public final class FundingRules {

    private FundingRules() {
    }

    /** All breaches of R1–R6 and R14 in a proposed distribution, grant by grant, then the frame. */
    public static List<Rejected> evaluate(Proposal proposal, SchemeRules rules) {
        if (!proposal.scheme().equals(rules.scheme())) {
            throw new IllegalArgumentException("the rules of " + rules.scheme() + " cannot check " + proposal.scheme());
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Grant grant : proposal.grants()) {
            outcomes.add(recipientMayReceiveStateMoney(grant, rules));
            outcomes.add(ownerTakesPart(grant, proposal.scheme(), proposal.embete()));
            outcomes.add(coFinancing(grant, rules));
            outcomes.add(thirdPartyOnlyThroughUhWithinCap(grant, rules));
            outcomes.add(continuingEducationOnly(grant));
            outcomes.add(measureDecidedPerYear(grant, proposal.year(), rules));
        }
        outcomes.add(withinFrame(proposal));
        List<Rejected> breaches = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Rejected rejected) {
                breaches.add(rejected);
            }
        }
        return breaches;
    }

    /** R1: an owner contributes at least the scheme's rate of the state money; salary or release time counts. */
    public static Outcome coFinancing(Grant grant, SchemeRules rules) {
        if (grant.kind() != RecipientKind.OWNER || rules.coFinancingRate().basisPoints() == 0) {
            return Outcome.APPROVED;
        }
        if (grant.coFinancingCash().isNegative() || grant.coFinancingSalary().isNegative()) {
            return new Rejected(RuleId.R1, grant.organisationNumber(), grant.label()
                    + ": egenfinansieringen kan ikke være negativ.");
        }
        if (grant.coFinancing().isAtLeastPercentageOf(rules.coFinancingRate(), grant.amount())) {
            return Outcome.APPROVED;
        }
        Money required = grant.amount().percentageRoundedUp(rules.coFinancingRate());
        return new Rejected(RuleId.R1, grant.organisationNumber(), grant.label() + " bidrar med "
                + grant.coFinancing().format() + " i egenfinansiering (herav " + grant.coFinancingSalary().format()
                + " som lønn/frikjøp), men må bidra med minst " + required.format() + " ("
                + rules.coFinancingRate().format() + " av " + grant.amount().format() + " i statlige midler). Det mangler "
                + required.minus(grant.coFinancing()).format() + ".");
    }

    /**
     * R2: state money goes only to owners and Norwegian UH institutions, never to commercial actors or third parties;
     * a scheme may allow fewer (its {@code recipients}), or name the providers it pays besides UH (its {@code
     * providers}: a fagskole, company or trade association in YRKESFAG, Statped in Kompetanseløftet), and may pay
     * them only for a measure UH cannot deliver (Statped: UH declined it, or did not confirm it in time).
     */
    public static Outcome recipientMayReceiveStateMoney(Grant grant, SchemeRules rules) {
        if (grant.kind() == RecipientKind.PROVIDER && rules.recipients().contains(RecipientKind.PROVIDER)
                && rules.providersOnlyWhereUhCannot() && !grant.uhCannotDeliver()) {
            return new Rejected(RuleId.R2, grant.organisationNumber(), grant.label() + " er en tilbyder som i "
                    + rules.scheme().name() + " bare kan få midler til et tiltak UH ikke kan levere, men ingen UH har"
                    + " avslått eller latt være å bekrefte tiltaket «" + grant.measure().title() + "» i"
                    + " behovsmeldingene (" + grant.amount().format() + " foreslått). Skriv tiltaket slik eieren"
                    + " kalte det i behovsmeldingen, eller gi midlene til UH.");
        }
        return switch (grant.kind()) {
            case OWNER, UH, PROVIDER -> rules.recipients().contains(grant.kind()) ? Outcome.APPROVED
                    : new Rejected(RuleId.R2, grant.organisationNumber(), grant.label() + " er en "
                    + grant.kind().displayName() + ", men i " + rules.scheme().name() + " kan bare "
                    + rules.recipients().stream().sorted().map(RecipientKind::displayName)
                    .collect(java.util.stream.Collectors.joining(" og ")) + " motta midler ("
                    + grant.amount().format() + " foreslått).");
            case COMMERCIAL, THIRD_PARTY -> new Rejected(RuleId.R2, grant.organisationNumber(),
                    grant.label() + " er en " + grant.kind().displayName() + " og kan ikke motta statlige midler ("
                            + grant.amount().format() + " foreslått). Bare eiere som deltar i ordningen og norske"
                            + " UH-institusjoner kan motta midler; en tredjepart får betalt gjennom UH.");
        };
    }

    /** R3: only UH may engage a third party, and the third party's share of the UH allocation stays within the cap. */
    public static Outcome thirdPartyOnlyThroughUhWithinCap(Grant grant, SchemeRules rules) {
        Money thirdParty = grant.thirdPartyAmount();
        if (thirdParty.isZero()) {
            return Outcome.APPROVED;
        }
        if (thirdParty.isNegative()) {
            return new Rejected(RuleId.R3, grant.organisationNumber(), grant.label()
                    + ": tredjepartens andel kan ikke være negativ.");
        }
        if (grant.kind() != RecipientKind.UH) {
            return new Rejected(RuleId.R3, grant.organisationNumber(), grant.label() + " har " + thirdParty.format()
                    + " til en tredjepart, men bare en UH-institusjon kan engasjere en tredjepart med statlige midler.");
        }
        if (thirdParty.isAtMostPercentageOf(rules.thirdPartyCap(), grant.amount())) {
            return Outcome.APPROVED;
        }
        Money cap = grant.amount().percentageRoundedDown(rules.thirdPartyCap());
        return new Rejected(RuleId.R3, grant.organisationNumber(), "Tredjeparten får " + thirdParty.format() + " av "
                + grant.amount().format() + " til " + grant.label() + ", over taket på " + rules.thirdPartyCap().format()
                + " (høyst " + cap.format() + "). UH må selv bygge kompetanse i tiltaket.");
    }

    /** R4: money funds collective continuing education (etterutdanning), never further education. */
    public static Outcome continuingEducationOnly(Grant grant) {
        if (grant.measure().kind() == MeasureKind.ETTERUTDANNING) {
            return Outcome.APPROVED;
        }
        return new Rejected(RuleId.R4, grant.organisationNumber(), "Tiltaket «" + grant.measure().title() + "» for "
                + grant.label() + " er videreutdanning (" + grant.amount().format()
                + " foreslått); midlene kan bare brukes til etterutdanning.");
    }

    /**
     * R5: an owner gets money only in a cycle of its own embete, and only when it takes part in the scheme; an owner
     * of another embete takes part in that embete's cycle.
     */
    public static Outcome ownerTakesPart(Grant grant, Scheme scheme, Embete embete) {
        if (grant.kind() != RecipientKind.OWNER) {
            return Outcome.APPROVED;
        }
        if (embete != null && grant.ownerEmbete() != null && grant.ownerEmbete() != embete) {
            return new Rejected(RuleId.R5, grant.organisationNumber(), grant.label() + " hører til "
                    + grant.ownerEmbete().displayName() + ", ikke " + embete.displayName() + ", og kan ikke få midler fra "
                    + scheme.name() + " her (" + grant.amount().format() + " foreslått).");
        }
        if (grant.takesPart()) {
            return Outcome.APPROVED;
        }
        return new Rejected(RuleId.R5, grant.organisationNumber(), grant.label() + " deltar ikke i " + scheme.name()
                + " og kan ikke få midler (" + grant.amount().format() + " foreslått).");
    }

    /** R6: every amount is positive whole øre and the sum never exceeds the frame, to the øre. */
    public static Outcome withinFrame(Proposal proposal) {
        for (Grant grant : proposal.grants()) {
            if (!grant.amount().isPositive()) {
                return new Rejected(RuleId.R6, grant.organisationNumber(), "Beløpet til " + grant.label()
                        + " er " + grant.amount().format() + "; det må være større enn 0 kr.");
            }
        }
        Money total = proposal.total();
        if (!total.isGreaterThan(proposal.frame())) {
            return Outcome.APPROVED;
        }
        return new Rejected(RuleId.R6, null, "Summen av fordelingen er " + total.format() + ", "
                + total.minus(proposal.frame()).format() + " over rammen på " + proposal.frame().format() + " for "
                + proposal.scheme().name() + " " + proposal.year() + ".");
    }

    /** R14: a measure runs at most the scheme's number of years, and money is decided for one year within it. */
    public static Outcome measureDecidedPerYear(Grant grant, int year, SchemeRules rules) {
        Measure measure = grant.measure();
        String period = measure.firstYear() + "–" + measure.lastYear();
        if (measure.lastYear() < measure.firstYear()) {
            return new Rejected(RuleId.R14, grant.organisationNumber(), "Tiltaket «" + measure.title() + "» for "
                    + grant.label() + " slutter (" + measure.lastYear() + ") før det begynner (" + measure.firstYear() + ").");
        }
        if (measure.years() > rules.maxMeasureYears()) {
            return new Rejected(RuleId.R14, grant.organisationNumber(), "Tiltaket «" + measure.title() + "» for "
                    + grant.label() + " varer " + measure.years() + " år (" + period + "); et tiltak kan vare høyst "
                    + rules.maxMeasureYears() + " år.");
        }
        if (year < measure.firstYear() || year > measure.lastYear()) {
            return new Rejected(RuleId.R14, grant.organisationNumber(), "Midler vedtas per år: fordelingen gjelder "
                    + year + ", men tiltaket «" + measure.title() + "» for " + grant.label() + " går " + period + ".");
        }
        return Outcome.APPROVED;
    }

    /** R15: an owner cannot report more money used than granted, nor a negative amount. */
    public static Outcome unusedMoneyReported(String recipient, Money granted, Money used) {
        if (used.isNegative()) {
            return new Rejected(RuleId.R15, recipient, "Brukt beløp kan ikke være negativt (" + used.format() + ").");
        }
        if (used.isGreaterThan(granted)) {
            return new Rejected(RuleId.R15, recipient, recipient + " rapporterer " + used.format()
                    + " brukt, mer enn de " + granted.format() + " som ble tildelt.");
        }
        return Outcome.APPROVED;
    }

    /**
     * R15: money reported unused becomes a repayment claim, or a carry-over. The scheme's policy decides unless
     * the Statsforvalter has decided otherwise for this case ({@code carryOverDecided} not null).
     */
    public static Settlement settleUnusedMoney(Money granted, Money used, SchemeRules rules, Boolean carryOverDecided) {
        if (unusedMoneyReported("eieren", granted, used) instanceof Rejected rejected) {
            throw new IllegalArgumentException(rejected.reason());
        }
        Money unused = granted.minus(used);
        if (unused.isZero()) {
            return new Settlement(Settlement.Kind.NONE, Money.ZERO);
        }
        boolean carryOver = carryOverDecided != null ? carryOverDecided
                : rules.unusedMoney() == UnusedMoneyPolicy.CARRY_OVER;
        return new Settlement(carryOver ? Settlement.Kind.CARRY_OVER : Settlement.Kind.REPAYMENT_CLAIM, unused);
    }
}
