package no.kompetansemidler.cycle;

import no.kompetansemidler.application.ApplicationRepository;
import no.kompetansemidler.application.ApplicationRepository.StoredMeasure;
import no.kompetansemidler.application.MeasureTexts;
import no.kompetansemidler.domain.application.Goal;
import no.kompetansemidler.domain.application.TargetGroup;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Collectors;

/**
 * «Bekreft partnerskap» opens: the task shows the UH partner the measures of the application it is partner in
 * ({@value #MEASURES}), each with its years, money, goals, target groups and participants.
 */
@Component("partnerTaskListener")
class PartnerTaskListener implements TaskListener {

    static final String MEASURES = "uhTiltak";
    /** The UH partner of the instance, the multi-instance's element variable. */
    static final String PARTNER = "uh";

    private final ApplicationRepository applications;

    PartnerTaskListener(ApplicationRepository applications) {
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        String cycleId = (String) task.getVariable(CycleVariables.CYCLE_ID);
        String owner = (String) task.getVariable(CycleVariables.OWNER);
        String partner = (String) task.getVariable(PARTNER);
        List<StoredMeasure> measures = applications.measures(cycleId, owner).stream()
                .filter(m -> m.plan().uhPartner().equals(partner)).toList();
        task.setVariableLocal(MEASURES, measures.stream().map(PartnerTaskListener::describe)
                .collect(Collectors.joining("\n\n")));
    }

    /** One measure as the UH partner and the caseworker read it. */
    static String describe(StoredMeasure m) {
        return "Tiltak " + m.position() + ": " + m.plan().title() + "\n"
                + "Beløp per år: " + MeasureTexts.perYear(m, ", ") + " (til sammen " + m.plan().total().format() + ")\n"
                + "Mål: " + m.plan().goals().stream().sorted().map(Goal::displayName).collect(Collectors.joining("; ")) + "\n"
                + "Målgrupper: " + m.plan().targetGroups().stream().sorted().map(TargetGroup::displayName)
                .collect(Collectors.joining(", ")) + "\n"
                + "Deltakere: omtrent " + m.plan().participants() + "; egenfinansiering " + m.plan().coFinancing().format()
                + (m.plan().salary().isPositive() ? " (herav lønn/frikjøp " + m.plan().salary().format() + ")" : "")
                + (m.plan().coordinator().isPositive() ? "; koordinator " + m.plan().coordinator().format() : "")
                + (m.plan().thirdParty() ? "; UH bruker en tredjepart (R3)" : "");
    }
}
