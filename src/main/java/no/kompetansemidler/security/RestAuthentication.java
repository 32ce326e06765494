package no.kompetansemidler.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import no.kompetansemidler.domain.identity.Login;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Optional;

/**
 * /engine-rest requires a login on every path (Camunda's filter lets the list of engines, /engine-rest/engine,
 * through without it), and every call runs as that person, so that authorization and the user operation log apply:
 * a bearer token from a trusted provider (checked by Spring Security before this filter, {@link LoginConfiguration}),
 * or HTTP Basic against the engine's own users where local users are switched on. Without either: 401.
 */
@Configuration
class RestAuthentication {

    /** After Spring Security, which reads the bearer token. */
    static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 10;

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication(LoginProperties login) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new LoginOnEveryPath());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", PersonOrPassword.class.getName());
        registration.addInitParameter(PersonOrPassword.LOCAL_USERS, String.valueOf(login.isLokaleBrukere()));
        registration.setOrder(ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ApiAuthenticationFilter filter) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("api-authentication");
        registration.addUrlPatterns("/api/*", "/revisjon", "/revisjon/*", "/actuator/prometheus", "/actuator/metrics",
                "/actuator/metrics/*");
        registration.setOrder(ORDER);
        return registration;
    }

    /** Camunda's authentication filter, without its exception for the list of engines. */
    static final class LoginOnEveryPath extends ProcessEngineAuthenticationFilter {
        @Override
        public void init(FilterConfig config) throws ServletException {
            super.init(config);
            ((PersonOrPassword) authenticationProvider).localUsers =
                    Boolean.parseBoolean(config.getInitParameter(PersonOrPassword.LOCAL_USERS));
        }

        @Override
        protected boolean requiresEngineAuthentication(String requestUrl) {
            return true;
        }
    }

    /** The person a token vouched for, with the token's roles; else a local user's password, where allowed. */
    public static final class PersonOrPassword implements AuthenticationProvider {
        static final String LOCAL_USERS = "lokale-brukere";
        private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();
        volatile boolean localUsers = true;

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Optional<Login.Person> person = CurrentPerson.get();
            if (person.isPresent()) {
                AuthenticationResult result = AuthenticationResult.successful(person.get().userId());
                result.setGroups(List.copyOf(person.get().groups()));
                result.setTenants(List.of());
                return result;
            }
            return localUsers ? basic.extractAuthenticatedUser(request, engine) : AuthenticationResult.unsuccessful();
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            if (localUsers) {
                basic.augmentResponseByAuthenticationChallenge(response, engine);
            } else {
                response.setHeader("WWW-Authenticate", "Bearer");
            }
        }
    }
}
