package no.kompetansemidler.testkit;

import no.kompetansemidler.audit.RetentionProperties;
import no.kompetansemidler.engine.EnginePlugin;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

/**
 * The engine the model tests share in a JVM: in memory, without Spring, configured as the application configures
 * its engine (the project's {@link EnginePlugin}, JSON variables, full history, no Java serialization, authorization),
 * with no job executor (a test executes jobs itself). A test that acts as nobody is not checked. Delegates and beans in expressions come from {@link Mocks}. Each test's {@code @Deployment} is removed
 * after it, with its instances.
 */
public class ModelEngine extends ProcessEngineExtension implements BeforeEachCallback, AfterEachCallback {

    private static ProcessEngine shared;

    public ModelEngine() {
        setProcessEngine(shared());
    }

    public static synchronized ProcessEngine shared() {
        if (shared == null) {
            StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setProcessEngineName("modeller");
            configuration.setJdbcUrl("jdbc:h2:mem:modeller;DB_CLOSE_DELAY=-1");
            configuration.setHistory("full");
            configuration.setJobExecutorActivate(false);
            configuration.setExpressionManager(new MockExpressionManager());
            configuration.setJavaSerializationFormatEnabled(false);
            configuration.setDefaultSerializationFormat("application/json");
            configuration.setEnforceHistoryTimeToLive(true);
            // as application.yml: authorization on (it applies only when a test acts as someone), TASK_WORK for
            // candidates, history readable per case, and group ids with hyphens ("eier-964338531")
            configuration.setAuthorizationEnabled(true);
            configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
            configuration.setEnableHistoricInstancePermissions(true);
            configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
            configuration.setDbMetricsReporterActivate(false);
            configuration.setProcessEnginePlugins(List.of(new EnginePlugin(new RetentionProperties(10)),
                    new SpinProcessEnginePlugin()));
            shared = configuration.buildProcessEngine();
        }
        return shared;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        BpmnAwareTests.init(processEngine);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Mocks.reset();
        processEngine.getIdentityService().clearAuthentication();
        BpmnAwareTests.reset();
    }
}
