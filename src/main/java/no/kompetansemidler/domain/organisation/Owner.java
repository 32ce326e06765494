package no.kompetansemidler.domain.organisation;

import java.util.Set;

/** A school or kindergarten owner (eier) taking part in one or more schemes. */
public record Owner(OrganisationNumber organisationNumber, String name, OwnerKind kind, Embete embete,
                    Set<Scheme> schemes, String contactEmail) {

    public boolean takesPartIn(Scheme scheme) {
        return schemes.contains(scheme);
    }
}
