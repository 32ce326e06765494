package no.kompetansemidler.funding;

import no.kompetansemidler.domain.funding.Grant;
import no.kompetansemidler.domain.funding.Proposal;
import no.kompetansemidler.domain.funding.RecipientKind;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.masterdata.MasterDataRepository;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Turns a stored proposal into the domain's proposal. What each recipient is comes from the master data, never
 * from what was typed: an owner in the scheme, a Norwegian UH institution, a provider the scheme names, or else a
 * third party (R2).
 */
@Component
public class ProposalAssembler {

    private final MasterDataRepository masterData;
    private final SchemeCatalogue catalogue;

    public ProposalAssembler(MasterDataRepository masterData, SchemeCatalogue catalogue) {
        this.masterData = masterData;
        this.catalogue = catalogue;
    }

    Proposal toDomain(StoredProposal stored) {
        return toDomain(stored, java.util.Set.of());
    }

    /**
     * The proposal, each provider's grant marked when its measure is one UH cannot deliver: a measure of the same
     * title (case and spaces aside) that UH declined or did not confirm in the cycle's need reports (R2).
     */
    Proposal toDomain(StoredProposal stored, java.util.Collection<String> measuresUhCannotDeliver) {
        java.util.Set<String> titles = measuresUhCannotDeliver.stream().map(ProposalAssembler::titleKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return new Proposal(stored.scheme(), stored.year(), stored.frame(), stored.grants().stream()
                .map(g -> toDomain(g, stored.scheme(), titles)).toList(), stored.embete());
    }

    /** A measure's title as the rules compare it: trimmed, single spaces, lower case. */
    private static String titleKey(String title) {
        return title == null ? "" : title.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * What the organisation is as a recipient in the scheme, by the master data: a UH institution, a provider the
     * scheme names (a registered organisation of a kind in its {@code providers} that does not take part), an owner,
     * or else a third party.
     */
    public RecipientKind kindOf(String organisationNumber, Scheme scheme) {
        if (!OrganisationNumber.isValid(organisationNumber)) {
            return RecipientKind.THIRD_PARTY;
        }
        OrganisationNumber number = new OrganisationNumber(organisationNumber);
        if (masterData.findUhInstitution(number).isPresent()) {
            return RecipientKind.UH;
        }
        Optional<Owner> owner = masterData.findOwner(number);
        if (owner.isEmpty()) {
            return RecipientKind.THIRD_PARTY;
        }
        if (owner.get().takesPartIn(scheme)) {
            return RecipientKind.OWNER;
        }
        if (catalogue.definition(scheme).paysAsProvider(owner.get().kind())) {
            // a fagskole, a company or the county itself in YRKESFAG, Statped in Kompetanseløftet
            return RecipientKind.PROVIDER;
        }
        // a provider the scheme does not name is a third party here; an owner that does not take part is refused (R5)
        return owner.get().kind().isProvider() ? RecipientKind.THIRD_PARTY : RecipientKind.OWNER;
    }

    private Grant toDomain(StoredGrant g, Scheme scheme, java.util.Set<String> measuresUhCannotDeliver) {
        RecipientKind kind = g.declaredCommercial() ? RecipientKind.COMMERCIAL : kindOf(g.organisationNumber(), scheme);
        boolean takesPart = false;
        no.kompetansemidler.domain.organisation.Embete ownerEmbete = null;
        if (kind == RecipientKind.OWNER || kind == RecipientKind.PROVIDER) {
            Owner owner = masterData.findOwner(new OrganisationNumber(g.organisationNumber())).orElseThrow();
            takesPart = kind == RecipientKind.OWNER && owner.takesPartIn(scheme) && !g.optedOut();
            ownerEmbete = owner.embete();
        }
        boolean uhCannotDeliver = kind == RecipientKind.PROVIDER
                && measuresUhCannotDeliver.contains(titleKey(g.measure().title()));
        return new Grant(g.organisationNumber(), g.name(), kind, takesPart, g.amount(), g.coFinancingCash(),
                g.coFinancingSalary(), g.thirdPartyAmount(), g.measure(), ownerEmbete, uhCannotDeliver);
    }
}
