package no.kompetansemidler.security;

import no.kompetansemidler.domain.organisation.Embete;
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

    /** A caseworker of any embete. */
    public boolean isCaseworker() {
        return java.util.Arrays.stream(Embete.values()).anyMatch(this::isCaseworkerOf);
    }

    public boolean isCaseworkerOf(Embete embete) {
        return groups.contains(IdentityGroups.caseworkers(embete));
    }

    /** May work the embete's cases: its caseworkers and the administrators. */
    public boolean mayWork(Embete embete) {
        return isCaseworkerOf(embete) || isAdministrator();
    }

    /** May read the embete's cases: those who work them, and auditors. */
    public boolean mayRead(Embete embete) {
        return mayWork(embete) || isAuditor();
    }

    /** A leader of the embete (group leder-<embete>). */
    public boolean isLeaderOf(Embete embete) {
        return groups.contains(IdentityGroups.leaders(embete));
    }

    /** May read the embete's decisions, letters and payment files: those who read its cases, and its leaders. */
    public boolean mayReadDecisions(Embete embete) {
        return mayRead(embete) || isLeaderOf(embete);
    }

    /** Udir's staff: the national view, every embete's overview and the yearly reports; no case files. */
    public boolean isUdir() {
        return groups.contains(IdentityGroups.UDIR);
    }

    /** May read where the embete's cycles stand (the overview): those who read its cases, its leaders, and Udir. */
    public boolean mayOverview(Embete embete) {
        return mayRead(embete) || isLeaderOf(embete) || isUdir();
    }

    /** May read the whole country's figures: Udir, auditors and administrators. */
    public boolean mayReadNational() {
        return isUdir() || isAuditor() || isAdministrator();
    }
}
