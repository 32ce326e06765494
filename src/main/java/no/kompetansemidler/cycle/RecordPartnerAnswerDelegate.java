package no.kompetansemidler.cycle;

import no.kompetansemidler.application.ApplicationRepository;
import no.kompetansemidler.application.ApplicationRepository.UhAnswer;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * «Registrer svaret fra UH»: the UH partner confirms its measures of the application, or declines them with a
 * reason (R10). At the confirmation deadline («Registrer tiltak uten svar fra UH») the measures still waiting are
 * recorded as not confirmed. The answer's variables are removed afterwards, so that the next partner's form opens
 * empty.
 */
@Component("recordPartnerAnswerDelegate")
class RecordPartnerAnswerDelegate implements JavaDelegate {

    static final String ANSWER = "uhSvar";
    static final String REASON = "uhBegrunnelse";
    static final int MIN_REASON = 10;

    private final ApplicationRepository applications;
    private final Clock clock;

    RecordPartnerAnswerDelegate(ApplicationRepository applications, Clock clock) {
        this.applications = applications;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String cycleId = ProcessSupport.caseVariable(execution, CycleVariables.CYCLE_ID);
        String owner = ProcessSupport.caseVariable(execution, CycleVariables.OWNER);
        if ("Task_RecordUnconfirmed".equals(execution.getCurrentActivityId())) {
            applications.measures(cycleId, owner).stream().filter(m -> m.answer() == UhAnswer.VENTER)
                    .map(m -> m.plan().uhPartner()).distinct().forEach(partner -> applications.answer(cycleId, owner,
                            partner, UhAnswer.UBESVART, null, null, clock.instant()));
            return;
        }
        String partner = (String) execution.getVariable(PartnerTaskListener.PARTNER);
        String answer = (String) execution.getVariable(ANSWER);
        List<Violation> problems = new ArrayList<>();
        Object typed = execution.getVariable(REASON);
        String reason = null;
        if ("AVSLA".equals(answer)) {
            reason = FreeText.check(typed, REASON, "Begrunnelsen for avslaget (så eieren og forumet vet hva som mangler)",
                    MIN_REASON, "R10", problems);
        } else if (typed != null && !typed.toString().isBlank()) {
            reason = FreeText.check(typed, REASON, "Begrunnelsen", 1, "R10", problems);
        }
        if (!"AVSLA".equals(answer) && !"BEKREFT".equals(answer)) {
            problems.add(new Violation(ANSWER, "PÅKREVD", "Velg om dere bekrefter eller avslår partnerskapet."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        applications.answer(cycleId, owner, partner, "AVSLA".equals(answer) ? UhAnswer.AVSLATT : UhAnswer.BEKREFTET,
                reason, ProcessSupport.currentUser(execution),
                clock.instant());
        execution.removeVariable(ANSWER);
        execution.removeVariable(REASON);
    }
}
