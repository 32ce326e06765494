package no.kompetansemidler.cycle;

import no.kompetansemidler.application.ApplicationRepository;
import no.kompetansemidler.application.MeasureTexts;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.domain.validation.Texts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Sammenstill behovsmeldingene": what the forum is prepared with, read-only in the caseworker's form. */
@Component("summariseNeedReportsDelegate")
class SummariseNeedReportsDelegate implements JavaDelegate {

    private final CycleRepository cycles;
    private final CycleCollections collections;
    private final ApplicationRepository applications;
    private final MasterDataRepository masterData;
    private final no.kompetansemidler.funding.SchemeCatalogue schemes;

    SummariseNeedReportsDelegate(CycleRepository cycles, CycleCollections collections, ApplicationRepository applications,
                                 MasterDataRepository masterData, no.kompetansemidler.funding.SchemeCatalogue schemes) {
        this.schemes = schemes;
        this.cycles = cycles;
        this.collections = collections;
        this.applications = applications;
        this.masterData = masterData;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String cycleId = ProcessSupport.caseVariable(execution, CycleVariables.CYCLE_ID);
        var reports = cycles.needReports(cycleId);
        var nonParticipants = cycles.nonParticipants(cycleId);
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        int year = cycle.year();
        var scheme = schemes.definition(cycle.scheme());
        execution.setVariable(CycleVariables.FORUM_MEMBERS, "Samarbeidsforumet i " + scheme.name() + ": "
                + String.join(", ", scheme.forumMembers()) + ". " + cycle.office().displayName()
                + " er sekretariat og har ikke stemme.");
        java.util.Map<String, java.util.List<ApplicationRepository.StoredMeasure>> measures = new java.util.HashMap<>();
        applications.measures(cycleId).forEach(m -> measures.computeIfAbsent(m.organisationNumber(),
                o -> new java.util.ArrayList<>()).add(m));
        StringBuilder text = new StringBuilder(reports.size() + " behovsmeldinger, " + nonParticipants.size()
                + " eiere deltar ikke.\n");
        for (var r : reports) {
            text.append("\n• ").append(Texts.displayable(collections.ownerName(r.organisationNumber()))).append(" (")
                    .append(r.organisationNumber()).append("), UH-partner ").append(r.uhPartner()).append(": ")
                    .append(Texts.displayable(r.needs()).replaceAll("\\s+", " "));
            measures.getOrDefault(r.organisationNumber(), java.util.List.of()).forEach(m -> text.append("\n   ")
                    .append(Texts.displayable(MeasureTexts.applied(m, year, masterData.uhInstitutionName(m.plan().uhPartner())))));
        }
        for (String o : nonParticipants) {
            text.append("\n• ").append(Texts.displayable(collections.ownerName(o))).append(" (").append(o)
                    .append("): deltar ikke (R5)");
        }
        String summary = text.toString();
        if (summary.length() > Texts.MAX_LIST_LENGTH) {
            summary = summary.substring(0, Texts.MAX_LIST_LENGTH - 40) + "\n… (hele listen i behovsmeldingene)";
        }
        execution.setVariable(CycleVariables.NEED_REPORT_SUMMARY, summary);
    }

}
