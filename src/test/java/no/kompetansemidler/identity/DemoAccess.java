package no.kompetansemidler.identity;

/** Lets tests in other packages use the demo's invented numbers. */
public final class DemoAccess {

    private DemoAccess() {
    }

    public static String inventedOrganisationNumber(String municipalityNumber) {
        return DemoData.inventedOrganisationNumber(municipalityNumber).value();
    }

    /** A made-up bank account for a recipient, as the demo registers them. */
    public static String inventedAccountNumber(String organisationNumber) {
        return DemoData.inventedAccountNumber(new no.kompetansemidler.domain.organisation.OrganisationNumber(
                organisationNumber)).value();
    }
}
