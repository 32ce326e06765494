package no.kompetansemidler.testkit;

import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.identity.DemoData;

/** The organisations the tests use, by organisation number. */
public final class Organisations {

    /** Bergen kommune: a real organisation number, in the demo. */
    public static final String BERGEN = "964338531";
    /** Vestland fylkeskommune. */
    public static final String VESTLAND_FK = "821311632";
    /** Høgskulen på Vestlandet: a UH institution. */
    public static final String HVL = "917641404";
    /** Askøy kommune (4627) in the demo: an invented organisation number. */
    public static final String ASKOY = invented("4627");
    /** Equinor ASA: a real, valid organisation number of a commercial company (never a recipient, R2). */
    public static final String COMMERCIAL = "923609016";
    /** A valid organisation number that is neither an owner nor a UH institution. */
    public static final String UNKNOWN = "987654325";

    private Organisations() {
    }

    /** The demo's invented organisation number of a municipality without a real one in the reference data. */
    public static String invented(String municipalityNumber) {
        return DemoData.inventedOrganisationNumber(municipalityNumber).value();
    }

    /** The demo's made-up bank account for a recipient. */
    public static String inventedAccountNumber(String organisationNumber) {
        return DemoData.inventedAccountNumber(new OrganisationNumber(organisationNumber)).value();
    }
}
