package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.masterdata.MasterDataRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Service task "Lagre behovsmelding" (R10): the need report names its UH partner (a Norwegian UH institution) and
 * says how school leaders and teachers took part; the owner takes part in the cycle.
 */
@Component("saveNeedReportDelegate")
class SaveNeedReportDelegate implements JavaDelegate {

    static final int MIN_INVOLVEMENT = 20;

    private final CycleRepository cycles;
    private final MasterDataRepository masterData;
    private final Clock clock;

    SaveNeedReportDelegate(CycleRepository cycles, MasterDataRepository masterData, Clock clock) {
        this.cycles = cycles;
        this.masterData = masterData;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Violation> problems = new ArrayList<>();
        String partner = ProcessSupport.text(execution, CycleVariables.UH_PARTNER);
        if (partner == null || partner.isEmpty()) {
            problems.add(new Violation(CycleVariables.UH_PARTNER, "R10", "Velg UH-partneren dere har kartlagt behovene med."));
        } else if (!OrganisationNumber.isValid(partner)
                || masterData.findUhInstitution(new OrganisationNumber(partner)).isEmpty()) {
            problems.add(new Violation(CycleVariables.UH_PARTNER, "R10",
                    "UH-partneren må være en norsk UH-institusjon fra listen."));
        }
        String involvement = FreeText.check(execution.getVariable(CycleVariables.INVOLVEMENT), CycleVariables.INVOLVEMENT,
                "Beskrivelsen av hvordan skoleledere og lærere har medvirket", MIN_INVOLVEMENT, "R10", problems);
        String needs = FreeText.check(execution.getVariable(CycleVariables.NEEDS), CycleVariables.NEEDS,
                "Kompetansebehovene", 1, "PÅKREVD", problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String cycleId = ProcessSupport.caseVariable(execution, CycleVariables.CYCLE_ID);
        String owner = ProcessSupport.caseVariable(execution, CycleVariables.OWNER);
        String user = ProcessSupport.currentUser(execution);
        cycles.saveNeedReport(cycleId, new CycleRepository.NeedReport(owner, partner, involvement, needs, user),
                clock.instant());
        cycles.recordParticipation(cycleId, owner, true, null, user, clock.instant());
    }
}
