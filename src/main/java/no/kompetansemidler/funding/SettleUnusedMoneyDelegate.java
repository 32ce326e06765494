package no.kompetansemidler.funding;

import no.kompetansemidler.domain.funding.FundingRules;
import no.kompetansemidler.domain.funding.Outcome;
import no.kompetansemidler.domain.funding.Settlement;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Scheme;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Service task "Gjør opp ubrukte midler" (R15): unused money becomes a repayment claim or a carry-over, by the
 * scheme's parameter unless the Statsforvalter decided otherwise; a report of more used than granted is a breach.
 */
@Component("settleUnusedMoneyDelegate")
class SettleUnusedMoneyDelegate implements JavaDelegate {

    private final FundingParameters parameters;

    SettleUnusedMoneyDelegate(FundingParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Scheme scheme = Scheme.valueOf((String) execution.getVariable(FundingVariables.SCHEME));
        String recipient = (String) execution.getVariable(FundingVariables.RECIPIENT);
        Money granted = Money.ofOre((Long) execution.getVariable(FundingVariables.GRANTED));
        Money used = Money.ofOre((Long) execution.getVariable(FundingVariables.USED));
        Outcome reported = FundingRules.unusedMoneyReported(recipient, granted, used);
        if (reported instanceof Outcome.Rejected breach) {
            BreachReport.publish(execution, List.of(breach));
            return;
        }
        Settlement settlement = FundingRules.settleUnusedMoney(granted, used, parameters.rules(scheme),
                (Boolean) execution.getVariable(FundingVariables.CARRY_OVER_DECIDED));
        execution.setVariable(FundingVariables.SETTLEMENT, settlement.kind().name());
        execution.setVariable(FundingVariables.SETTLEMENT_AMOUNT, settlement.amount().ore());
    }
}
