package no.kompetansemidler.cycle;

import no.kompetansemidler.masterdata.MasterDataRepository;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The collections the cycle's multi-instance activities run over, computed from the tables when the activity
 * starts (process variables hold only ids): {@code ${cycleCollections.owners(syklusId)}} and so on.
 */
@Component("cycleCollections")
public class CycleCollections {

    private final CycleRepository cycles;
    private final MasterDataRepository masterData;

    CycleCollections(CycleRepository cycles, MasterDataRepository masterData) {
        this.cycles = cycles;
        this.masterData = masterData;
    }

    /** Every owner of the embete that may take part in the scheme: each gets a need-report task. */
    public List<String> owners(String cycleId) {
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        return masterData.owners(cycle.office(), cycle.scheme()).stream()
                .map(o -> o.organisationNumber().value()).toList();
    }

    /** Every decision of the cycle: each is paid once. */
    public List<String> decisions(String cycleId) {
        return cycles.decisions(cycleId).stream().map(CycleRepository.Decision::id).toList();
    }

    /** The decisions to owners: each owner evaluates its measures (R11). */
    public List<String> ownerDecisions(String cycleId) {
        return cycles.decisions(cycleId).stream().filter(d -> d.recipientKind().equals("OWNER"))
                .map(CycleRepository.Decision::id).toList();
    }

    /**
     * Everyone owed a letter when the decisions are made: each recipient of a decision (a grant), and each owner that
     * applied (sent a need report and takes part) and got nothing (a refusal).
     */
    public List<String> letterRecipients(String cycleId) {
        java.util.Set<String> recipients = new java.util.LinkedHashSet<>();
        cycles.decisions(cycleId).forEach(d -> recipients.add(d.organisationNumber()));
        java.util.Set<String> notTakingPart = new java.util.HashSet<>(cycles.nonParticipants(cycleId));
        cycles.needReports(cycleId).stream().map(CycleRepository.NeedReport::organisationNumber)
                .filter(owner -> !notTakingPart.contains(owner)).forEach(recipients::add);
        return List.copyOf(recipients);
    }

    String ownerName(String organisationNumber) {
        return masterData.ownerName(organisationNumber);
    }
}
