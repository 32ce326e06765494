package no.kompetansemidler.audit;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * Makes every model's history time-to-live follow the retention choice. A model deployed from now on gets it when
 * it is parsed (engine.EnginePlugin); at start, the versions already deployed are brought in line here.
 */
@Component
@Order(40)
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionAtStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RetentionAtStart.class);

    private final RetentionProperties retention;
    private final RepositoryService repository;

    RetentionAtStart(RetentionProperties retention, RepositoryService repository) {
        this.retention = retention;
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("Oppbevaring: sakshistorikk beholdes {} år ({} dager) etter at saken er avsluttet; {} modellversjoner"
                + " oppdatert", retention.caseHistoryYears(), retention.days(), alignDeployedVersions());
    }

    /** Sets the retention on every deployed version that has another; returns how many changed. */
    int alignDeployedVersions() {
        int updated = 0;
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            if (!Objects.equals(definition.getHistoryTimeToLive(), retention.days())) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), retention.days());
                updated++;
            }
        }
        return updated;
    }
}
