package no.kompetansemidler.audit;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Objects;

/**
 * Makes every model's history time-to-live follow the retention choice: when a model is deployed (also a new
 * version from Camunda Modeler) and, at start, for the versions already deployed.
 */
@Component
@Order(40)
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionPlugin extends AbstractProcessEnginePlugin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RetentionPlugin.class);

    private final RetentionProperties retention;
    private final ObjectProvider<RepositoryService> repository;

    RetentionPlugin(RetentionProperties retention, ObjectProvider<RepositoryService> repository) {
        this.retention = retention;
        this.repository = repository;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.setHistoryTimeToLive(retention.days());
            }
        });
    }

    @Override
    public void run(ApplicationArguments args) {
        int updated = 0;
        for (ProcessDefinition definition : repository.getObject().createProcessDefinitionQuery().list()) {
            if (!Objects.equals(definition.getHistoryTimeToLive(), retention.days())) {
                repository.getObject().updateProcessDefinitionHistoryTimeToLive(definition.getId(), retention.days());
                updated++;
            }
        }
        log.info("Oppbevaring: sakshistorikk beholdes {} år ({} dager) etter at saken er avsluttet; {} modellversjoner"
                + " oppdatert", retention.caseHistoryYears(), retention.days(), updated);
    }
}
