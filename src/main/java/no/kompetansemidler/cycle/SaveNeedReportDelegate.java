package no.kompetansemidler.cycle;

import no.kompetansemidler.application.ApplicationRepository;
import no.kompetansemidler.domain.application.MeasureRows;
import no.kompetansemidler.domain.application.PlannedMeasure;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.forms.FormContract;
import no.kompetansemidler.funding.SchemeCatalogue;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.masterdata.MasterDataRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Service task "Lagre behovsmeldingen": the application's measures under the scheme's rules (R1, R4, R10, R12, R14;
 * {@link MeasureRows}), how those the scheme names took part (R10, e.g. school leaders and teachers), and the needs; stored with the owner
 * taking part in the cycle. The UH partners of the measures are asked to confirm ({@value #UH_PARTNERS}), by a
 * deadline ({@value #CONFIRMATION_DEADLINE}) {@value #CONFIRMATION_DAYS} days after the submission or the need
 * report's deadline, whichever is later.
 */
@Component("saveNeedReportDelegate")
class SaveNeedReportDelegate implements JavaDelegate {

    static final int MIN_INVOLVEMENT = 20;
    /** The UH partners of the application's measures, each asked to confirm its part. */
    static final String UH_PARTNERS = "uhPartnere";
    static final String CONFIRMATION_DEADLINE = "bekreftelsesFrist";
    static final int CONFIRMATION_DAYS = 14;

    private final CycleRepository cycles;
    private final ApplicationRepository applications;
    private final MasterDataRepository masterData;
    private final SchemeCatalogue parameters;
    private final Clock clock;

    SaveNeedReportDelegate(CycleRepository cycles, ApplicationRepository applications, MasterDataRepository masterData,
                           SchemeCatalogue parameters, Clock clock) {
        this.cycles = cycles;
        this.applications = applications;
        this.masterData = masterData;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Violation> problems = new ArrayList<>();
        String cycleId = ProcessSupport.caseVariable(execution, CycleVariables.CYCLE_ID);
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        String involvement = FreeText.check(execution.getVariable(CycleVariables.INVOLVEMENT), CycleVariables.INVOLVEMENT,
                "Beskrivelsen av hvordan " + parameters.definition(cycle.scheme()).involvement() + " har medvirket",
                MIN_INVOLVEMENT, "R10", problems);
        String needs = FreeText.check(execution.getVariable(CycleVariables.NEEDS), CycleVariables.NEEDS,
                "Kompetansebehovene", 1, "PÅKREVD", problems);
        List<PlannedMeasure> measures = List.of();
        try {
            measures = MeasureRows.read(FormContract.rows(execution.getVariable(MeasureRows.KEY)).orElse(List.of()),
                    parameters.rules(cycle.scheme()), number -> OrganisationNumber.isValid(number)
                            && masterData.findUhInstitution(new OrganisationNumber(number)).isPresent());
        } catch (ValidationException e) {
            problems.addAll(e.violations());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String owner = ProcessSupport.caseVariable(execution, CycleVariables.OWNER);
        String user = ProcessSupport.currentUser(execution);
        Instant now = clock.instant();
        List<String> partners = measures.stream().map(PlannedMeasure::uhPartner).distinct().toList();
        cycles.saveNeedReport(cycleId, new CycleRepository.NeedReport(owner, partners.get(0), involvement, needs, user),
                now);
        applications.replace(cycleId, owner, cycle.year(), measures);
        cycles.recordParticipation(cycleId, owner, true, null, user, now);
        execution.setVariable(UH_PARTNERS, new ArrayList<>(partners));
        LocalDate deadline = parameters.calendar(cycle.scheme()).needReportDeadline(cycle.year());
        LocalDate today = LocalDate.ofInstant(now, ProcessSupport.OSLO);
        execution.setVariable(CONFIRMATION_DEADLINE, ProcessSupport.endOfDay((today.isAfter(deadline) ? today : deadline)
                .plusDays(CONFIRMATION_DAYS)));
    }
}
