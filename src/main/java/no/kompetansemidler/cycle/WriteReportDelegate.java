package no.kompetansemidler.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Service task "Lag årsrapporten": the report to Udir, stored with the cycle and readable at rapportLenke. */
@Component("writeReportDelegate")
class WriteReportDelegate implements JavaDelegate {

    private final CycleRepository cycles;
    private final Clock clock;

    private final no.kompetansemidler.funding.SchemeCatalogue schemes;

    WriteReportDelegate(CycleRepository cycles, Clock clock, no.kompetansemidler.funding.SchemeCatalogue schemes) {
        this.schemes = schemes;
        this.cycles = cycles;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String cycleId = ProcessSupport.caseVariable(execution, CycleVariables.CYCLE_ID);
        YearlyReport.Inputs in = YearlyReport.Inputs.load(cycles, schemes, cycleId);
        String html = YearlyReport.html(in.cycle(), in.cycle().office().displayName(), in.schemeName(), in.decisions(), in.payments(),
                in.evaluations(), in.needReports(), in.nonParticipants(), in.reminders(), in.carriedIn());
        cycles.saveReport(cycleId, html, clock.instant());
        execution.setVariable(CycleVariables.REPORT_URL, "/api/rapporter/" + cycleId);
    }
}
