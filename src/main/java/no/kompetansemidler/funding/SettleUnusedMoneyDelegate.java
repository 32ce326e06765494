package no.kompetansemidler.funding;

import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.domain.funding.FundingRules;
import no.kompetansemidler.domain.funding.Outcome;
import no.kompetansemidler.domain.funding.Settlement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Service task "Gjør opp ubrukte midler" (R15): unused money becomes a repayment claim or a carry-over, by the
 * scheme's parameter unless the Statsforvalter decided otherwise in the review (its form's field
 * {@value FundingVariables#CARRY_OVER_DECIDED}); a report of more used than granted is a breach. What was granted
 * and what was reported used are the case's facts: they come from the decision and the stored self-evaluation (by
 * the case's decision id), never from a variable a submission could have set.
 */
@Component("settleUnusedMoneyDelegate")
class SettleUnusedMoneyDelegate implements JavaDelegate {

    private final SchemeCatalogue parameters;
    private final CycleRepository cycles;

    SettleUnusedMoneyDelegate(SchemeCatalogue parameters, CycleRepository cycles) {
        this.parameters = parameters;
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CycleRepository.Decision decision = cycles.decision((String) execution.getVariable("vedtakId"));
        CycleRepository.SelfEvaluation evaluation = cycles.selfEvaluation(decision.id()).orElseThrow(() ->
                new IllegalStateException("Egenvurderingen for vedtak " + decision.id() + " er ikke lagret."));
        Outcome reported = FundingRules.unusedMoneyReported(decision.name(), decision.amount(), evaluation.used());
        if (reported instanceof Outcome.Rejected breach) {
            BreachReport.publish(execution, List.of(breach));
            return;
        }
        Settlement settlement = FundingRules.settleUnusedMoney(decision.amount(), evaluation.used(),
                parameters.rules(cycles.cycle(decision.cycleId()).scheme()),
                (Boolean) execution.getVariable(FundingVariables.CARRY_OVER_DECIDED));
        execution.setVariable(FundingVariables.SETTLEMENT, settlement.kind().name());
        execution.setVariable(FundingVariables.SETTLEMENT_AMOUNT, settlement.amount().ore());
    }
}
