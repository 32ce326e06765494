package no.kompetansemidler.models;

import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.testkit.ModelTest;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/** Both paths of the model registrer-privat-eier: registered, or refused with nothing left behind. */
@ModelTest
@Deployment(resources = {"bpmn/registrer-privat-eier.bpmn", "forms/registrer-privat-eier.form"})
class RegisterOwnerModelTest {

    static final Map<String, Object> OWNER = Map.of("organisasjonsnummer", "911111128", "navn", "Fjordbarnehagen AS",
            "eiertype", "PRIVAT_BARNEHAGEEIER", "embete", "vestland", "kontaktEpost", "post@fjord.example");

    @Test
    void a_caseworker_registers_an_owner_and_the_case_ends() {
        Mocks.register("registerPrivateOwnerDelegate", (JavaDelegate) execution ->
                execution.setProcessBusinessKey("eier-911111128"));

        ProcessInstance instance = runtimeService().startProcessInstanceByKey("registrer-privat-eier", OWNER);

        assertThat(instance).isEnded().hasPassedInOrder("StartEvent_OwnerSubmitted", "Task_RegisterOwner",
                "EndEvent_OwnerRegistered");
        org.assertj.core.api.Assertions.assertThat(historyService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult().getBusinessKey()).isEqualTo("eier-911111128");
    }

    @Test
    void a_refused_registration_leaves_no_case() {
        Mocks.register("registerPrivateOwnerDelegate", (JavaDelegate) execution -> {
            throw new ValidationException(List.of(new Violation("organisasjonsnummer", "ORGNR", "Ugyldig.")));
        });

        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("registrer-privat-eier", OWNER))
                .isInstanceOf(no.kompetansemidler.forms.Refusal.class);
        org.assertj.core.api.Assertions.assertThat(historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("registrer-privat-eier").count()).isZero();
    }
}
