package no.kompetansemidler.identity;

import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.domain.organisation.OrganisationNumber;

/** The one place where the ids of the identity service's groups are formed. */
public final class IdentityGroups {

    /** Auditors (revisorer): read every case's history, change nothing. */
    public static final String AUDITORS = "revisor";
    /** Process owners (prosesseiere): deploy and migrate models and forms. */
    public static final String PROCESS_OWNERS = "prosesseier";
    /** Administrators: Camunda's own administrator group. */
    public static final String ADMINISTRATORS = "camunda-admin";
    /** Camunda's type for groups that work or read cases. */
    static final String TYPE_WORKFLOW = "WORKFLOW";
    /** Camunda's type for groups that run the system. */
    static final String TYPE_SYSTEM = "SYSTEM";

    private IdentityGroups() {
    }

    /** Udir's staff (the overview of every embete; their grants come with the overview). */
    public static final String UDIR = "udir";

    /**
     * The leaders (ledere) of one embete or fylkeskommune, e.g. "leder-vestland", "leder-vestland-fylkeskommune"
     * (their grants come with the overview).
     */
    public static String leaders(Office office) {
        return "leder-" + office.slug();
    }

    /**
     * The caseworkers (saksbehandlere) of one embete or fylkeskommune, e.g. "saksbehandler-vestland",
     * "saksbehandler-vestland-fylkeskommune".
     */
    public static String caseworkers(Office office) {
        return "saksbehandler-" + office.slug();
    }

    /** The prefix of the owners' groups. */
    public static final String OWNER_PREFIX = "eier-";

    /** The users of one owner (eier), by organisation number, e.g. "eier-964338531". */
    public static String owner(OrganisationNumber organisationNumber) {
        return OWNER_PREFIX + organisationNumber.value();
    }

    /** The users of one UH institution, by organisation number, e.g. "uh-917641404". */
    public static String uh(OrganisationNumber organisationNumber) {
        return "uh-" + organisationNumber.value();
    }
}
