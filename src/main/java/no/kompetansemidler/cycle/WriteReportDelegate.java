package no.kompetansemidler.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Service task "Lag årsrapporten": the report to Udir, stored with the cycle and readable at rapportLenke. */
@Component("writeReportDelegate")
class WriteReportDelegate implements JavaDelegate {

    private final CycleRepository cycles;
    private final Clock clock;

    WriteReportDelegate(CycleRepository cycles, Clock clock) {
        this.cycles = cycles;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String cycleId = ProcessSupport.caseVariable(execution, CycleVariables.CYCLE_ID);
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        var decisions = cycles.decisions(cycleId);
        Map<String, CycleRepository.SelfEvaluation> evaluations = new HashMap<>();
        decisions.forEach(d -> cycles.selfEvaluation(d.id()).ifPresent(e -> evaluations.put(d.id(), e)));
        String html = YearlyReport.html(cycle, cycle.embete().displayName(), decisions, cycles.payments(cycleId),
                evaluations, cycles.needReports(cycleId).size(), cycles.nonParticipants(cycleId).size(),
                cycles.reminders(cycleId).size());
        cycles.saveReport(cycleId, html, clock.instant());
        execution.setVariable(CycleVariables.REPORT_URL, "/api/rapporter/" + cycleId);
    }
}
