package no.kompetansemidler.domain.organisation;

import no.kompetansemidler.domain.validation.Texts;
import no.kompetansemidler.domain.validation.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * What a caseworker submits to register a private school or kindergarten owner or Statped as a provider (at the
 * Statsforvalter), or an applicant in vocational education – a school, opplæringskontor, lærebedrift or prøvenemnd –
 * or a provider there – a fagskole, company or trade association (at the fylkeskommune). Everything arrives as
 * text (from a form or JSON); {@link #validate()} names every problem, {@link #toOwner()} gives the owner.
 */
public record NewPrivateOwner(String organisationNumber, String name, String kind, String embete,
                              String contactEmail) {

    public static final int MAX_NAME_LENGTH = 200;

    public List<Violation> validate() {
        List<Violation> problems = new ArrayList<>();
        OrganisationNumber.problemWith(organisationNumber == null ? null : organisationNumber.replace(" ", ""))
                .ifPresent(p -> problems.add(new Violation("organisasjonsnummer", "ORGNR", p)));
        String readableName = name == null ? null : Texts.normalize(name.trim());
        var unreadable = readableName == null ? java.util.Optional.<String>empty() : Texts.unreadable(readableName, false);
        if (unreadable.isPresent()) {
            problems.add(new Violation("navn", "TEGN", "Navnet " + unreadable.get() + "."));
        } else if (readableName == null || Texts.visibleLength(readableName) == 0) {
            problems.add(new Violation("navn", "PÅKREVD", "Navn på eieren må fylles ut."));
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.add(new Violation("navn", "LENGDE", "Navnet kan ha høyst " + MAX_NAME_LENGTH + " tegn."));
        } else if (name.matches(".*[<>].*")) {
            problems.add(new Violation("navn", "TEGN", "Navnet kan ikke inneholde tegnene < og >."));
        }
        parseKind(problems);
        parseEmbete(problems);
        if (contactEmail == null || contactEmail.isBlank()) {
            problems.add(new Violation("kontaktEpost", "PÅKREVD", "Kontaktadresse (e-post) må fylles ut."));
        } else if (!Texts.isEmailAddress(contactEmail)) {
            problems.add(new Violation("kontaktEpost", "EPOST", "«" + Texts.abbreviate(contactEmail)
                    + "» er ikke en gyldig e-postadresse."));
        }
        return problems;
    }

    /**
     * The owner described, taking part in every scheme its kind takes part in (by the schemes' configuration: a
     * private school owner in DEKOM, a private kindergarten owner in REKOM); call only when {@link #validate()}
     * found nothing.
     */
    public Owner toOwner(java.util.function.Function<OwnerKind, java.util.Set<Scheme>> schemesOf) {
        OwnerKind ownerKind = OwnerKind.valueOf(kind);
        return new Owner(OrganisationNumber.parse(organisationNumber), Texts.normalize(name.trim()), ownerKind,
                office().embete(), schemesOf.apply(ownerKind), Texts.normalize(contactEmail.trim()));
    }

    /**
     * Where the owner is registered: the embete of a private owner, the fylkeskommune of an applicant in vocational
     * education; call only when {@link #validate()} found nothing.
     */
    public Office office() {
        return Office.fromSlug(embete);
    }

    private void parseKind(List<Violation> problems) {
        if (kind == null || kind.isBlank()) {
            problems.add(new Violation("eiertype", "PÅKREVD", "Velg om eieren er privat skoleeier eller barnehageeier."));
            return;
        }
        try {
            OwnerKind ownerKind = OwnerKind.valueOf(kind);
            if (!ownerKind.isRegistered()) {
                problems.add(new Violation("eiertype", "EIERTYPE", "Bare private skole- og barnehageeiere, skoler,"
                        + " opplæringskontor, lærebedrifter og prøvenemnder i yrkesfagordningen, og tilbydere"
                        + " (fagskoler, bedrifter, bransjeorganisasjoner, Statped) registreres her;"
                        + " kommuner og fylkeskommuner er stamdata."));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new Violation("eiertype", "EIERTYPE", "Ukjent eiertype «" + Texts.abbreviate(kind) + "»."));
        }
    }

    private void parseEmbete(List<Violation> problems) {
        if (embete == null || embete.isBlank()) {
            problems.add(new Violation("embete", "PÅKREVD", "Velg embetet (eller fylkeskommunen) eieren hører til."));
            return;
        }
        Office office;
        try {
            office = Office.fromSlug(embete);
        } catch (IllegalArgumentException e) {
            problems.add(new Violation("embete", "EMBETE", "Ukjent embete eller fylkeskommune «"
                    + Texts.abbreviate(embete) + "»."));
            return;
        }
        OwnerKind ownerKind = kindOrNull();
        if (ownerKind != null && ownerKind.isRegisteredByCounty() && !(office instanceof County)) {
            problems.add(new Violation("embete", "EMBETE", ownerKind.displayName() + " i yrkesfagordningen registreres"
                    + " hos fylkeskommunen som kjører ordningen, ikke hos " + office.displayName() + "."));
        } else if (ownerKind != null && ownerKind.isRegistered() && !ownerKind.isRegisteredByCounty()
                && office instanceof County) {
            problems.add(new Violation("embete", "EMBETE", "En " + ownerKind.displayName().toLowerCase(
                    java.util.Locale.ROOT) + " registreres hos Statsforvalteren, ikke hos " + office.displayName()
                    + "."));
        }
    }

    private OwnerKind kindOrNull() {
        try {
            return kind == null ? null : OwnerKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
