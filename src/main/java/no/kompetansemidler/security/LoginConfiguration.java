package no.kompetansemidler.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import no.kompetansemidler.domain.identity.Login;
import no.kompetansemidler.system.ErrorAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logins (docs/sikkerhet.md, «Innlogging»), on Spring Security: OpenID Connect for people through the configured
 * providers (the webapps, /revisjon and /api then share the login's session), and bearer tokens (JWT, checked against
 * the provider's keys, the issuer, the audience and the expiry) on /engine-rest, /api and /revisjon. Who a login is,
 * and which roles it gives, comes from {@link LoginMapper}; the engine's authorization then applies as to everyone.
 * Spring Security authorizes nothing itself here: the engine and the project's filters do, as before. Local users
 * (password) are found by the engine's own login and HTTP Basic, where that is switched on.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(LoginProperties.class)
class LoginConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LoginConfiguration.class);
    /** Where a person lands after logging in, when they did not come from a page. */
    static final String AFTER_LOGIN = "/camunda/app/tasklist/";
    static final String LOGIN_PAGE = "/innlogging";
    static final String LOGGED_OUT = "/innlogging/logget-ut";
    static final String REFUSED = "/innlogging/avvist";
    /** The session attribute that holds why a login was refused, for the page that says so. */
    static final String REFUSAL = LoginConfiguration.class.getName() + ".refusal";

    @Bean
    SecurityFilterChain security(HttpSecurity http, LoginProperties login, ProviderRegistrations clients,
                                 LoginMapper mapper, PersonDirectory directory) throws Exception {
        http.csrf(csrf -> csrf.disable()) // the webapps and /api have their own (X-XSRF-TOKEN); tokens need none
                .headers(headers -> headers.disable()) // the webapps' own header filter sets them (docs/sikkerhet.md)
                .httpBasic(basic -> basic.disable()) // local users' passwords are checked by the engine's login
                .formLogin(form -> form.disable())
                .anonymous(anonymous -> anonymous.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(LoginConfiguration::unauthorized))
                .logout(logout -> logout.logoutRequestMatcher(request -> "/logout".equals(request.getServletPath()))
                        .invalidateHttpSession(true).clearAuthentication(true)
                        .logoutSuccessHandler(loggedOut(clients)));
        if (!login.loginProviders().isEmpty()) {
            DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(clients,
                    "/oauth2/authorization");
            String details = login.getInnbyggere().getAuthorizationDetails();
            requests.setAuthorizationRequestCustomizer(request -> request.attributes(attributes -> {
                if ("innbyggere".equals(attributes.get(OAuth2ParameterNames.REGISTRATION_ID)) && !details.isBlank()) {
                    request.additionalParameters(parameters -> parameters.put("authorization_details", details));
                }
            }));
            SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler();
            landing.setDefaultTargetUrl(AFTER_LOGIN);
            http.oauth2Login(oauth -> oauth.loginPage(LOGIN_PAGE).clientRegistrationRepository(clients)
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(people(mapper, directory)))
                    .successHandler(landing)
                    .failureHandler((request, response, refused) -> {
                        request.getSession().setAttribute(REFUSAL, reason(refused));
                        response.sendRedirect(request.getContextPath() + REFUSED);
                    }));
        }
        Map<String, String> issuers = issuers(login);
        if (!issuers.isEmpty()) {
            http.oauth2ResourceServer(resource -> resource
                    .authenticationManagerResolver(tokens(issuers, login.getAudience(), mapper, directory))
                    .bearerTokenResolver(onlyForTheApis())
                    .authenticationEntryPoint(LoginConfiguration::unauthorized));
        }
        return http.build();
    }

    /** A request Spring Security's firewall refuses (e.g. an encoded NUL in the address): 400, not a server error. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return new HttpStatusRequestRejectedHandler(400);
    }

    @Bean
    ProviderRegistrations providerRegistrations(LoginProperties login) {
        return new ProviderRegistrations(login.loginProviders());
    }

    // --- people through OpenID Connect ---------------------------------------------------------------------------

    /** The login's claims through the rules: a person with roles (written to the directory), or no login at all. */
    static OAuth2UserService<OidcUserRequest, OidcUser> people(LoginMapper mapper, PersonDirectory directory) {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            Login.Outcome outcome = mapper.map(request.getClientRegistration().getRegistrationId(), user.getClaims());
            if (outcome instanceof Login.Refused refused) {
                log.info("Innlogging avvist ({}): {}", request.getClientRegistration().getRegistrationId(), refused.reason());
                throw new OAuth2AuthenticationException(new OAuth2Error("ingen_rolle", refused.reason(), null),
                        refused.reason());
            }
            Login.Person person = (Login.Person) outcome;
            directory.arrived(person);
            return new CurrentPerson.PersonOidcUser(user, person);
        };
    }

    private static String reason(AuthenticationException refused) {
        if (refused instanceof OAuth2AuthenticationException oauth && "ingen_rolle".equals(oauth.getError().getErrorCode())) {
            return oauth.getError().getDescription();
        }
        log.info("Innlogging feilet: {}", refused.getMessage());
        return "Innloggingen kunne ikke fullføres (" + (refused instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() : "ukjent feil") + "). Prøv igjen.";
    }

    /** After logout: from a provider's login, out at the provider too; then the page that says so. */
    private static LogoutSuccessHandler loggedOut(ProviderRegistrations registrations) {
        return (request, response, authentication) -> {
            if (authentication instanceof OAuth2AuthenticationToken) {
                OidcClientInitiatedLogoutSuccessHandler atProvider = new OidcClientInitiatedLogoutSuccessHandler(registrations);
                atProvider.setPostLogoutRedirectUri("{baseUrl}" + LOGGED_OUT);
                atProvider.onLogoutSuccess(request, response, authentication);
            } else {
                response.sendRedirect(request.getContextPath() + LOGGED_OUT);
            }
        };
    }

    /**
     * The providers people log in with, read from each provider's discovery document when first used (a provider
     * that is down at start does not stop the system).
     */
    static final class ProviderRegistrations implements ClientRegistrationRepository, Iterable<ClientRegistration> {
        private final Map<String, LoginProperties.Provider> providers = new LinkedHashMap<>();
        private final Map<String, ClientRegistration> read = new ConcurrentHashMap<>();

        ProviderRegistrations(List<LoginProperties.Provider> providers) {
            providers.forEach(provider -> this.providers.put(provider.id(), provider));
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            LoginProperties.Provider provider = providers.get(registrationId);
            if (provider == null) {
                return null;
            }
            return read.computeIfAbsent(registrationId, id -> ClientRegistrations.fromIssuerLocation(provider.getIssuerUri())
                    .registrationId(id)
                    .clientId(provider.getClientId())
                    .clientSecret(provider.getClientSecret())
                    .scope(List.of(provider.getScope().split("[ ,]+")))
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .clientName(provider.getNavn())
                    .build());
        }

        @Override
        public java.util.Iterator<ClientRegistration> iterator() {
            return providers.keySet().stream().map(this::findByRegistrationId).iterator();
        }

        /** The providers to offer on the login page: id and name, without contacting them. */
        Map<String, String> offered() {
            Map<String, String> offered = new LinkedHashMap<>();
            providers.forEach((id, provider) -> offered.put(id, provider.getNavn()));
            return offered;
        }
    }

    // --- bearer tokens ---------------------------------------------------------------------------------------------

    /** Issuer → which rules apply to its tokens. */
    static Map<String, String> issuers(LoginProperties login) {
        Map<String, String> issuers = new LinkedHashMap<>();
        login.loginProviders().forEach(provider -> issuers.put(provider.getIssuerUri(), provider.id()));
        if (login.getMaskinporten().isOn()) {
            issuers.put(login.getMaskinporten().getIssuerUri(), LoginMapper.MACHINES);
        }
        return issuers;
    }

    /**
     * One authentication manager per trusted issuer, each checking the signature (the issuer's keys), the issuer,
     * the expiry and the audience, then mapping the claims to a person; a token from any other issuer is refused.
     */
    static AuthenticationManagerResolver<HttpServletRequest> tokens(Map<String, String> issuers, String audience,
                                                                  LoginMapper mapper, PersonDirectory directory) {
        Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();
        return new JwtIssuerAuthenticationManagerResolver(issuer -> {
            String provider = issuers.get(issuer);
            if (provider == null) {
                return null;
            }
            return managers.computeIfAbsent(issuer, trusted -> {
                NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(trusted);
                decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(trusted),
                        audienceIs(audience)));
                JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
                tokens.setJwtAuthenticationConverter(jwt -> {
                    Login.Outcome outcome = mapper.map(provider, jwt.getClaims());
                    if (outcome instanceof Login.Refused refused) {
                        throw new RefusedToken(refused.reason());
                    }
                    Login.Person person = (Login.Person) outcome;
                    directory.arrived(person);
                    return new CurrentPerson.BearerPerson(person, jwt);
                });
                return tokens::authenticate;
            });
        });
    }

    static OAuth2TokenValidator<Jwt> audienceIs(String audience) {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Tokenet er ikke utstedt for"
                + " Kompetansemidler (aud må være «" + audience + "»).", null));
    }

    /** Tokens are taken on the APIs; the webapps use their session. */
    static BearerTokenResolver onlyForTheApis() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/engine-rest") || path.startsWith("/api/") || path.startsWith("/revisjon")
                    || path.startsWith("/actuator/") ? header.resolve(request) : null;
        };
    }

    /** A valid token that gives no role; the reason in Norwegian (an OAuth error description may only be ASCII). */
    static final class RefusedToken extends InvalidBearerTokenException {
        private final String reason;

        RefusedToken(String reason) {
            super("The token gives no role");
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /** 401 in the one error shape, saying in Norwegian what was wrong with the token, if there was one. */
    static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException problem)
            throws IOException {
        ErrorAnswer answer = ErrorAnswer.of(401);
        String bearer = request.getHeader("Authorization");
        if (bearer != null && bearer.regionMatches(true, 0, "Bearer ", 0, 7)) {
            answer = answer.withType("UgyldigToken").withMessage(tokenProblem(problem));
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        } else {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Kompetansemidler\", charset=\"UTF-8\"");
        }
        answer.logged(request.getMethod(), request.getRequestURI()).writeTo(response);
    }

    /** What a person can do about a refused token. */
    static String tokenProblem(AuthenticationException problem) {
        if (problem instanceof RefusedToken refused) {
            return refused.reason();
        }
        Throwable cause = problem == null ? null : problem.getCause();
        if (cause instanceof JwtValidationException invalid) {
            for (OAuth2Error error : invalid.getErrors()) {
                String description = String.valueOf(error.getDescription());
                if (description.startsWith("Tokenet")) {
                    return description;
                }
                if (description.contains("expired")) {
                    return "Tokenet er utløpt. Hent et nytt.";
                }
                if (description.contains("nbf") || description.contains("before")) {
                    return "Tokenet gjelder ikke ennå (nbf).";
                }
                if (description.contains("iss")) {
                    return "Tokenet er utstedt av en annen enn den det sier (iss).";
                }
            }
        }
        String message = problem == null ? "" : String.valueOf(problem.getMessage());
        if (message.contains("issuer") || message.contains("Invalid issuer")) {
            return "Tokenet er utstedt av en utsteder Kompetansemidler ikke stoler på.";
        }
        if (message.contains("signature") || message.contains("Signed JWT rejected")) {
            return "Tokenets signatur stemmer ikke med utstederens nøkler.";
        }
        return "Tokenet kan ikke brukes: send et gyldig tilgangstoken (JWT) fra en av utstederne i docs/sikkerhet.md.";
    }
}
