package no.kompetansemidler.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The project's own endpoints (/api/*, /revisjon) require a person: one an identity provider vouched for (a login
 * through OpenID Connect, kept in the session, or a bearer token; {@link CurrentPerson}), the Camunda webapps'
 * session (a link opened from Tasklist), or, where local users are on, HTTP Basic against the identity service
 * (throttled like every login). Without one: 401; a browser is sent to the login page when there is a provider to
 * log in with. The metrics (/actuator/prometheus, /actuator/metrics) are for administrators only: anyone else gets
 * 403.
 */
@Component
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final LoginProperties login;

    ApiAuthenticationFilter(IdentityService identityService, LoginProperties login) {
        this.identityService = identityService;
        this.login = login;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        java.util.Optional<no.kompetansemidler.domain.identity.Login.Person> person = CurrentPerson.get();
        String userId = person.map(no.kompetansemidler.domain.identity.Login.Person::userId).orElseGet(() -> fromSession(request));
        if (userId == null && login.isLokaleBrukere()) {
            userId = fromBasic(request);
        }
        if (userId == null) {
            String accept = String.valueOf(request.getHeader("Accept"));
            if (!login.loginProviders().isEmpty() && "GET".equals(request.getMethod()) && accept.contains("text/html")) {
                // a person in a browser: to the login page, and back here afterwards
                new org.springframework.security.web.savedrequest.HttpSessionRequestCache().saveRequest(request, response);
                response.sendRedirect(request.getContextPath() + LoginConfiguration.LOGIN_PAGE);
                return;
            }
            if ("GET".equals(request.getMethod()) && accept.contains("text/html")) {
                // a person in a browser: no Basic challenge (the browser's own password box), but the way to log in
                response.setHeader("WWW-Authenticate", "Bearer");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\" />"
                        + "<title>Logg inn</title></head><body style=\"font-family:sans-serif;margin:2em\">"
                        + "<h1>Logg inn først</h1><p>Siden bruker samme innlogging som Tasklist. Logg inn i"
                        + " <a href=\"/camunda/app/tasklist/default/\">Tasklist</a>, og åpne siden igjen (lenkene"
                        + " nederst i Tasklist og i oversikten over syklusene fører hit).</p></body></html>");
                return;
            }
            // a page of ours asking (X-Requested-With) gets no Basic challenge: the browser would ask for a password
            response.setHeader("WWW-Authenticate", login.isLokaleBrukere() && request.getHeader("X-Requested-With") == null
                    ? "Basic realm=\"Kompetansemidler\", charset=\"UTF-8\"" : "Bearer");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String who = userId;
        Set<String> groups = person.map(p -> (Set<String>) new java.util.HashSet<>(p.groups())).orElseGet(() ->
                identityService.createGroupQuery().groupMember(who).list().stream().map(Group::getId)
                        .collect(Collectors.toSet()));
        if (request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")
                && !groups.contains(no.kompetansemidler.identity.IdentityGroups.ADMINISTRATORS)) {
            // metrics are for operations: administrators only
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        request.setAttribute(ApiUser.REQUEST_ATTRIBUTE, new ApiUser(userId, groups));
        // the engine calls the endpoint makes run as this person: authorization and the user operation log apply
        identityService.setAuthentication(userId, List.copyOf(groups));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static String fromSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return null;
        }
        return authentications.getAuthentications().stream()
                .filter(a -> a instanceof UserAuthentication).map(a -> a.getIdentityId()).findFirst().orElse(null);
    }

    private String fromBasic(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        return identityService.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
    }
}
