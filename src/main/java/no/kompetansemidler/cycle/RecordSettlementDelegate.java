package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.funding.FundingVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Service task "Registrer oppgjøret" (R15): the settlement of unused money, and who reviewed it. */
@Component("recordSettlementDelegate")
class RecordSettlementDelegate implements JavaDelegate {

    private final CycleRepository cycles;
    private final Clock clock;

    RecordSettlementDelegate(CycleRepository cycles, Clock clock) {
        this.cycles = cycles;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cycles.recordSettlement(ProcessSupport.text(execution, CycleVariables.DECISION_ID),
                ProcessSupport.text(execution, FundingVariables.SETTLEMENT),
                Money.ofOre((Long) execution.getVariable(FundingVariables.SETTLEMENT_AMOUNT)),
                ProcessSupport.currentUser(execution), clock.instant());
    }
}
