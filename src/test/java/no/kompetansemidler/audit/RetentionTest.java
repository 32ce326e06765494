package no.kompetansemidler.audit;

import no.kompetansemidler.testkit.ModelTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** At start, the versions already deployed are brought in line with the retention parameter. */
@ModelTest
class RetentionTest {

    ProcessEngine engine;

    @Test
    void at_start_every_deployed_version_gets_the_chosen_years() {
        String deployment = engine.getRepositoryService().createDeployment().addModelInstance("eldre.bpmn",
                Bpmn.createExecutableProcess("eldre").camundaHistoryTimeToLive(1).startEvent().endEvent().done())
                .deploy().getId();
        try {
            RetentionAtStart atStart = new RetentionAtStart(new RetentionProperties(12), engine.getRepositoryService());

            assertThat(atStart.alignDeployedVersions()).isPositive();

            ProcessDefinition eldre = engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("eldre").singleResult();
            assertThat(eldre.getHistoryTimeToLive()).isEqualTo(12 * 366);
            assertThat(atStart.alignDeployedVersions()).as("nothing left to change").isZero();
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }
}
