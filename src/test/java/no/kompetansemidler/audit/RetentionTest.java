package no.kompetansemidler.audit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every model's history time-to-live follows the retention parameter; cleanup runs outside office hours. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kompetansemidler.retention.case-history-years=12")
class RetentionTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void every_model_keeps_history_for_the_chosen_years() {
        var definitions = engine.getRepositoryService().createProcessDefinitionQuery().list();
        assertThat(definitions).hasSizeGreaterThanOrEqualTo(5);
        assertThat(definitions).extracting(ProcessDefinition::getHistoryTimeToLive).containsOnly(12 * 366);
    }

    @Test
    void history_cleanup_is_scheduled_outside_office_hours() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(engine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty();
    }
}
