package no.kompetansemidler.identity;

/** Lets tests in other packages use the demo's invented numbers. */
public final class DemoAccess {

    private DemoAccess() {
    }

    public static String inventedOrganisationNumber(String municipalityNumber) {
        return DemoData.inventedOrganisationNumber(municipalityNumber).value();
    }
}
