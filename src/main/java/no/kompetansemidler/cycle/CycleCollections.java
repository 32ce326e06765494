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
        return masterData.owners(cycle.embete(), cycle.scheme()).stream()
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

    String ownerName(String organisationNumber) {
        return masterData.ownerName(organisationNumber);
    }
}
