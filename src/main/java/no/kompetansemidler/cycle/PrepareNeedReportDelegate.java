package no.kompetansemidler.cycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.identity.IdentityGroups;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.security.CaseAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Service task "Klargjør behovsmelding": the owner's name and group (which may read this case), who in this scheme
 * is to have taken part (R10, the scheme's {@code involvement}), and the UH
 * institutions to choose from in the form (a JSON list the form's select reads).
 */
@Component("prepareNeedReportDelegate")
class PrepareNeedReportDelegate implements JavaDelegate {

    private final MasterDataRepository masterData;
    private final CycleCollections collections;
    private final ObjectMapper json;
    private final CaseAccess caseAccess;
    private final no.kompetansemidler.funding.SchemeCatalogue schemes;

    PrepareNeedReportDelegate(MasterDataRepository masterData, CycleCollections collections, ObjectMapper json,
                              CaseAccess caseAccess, no.kompetansemidler.funding.SchemeCatalogue schemes) {
        this.schemes = schemes;
        this.masterData = masterData;
        this.collections = collections;
        this.json = json;
        this.caseAccess = caseAccess;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String owner = ProcessSupport.caseVariable(execution, CycleVariables.OWNER);
        execution.setVariable(CycleVariables.OWNER_NAME, collections.ownerName(owner));
        execution.setVariable(CycleVariables.INVOLVED, schemes.definition(no.kompetansemidler.domain.organisation.Scheme
                .valueOf(ProcessSupport.caseVariable(execution, CycleVariables.SCHEME))).involvement());
        String ownerGroup = IdentityGroups.owner(new OrganisationNumber(owner));
        execution.setVariable(CycleVariables.OWNER_GROUP, ownerGroup);
        caseAccess.owner(execution.getProcessInstanceId(), ownerGroup);
        List<Map<String, String>> options = masterData.uhInstitutions().stream()
                .map(uh -> Map.of("label", uh.name(), "value", uh.organisationNumber().value())).toList();
        execution.setVariable(CycleVariables.UH_OPTIONS, ProcessSupport.options(json, options));
    }
}
