package no.kompetansemidler.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * /engine-rest requires HTTP Basic authentication against Camunda's identity service on every path (Camunda's filter
 * lets the list of engines, /engine-rest/engine, through without it), and every call runs as that user, so that
 * authorization and the user operation log apply. Without credentials: 401.
 */
@Configuration
class RestAuthentication {

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new LoginOnEveryPath());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ApiAuthenticationFilter filter) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("api-authentication");
        registration.addUrlPatterns("/api/*", "/revisjon", "/revisjon/*", "/actuator/prometheus", "/actuator/metrics",
                "/actuator/metrics/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Camunda's authentication filter, without its exception for the list of engines. */
    static final class LoginOnEveryPath extends ProcessEngineAuthenticationFilter {
        @Override
        protected boolean requiresEngineAuthentication(String requestUrl) {
            return true;
        }
    }
}
