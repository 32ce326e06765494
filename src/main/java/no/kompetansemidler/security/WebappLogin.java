package no.kompetansemidler.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import no.kompetansemidler.domain.identity.Login;
import no.kompetansemidler.system.ErrorAnswer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The webapps (Tasklist, Cockpit, Admin) follow the login: a person logged in through an identity provider is the
 * webapps' authenticated user in the same session, with the roles the login gave; logging out of the webapps ends
 * the whole session, so the login does not log them in again. Where local users are off, the webapps' own
 * password login is refused.
 */
@Configuration
class WebappLogin {

    private static final Pattern PASSWORD_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+$");
    private static final Pattern LOGOUT = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/logout$");

    @Bean
    FilterRegistrationBean<Bridge> webappLoginBridge(ObjectProvider<ProcessEngine> engine, LoginProperties login) {
        FilterRegistrationBean<Bridge> registration = new FilterRegistrationBean<>(new Bridge(engine, login));
        registration.setName("webapp-login");
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(RestAuthentication.ORDER);
        return registration;
    }

    static final class Bridge extends OncePerRequestFilter {
        private final ObjectProvider<ProcessEngine> engine;
        private final LoginProperties login;

        Bridge(ObjectProvider<ProcessEngine> engine, LoginProperties login) {
            this.engine = engine;
            this.login = login;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!login.isLokaleBrukere() && "POST".equals(request.getMethod()) && PASSWORD_LOGIN.matcher(path).matches()) {
                ErrorAnswer.of(403).withType("PassordSlaattAv").withMessage("Innlogging med brukernavn og passord er"
                        + " slått av. Logg inn gjennom innloggingstjenesten: /innlogging.")
                        .logged(request.getMethod(), path).writeTo(response);
                return;
            }
            CurrentPerson.loggedIn().ifPresent(person -> follow(request.getSession(), person));
            chain.doFilter(request, response);
            if (LOGOUT.matcher(path).matches() && CurrentPerson.loggedIn().isPresent()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }

        /** The webapps' authentication for the person, in the session, unless it is there already. */
        private void follow(HttpSession session, Login.Person person) {
            ProcessEngine processEngine = engine.getObject();
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            Authentication existing = authentications.getAuthenticationForProcessEngine(processEngine.getName());
            if (existing != null && existing.getIdentityId().equals(person.userId())) {
                return;
            }
            UserAuthentication authentication = AuthenticationUtil.createAuthentication(processEngine, person.userId(),
                    List.copyOf(person.groups()), List.of());
            if (authentication != null) {
                authentications.addOrReplace(authentication);
                AuthenticationUtil.updateSession(session, authentications);
            }
        }
    }
}
