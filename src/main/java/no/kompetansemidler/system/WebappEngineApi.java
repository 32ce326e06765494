package no.kompetansemidler.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The webapps' engine API (/camunda/api/engine/..., what Tasklist talks to) as the Camunda webapps register it, with
 * the project's error answers and strict JSON added ({@link RestErrors}): a refused form submission in Tasklist is a
 * 400 with every violation, not a 500 with a stack trace in the log. Registered under the webapps' own servlet name
 * before they register theirs, which they then leave as it is.
 */
@Configuration
class WebappEngineApi {

    /** The name the Camunda webapps register their engine API under (CamundaBpmWebappInitializer). */
    static final String SERVLET_NAME = "Engine Api";

    @Bean
    ServletRegistrationBean<ServletContainer> webappEngineApiServlet(ObjectProvider<ProcessEngine> engine,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
        ResourceConfig config = ResourceConfig.forApplication(new EngineRestApplication())
                .register(RestErrors.feature(engine::getObject));
        ServletRegistrationBean<ServletContainer> registration =
                new ServletRegistrationBean<>(new ServletContainer(config), applicationPath + "/api/engine/*");
        registration.setName(SERVLET_NAME);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
