package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.AccountNumber;
import no.kompetansemidler.funding.FundingVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Service task "Registrer oppgjøret" (R15): the settlement of unused money, and who reviewed it. Money claimed back
 * becomes a receivable ({@link Claims}) with the embete's account and a due date, and the owner is owed a letter
 * with the claim ({@value #CLAIM_LETTER} true for the model's gateway).
 */
@Component("recordSettlementDelegate")
class RecordSettlementDelegate implements JavaDelegate {

    /** Whether a claim letter is due (the model's gateway). */
    static final String CLAIM_LETTER = "kravbrev";

    private final CycleRepository cycles;
    private final Claims claims;
    private final String account;
    private final int dueDays;
    private final Clock clock;

    RecordSettlementDelegate(CycleRepository cycles, Claims claims,
                             @Value("${kompetansemidler.brev.innbetalingskonto}") String account,
                             @Value("${kompetansemidler.brev.krav-frist-dager:30}") int dueDays, Clock clock) {
        this.cycles = cycles;
        this.claims = claims;
        this.account = AccountNumber.parse(account).value();
        this.dueDays = dueDays;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decisionId = ProcessSupport.text(execution, CycleVariables.DECISION_ID);
        String settlement = ProcessSupport.text(execution, FundingVariables.SETTLEMENT);
        Money amount = Money.ofOre((Long) execution.getVariable(FundingVariables.SETTLEMENT_AMOUNT));
        String reviewer = ProcessSupport.currentUser(execution);
        cycles.recordSettlement(decisionId, settlement, amount, reviewer, clock.instant());
        boolean claim = "REPAYMENT_CLAIM".equals(settlement) && amount.isPositive();
        if (claim) {
            claims.open(cycles.decision(decisionId), amount, account,
                    LocalDate.now(clock.withZone(ProcessSupport.OSLO)).plusDays(dueDays), reviewer, clock.instant());
        }
        execution.setVariable(CLAIM_LETTER, claim);
    }
}
