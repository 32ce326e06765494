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
 */
public record SchemeDefinition(Scheme scheme, String name, Set<OwnerKind> participants, String involvement,
                               java.util.List<String> forumMembers, SchemeRules rules, SchemeCalendar calendar,
                               CycleRunner runBy) {

    public SchemeDefinition {
        participants = Set.copyOf(participants);
        forumMembers = java.util.List.copyOf(forumMembers);
    }

    public boolean takesPart(OwnerKind kind) {
        return participants.contains(kind);
    }
}
