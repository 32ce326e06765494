package no.kompetansemidler.domain.funding;

import no.kompetansemidler.domain.organisation.OwnerKind;
import no.kompetansemidler.domain.organisation.Scheme;

import java.util.Set;

/**
 * What one scheme is, as its configuration file says ({@code ordninger/*.yml}, docs/regler.md): its name, the
 * kinds of owner taking part, the members its forum draws on, its rules and its calendar.
 *
 * @param involvement  who took part in mapping the needs (R10), as a phrase: «barnehagens ledere og ansatte»
 * @param forumMembers the categories of members of the scheme's collaboration forum, as people name them
 * @param selectedByUdir whether only the kommuner Udir selects take part (Oppfølgingsordningen), each while its
 *                       follow-up case is in the delivery phase, instead of every owner of a participating kind
 * @param providers    the kinds of registered organisation the scheme pays as providers (R2): fagskoler, companies,
 *                     trade associations and the county in YRKESFAG, Statped in Kompetanseløftet
 */
public record SchemeDefinition(Scheme scheme, String name, Set<OwnerKind> participants, String involvement,
                               java.util.List<String> forumMembers, SchemeRules rules, SchemeCalendar calendar,
                               CycleRunner runBy, boolean selectedByUdir, Set<OwnerKind> providers) {

    public SchemeDefinition {
        participants = Set.copyOf(participants);
        providers = Set.copyOf(providers);
        forumMembers = java.util.List.copyOf(forumMembers);
    }

    /** Whether every owner of the kind takes part; in a scheme Udir selects for, none does by its kind alone. */
    public boolean takesPart(OwnerKind kind) {
        return !selectedByUdir && participants.contains(kind);
    }

    /** Whether an organisation of the kind that does not take part may be paid as the scheme's provider (R2). */
    public boolean paysAsProvider(OwnerKind kind) {
        return providers.contains(kind);
    }
}
