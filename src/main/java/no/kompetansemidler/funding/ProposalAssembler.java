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
 * from what was typed: an owner in the scheme, a Norwegian UH institution, or else a third party (R2).
 */
@Component
class ProposalAssembler {

    private final MasterDataRepository masterData;

    ProposalAssembler(MasterDataRepository masterData) {
        this.masterData = masterData;
    }

    Proposal toDomain(StoredProposal stored) {
        return new Proposal(stored.scheme(), stored.year(), stored.frame(),
                stored.grants().stream().map(g -> toDomain(g, stored.scheme())).toList(), stored.embete());
    }

    private Grant toDomain(StoredGrant g, Scheme scheme) {
        RecipientKind kind = RecipientKind.THIRD_PARTY;
        boolean takesPart = false;
        no.kompetansemidler.domain.organisation.Embete ownerEmbete = null;
        if (g.declaredCommercial()) {
            kind = RecipientKind.COMMERCIAL;
        } else if (OrganisationNumber.isValid(g.organisationNumber())) {
            OrganisationNumber number = new OrganisationNumber(g.organisationNumber());
            Optional<Owner> owner = masterData.findOwner(number);
            if (masterData.findUhInstitution(number).isPresent()) {
                kind = RecipientKind.UH;
            } else if (owner.isPresent()) {
                kind = RecipientKind.OWNER;
                takesPart = owner.get().takesPartIn(scheme) && !g.optedOut();
                ownerEmbete = owner.get().embete();
            }
        }
        return new Grant(g.organisationNumber(), g.name(), kind, takesPart, g.amount(), g.coFinancingCash(),
                g.coFinancingSalary(), g.thirdPartyAmount(), g.measure(), ownerEmbete);
    }
}
