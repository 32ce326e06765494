package no.kompetansemidler.security;

import no.kompetansemidler.domain.organisation.County;
import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.identity.IdentityGroups;

import java.util.Set;

/** Who calls the project's own endpoints, and what their groups let them do. */
public record ApiUser(String id, Set<String> groups) {

    static final String REQUEST_ATTRIBUTE = ApiUser.class.getName();

    /** The organisation numbers of the owners the user acts for (its groups eier-…), sorted. */
    public java.util.List<String> ownerOrganisations() {
        return groups.stream().filter(g -> g.startsWith(IdentityGroups.OWNER_PREFIX))
                .map(g -> g.substring(IdentityGroups.OWNER_PREFIX.length())).sorted().toList();
    }

    public boolean isAdministrator() {
        return groups.contains(IdentityGroups.ADMINISTRATORS);
    }

    public boolean isAuditor() {
        return groups.contains(IdentityGroups.AUDITORS);
    }

    public boolean isProcessOwner() {
        return groups.contains(IdentityGroups.PROCESS_OWNERS);
    }

    /** A caseworker of any embete or fylkeskommune. */
    public boolean isCaseworker() {
        return Office.all().stream().anyMatch(this::isCaseworkerOf);
    }

    public boolean isCaseworkerOf(Office office) {
        return groups.contains(IdentityGroups.caseworkers(office));
    }

    /** May work the office's cases: its caseworkers and the administrators. */
    public boolean mayWork(Office office) {
        return isCaseworkerOf(office) || isAdministrator();
    }

    /**
     * May read the office's cases: those who work them, and auditors; a fylkeskommune's cases also the caseworkers of
     * the Statsforvalter whose area it lies in (they read, and do not decide).
     */
    public boolean mayRead(Office office) {
        return mayWork(office) || isAuditor()
                || office instanceof County county && isCaseworkerOf(county.embete());
    }

    /** A leader of the office (group leder-<office>). */
    public boolean isLeaderOf(Office office) {
        return groups.contains(IdentityGroups.leaders(office));
    }

    /**
     * May read the office's decisions, letters and payment files: those who read its cases, its leaders, and for a
     * fylkeskommune the Statsforvalter's leaders.
     */
    public boolean mayReadDecisions(Office office) {
        return mayRead(office) || isLeaderOf(office) || isLeaderOf(office.embete());
    }

    /** Udir's staff: the national view, every embete's overview and the yearly reports; no case files. */
    public boolean isUdir() {
        return groups.contains(IdentityGroups.UDIR);
    }

    /** May read where the office's cycles stand (the overview): those who read its decisions, and Udir. */
    public boolean mayOverview(Office office) {
        return mayReadDecisions(office) || isUdir();
    }

    /** May read the whole country's figures: Udir, auditors and administrators. */
    public boolean mayReadNational() {
        return isUdir() || isAuditor() || isAdministrator();
    }
}
