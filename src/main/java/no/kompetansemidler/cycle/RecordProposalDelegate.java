package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.funding.DistributionKey;
import no.kompetansemidler.domain.funding.ProposalLine;
import no.kompetansemidler.domain.funding.ProposalLines;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.funding.FundingVariables;
import no.kompetansemidler.funding.ProposalRepository;
import no.kompetansemidler.funding.StoredGrant;
import no.kompetansemidler.funding.StoredProposal;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.masterdata.UhInstitution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Service task "Registrer fordelingen": reads the lines of the innstilling, the fallback decision or a correction,
 * and stores them as the cycle's proposal (replacing the previous lines), with names from the master data and
 * owners recorded as not taking part marked (R5). The basis of the decision (R7/R8) is recorded too.
 */
@Component("recordProposalDelegate")
class RecordProposalDelegate implements JavaDelegate {

    static final String BASIS_RECOMMENDATION = "INNSTILLING";
    static final String BASIS_FALLBACK = "RESERVEVEDTAK";

    private final CycleRepository cycles;
    private final ProposalRepository proposals;
    private final MasterDataRepository masterData;
    private final Clock clock;

    RecordProposalDelegate(CycleRepository cycles, ProposalRepository proposals, MasterDataRepository masterData,
                           Clock clock) {
        this.cycles = cycles;
        this.proposals = proposals;
        this.masterData = masterData;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String keyText = ProcessSupport.text(execution, FundingVariables.DISTRIBUTION_KEY);
        DistributionKey key;
        try {
            key = keyText == null || keyText.isEmpty() ? DistributionKey.AMOUNTS : DistributionKey.valueOf(keyText);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new Violation(FundingVariables.DISTRIBUTION_KEY, "FORMAT",
                    "Fordelingsnøkkelen må være EQUAL (likt), WEIGHTS (vekter) eller AMOUNTS (beløp).")));
        }
        List<Violation> problems = new ArrayList<>();
        FreeText.check(execution.getVariable(CycleVariables.REASONS), CycleVariables.REASONS,
                "Begrunnelsen for fordelingen", 1, "R8", problems);
        List<ProposalLine> lines;
        try {
            lines = ProposalLines.parse(ProcessSupport.text(execution, CycleVariables.LINES), key);
        } catch (ValidationException e) {
            problems.addAll(e.violations());
            throw new ValidationException(problems);
        }
        Set<String> seen = new HashSet<>();
        for (ProposalLine line : lines) {
            if (!seen.add(line.organisationNumber())) {
                problems.add(new Violation(CycleVariables.LINES, "R9", "Mottakeren " + line.organisationNumber()
                        + " står på flere linjer; hver mottaker får ett vedtak per år, så slå linjene sammen."));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String cycleId = ProcessSupport.caseVariable(execution, CycleVariables.CYCLE_ID);
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        Set<String> optedOut = new HashSet<>(cycles.nonParticipants(cycleId));
        List<StoredGrant> grants = lines.stream().map(l -> new StoredGrant(l.organisationNumber(),
                name(l.organisationNumber()), false, optedOut.contains(l.organisationNumber()), l.weight(), l.amount(),
                l.coFinancingCash(), l.coFinancingSalary(), l.thirdPartyAmount(), l.measure())).toList();
        String proposalId = (String) execution.getVariable(FundingVariables.PROPOSAL_ID);
        if (proposalId == null) {
            proposalId = proposals.save(new StoredProposal(null, cycle.embete(), cycle.scheme(), cycle.year(),
                    cycle.frame(), grants), ProcessSupport.currentUser(execution), clock.instant());
            execution.setVariable(FundingVariables.PROPOSAL_ID, proposalId);
        } else {
            proposals.replaceGrants(proposalId, grants);
        }
        execution.setVariable(FundingVariables.DISTRIBUTION_KEY, key.name());
        Object agreed = execution.getVariable(CycleVariables.FORUM_AGREED);
        execution.setVariable(CycleVariables.DECISION_BASIS,
                Boolean.FALSE.equals(agreed) ? BASIS_FALLBACK : BASIS_RECOMMENDATION);
    }

    private String name(String organisationNumber) {
        if (!OrganisationNumber.isValid(organisationNumber)) {
            return "Ukjent mottaker";
        }
        OrganisationNumber number = new OrganisationNumber(organisationNumber);
        return masterData.findOwner(number).map(Owner::name)
                .or(() -> masterData.findUhInstitution(number).map(UhInstitution::name))
                .orElse("Ukjent mottaker (verken eier eller UH)");
    }
}
