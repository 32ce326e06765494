package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Service task "Lagre egenvurderingen" (R11): money used, co-financing actually contributed, measures carried out,
 * participants and the owner's assessment.
 */
@Component("saveSelfEvaluationDelegate")
class SaveSelfEvaluationDelegate implements JavaDelegate {

    static final int MAX_PARTICIPANTS = 1_000_000;

    private final CycleRepository cycles;
    private final Clock clock;

    SaveSelfEvaluationDelegate(CycleRepository cycles, Clock clock) {
        this.cycles = cycles;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Violation> problems = new ArrayList<>();
        Money used = money(execution, CycleVariables.USED_TEXT, "Brukt beløp", problems);
        Money coFinancing = money(execution, CycleVariables.CO_FINANCING_TEXT, "Egenfinansieringen", problems);
        String measures = FreeText.check(execution.getVariable(CycleVariables.MEASURES_DONE),
                CycleVariables.MEASURES_DONE, "Gjennomførte tiltak", 1, "R11", problems);
        Integer participants = participants(execution.getVariable(CycleVariables.PARTICIPANTS), problems);
        String assessment = FreeText.check(execution.getVariable(CycleVariables.ASSESSMENT), CycleVariables.ASSESSMENT,
                "Vurderingen", 1, "R11", problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String decisionId = ProcessSupport.text(execution, CycleVariables.DECISION_ID);
        cycles.saveSelfEvaluation(new CycleRepository.SelfEvaluation(decisionId, used, coFinancing, measures,
                participants, assessment, null, null), ProcessSupport.currentUser(execution), clock.instant());
    }

    private static Money money(DelegateExecution execution, String field, String label, List<Violation> problems) {
        String typed = ProcessSupport.text(execution, field);
        var problem = Money.problemWith(typed);
        if (problem.isPresent()) {
            problems.add(new Violation(field, "R11", label + ": " + problem.get()));
            return null;
        }
        return Money.parse(typed);
    }

    private static Integer participants(Object value, List<Violation> problems) {
        long n = -1;
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            n = number.longValue();
        } else if (value instanceof String s && s.trim().matches("\\d{1,7}")) {
            n = Long.parseLong(s.trim());
        }
        if (n < 0 || n > MAX_PARTICIPANTS) {
            problems.add(new Violation(CycleVariables.PARTICIPANTS, "R11",
                    "Oppgi antall deltakere som et helt tall fra 0 til " + MAX_PARTICIPANTS + "."));
            return null;
        }
        return (int) n;
    }
}
