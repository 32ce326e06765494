package no.kompetansemidler.funding;

import no.kompetansemidler.domain.funding.Outcome;
import no.kompetansemidler.domain.funding.SchemeRules;
import no.kompetansemidler.domain.validation.Texts;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import java.util.List;
import java.util.stream.Collectors;

/** Writes breaches to the process for the correction task's form, and raises the BPMN error a model routes on. */
final class BreachReport {

    private BreachReport() {
    }

    /** One line per breach: "R1 Egenfinansiering: Bergen kommune (964338531) bidrar …". */
    static String text(List<Outcome.Rejected> breaches) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < breaches.size(); i++) {
            Outcome.Rejected b = breaches.get(i);
            String line = b.rule().name() + " " + b.rule().title() + ": " + b.reason() + "\n";
            // the form shows one text variable; the full list stays in km_rule_breach
            if (text.length() + line.length() > Texts.MAX_LIST_LENGTH) {
                text.append("… og ").append(breaches.size() - i).append(" regelbrudd til.");
                break;
            }
            text.append(line);
        }
        return text.toString().strip();
    }

    static String rules(List<Outcome.Rejected> breaches) {
        return breaches.stream().map(b -> b.rule().name()).distinct().collect(Collectors.joining(","));
    }

    /** The rule parameters a check used, recorded with the check for the audit trail. */
    static String parameters(SchemeRules rules) {
        return "ordning=" + rules.scheme() + "; R1 egenandel=" + rules.coFinancingRate().format()
                + "; R3 tredjepartstak=" + rules.thirdPartyCap().format() + "; R14 maks år=" + rules.maxMeasureYears()
                + "; R15 ubrukte midler=" + rules.unusedMoney().displayName();
    }

    /** Sets the breach variables; when there are breaches, throws the BPMN error after them. */
    static void publish(DelegateExecution execution, List<Outcome.Rejected> breaches) {
        execution.setVariable(FundingVariables.BREACH_COUNT, breaches.size());
        execution.setVariable(FundingVariables.BREACH_RULES, rules(breaches));
        execution.setVariable(FundingVariables.BREACH_TEXT, text(breaches));
        if (!breaches.isEmpty()) {
            throw new BpmnError(FundingVariables.BREACH_ERROR_CODE,
                    breaches.size() + " regelbrudd (" + rules(breaches) + ")");
        }
    }
}
