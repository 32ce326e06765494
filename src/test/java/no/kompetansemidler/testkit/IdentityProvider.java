package no.kompetansemidler.testkit;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real OpenID Connect provider over HTTP in the test JVM: Spring Authorization Server in an application context
 * of its own (no engine in it), with an issuer per kind of login on one host: {@code ansatte} (the staff, like Entra
 * ID), {@code innbyggere} (ID-porten/Ansattporten) and {@code maskinporten}. A person logs in on its login page with
 * a user name and password; what the provider then vouches for in the ID token is what the test registered for that
 * user ({@link #person}). Bearer tokens are signed with the provider's own key ({@link #token}), also for an issuer
 * the system does not trust ({@code fremmed}). Started once per JVM; {@link Initializer} points the application at
 * it. Addresses use 127.0.0.1: the provider, as OAuth 2.1 asks, takes no redirect to "localhost".
 */
public final class IdentityProvider {

    public static final String STAFF = "ansatte";
    public static final String CITIZENS = "innbyggere";
    public static final String MACHINES = "maskinporten";
    public static final String STRANGER = "fremmed";
    public static final String CLIENT_ID = "kompetansemidler";
    public static final String CLIENT_SECRET = "hemmelig-klient";
    public static final String PASSWORD = "passord";
    /** The audience the application requires of bearer tokens. */
    public static final String AUDIENCE = "kompetansemidler";
    /** Udir's organisation number: the integration that starts cycles, configured to act as Vestland's caseworkers. */
    public static final String UDIR = "970018131";
    /** An Entra group object id the configuration maps to Vestland's caseworkers. */
    public static final String ENTRA_VESTLAND = "9d1c3a52-7b1e-4c49-a3c6-vestland";
    /** The national identity number the provider vouches for in every citizen's login: never shown or logged. */
    public static final String PID = "24014021406";

    private static final Map<String, Map<String, Object>> PEOPLE = new ConcurrentHashMap<>();
    /** The applications (scheme, host and port) that may be redirected to after login and logout. */
    private static final Set<String> APPLICATIONS = ConcurrentHashMap.newKeySet();
    private static RSAKey key;
    private static String base;

    private IdentityProvider() {
    }

    /** The provider's address, started on first use. */
    public static synchronized String base() {
        if (base == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                        .keyID(UUID.randomUUID().toString()).build();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            ConfigurableApplicationContext provider = new SpringApplicationBuilder(Provider.class)
                    .web(WebApplicationType.SERVLET)
                    .properties("server.port=0", "spring.main.banner-mode=off", "spring.main.log-startup-info=false",
                            "spring.jmx.enabled=false", "server.servlet.session.cookie.name=IDPSESSION")
                    .run();
            int port = ((WebServerApplicationContext) provider).getWebServer().getPort();
            base = "http://127.0.0.1:" + port;
            Runtime.getRuntime().addShutdownHook(new Thread(provider::close));
        }
        return base;
    }

    public static String issuer(String id) {
        return base() + "/" + id;
    }

    /** Lets the application at this address be redirected to after login and logout, e.g. "http://127.0.0.1:8080". */
    public static void allow(String application) {
        APPLICATIONS.add(application);
    }

    /** Registers a person who can log in with {@link #PASSWORD}, and the claims the provider vouches for. */
    public static String person(String username, Map<String, Object> claims) {
        PEOPLE.put(username, Map.copyOf(claims));
        return username;
    }

    /** A signed token from the issuer, for the subject, with the claims, valid for the seconds given (negative: expired). */
    public static String token(String issuer, String subject, String audience, Map<String, Object> claims, long seconds) {
        base();
        Instant now = Instant.now();
        JwtClaimsSet.Builder set = JwtClaimsSet.builder().issuer(issuer(issuer)).subject(subject)
                .issuedAt(seconds < 0 ? now.plusSeconds(seconds * 2) : now).expiresAt(now.plusSeconds(seconds))
                .id(UUID.randomUUID().toString());
        if (audience != null) {
            set.audience(List.of(audience));
        }
        claims.forEach(set::claim);
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build(), set.build())).getTokenValue();
    }

    public static String token(String issuer, String subject, Map<String, Object> claims) {
        return token(issuer, subject, AUDIENCE, claims, 3600);
    }

    // --- the claims each kind of person brings ------------------------------------------------------------------

    /** A member of the staff with groups (our group ids, or Entra's object ids mapped in the configuration). */
    public static Map<String, Object> staff(String user, String name, String... groups) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("preferred_username", user);
        claims.put("name", name);
        claims.put("groups", List.of(groups));
        return claims;
    }

    /** A person from ID-porten/Ansattporten at a level, acting for the organisations (Altinn's reportees). */
    public static Map<String, Object> citizen(String name, String level, String... organisations) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("acr", level);
        claims.put("name", name);
        claims.put("pid", PID);
        if (organisations.length > 0) {
            claims.put("authorization_details", List.of(Map.of("type", "ansattporten:altinn:service",
                    "resource", "urn:altinn:resource:kompetansemidler",
                    "reportees", java.util.Arrays.stream(organisations).map(o -> Map.of("Rights", List.of("Read", "Write"),
                            "Authority", "iso6523-actorid-upis", "ID", "0192:" + o, "Name", "Organisasjon " + o)).toList())));
        }
        return claims;
    }

    /** Maskinporten: an organisation's integration with the scope. */
    public static Map<String, Object> machine(String organisation, String scope) {
        return Map.of("scope", scope, "consumer", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:" + organisation));
    }

    /** The application's settings for this provider: both login providers, Maskinporten, and local users still on. */
    public static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String provider : List.of(STAFF, CITIZENS)) {
            settings.put("kompetansemidler.innlogging." + provider + ".issuer-uri", issuer(provider));
            settings.put("kompetansemidler.innlogging." + provider + ".client-id", CLIENT_ID);
            settings.put("kompetansemidler.innlogging." + provider + ".client-secret", CLIENT_SECRET);
        }
        settings.put("kompetansemidler.innlogging.ansatte.grupper." + ENTRA_VESTLAND, "saksbehandler-vestland");
        settings.put("kompetansemidler.innlogging.innbyggere.sikkerhetsniva", "idporten-loa-substantial");
        settings.put("kompetansemidler.innlogging.maskinporten.issuer-uri", issuer(MACHINES));
        settings.put("kompetansemidler.innlogging.maskinporten.klienter." + UDIR + ".bruker", "integrasjon-udir");
        settings.put("kompetansemidler.innlogging.maskinporten.klienter." + UDIR + ".navn", "Udirs tildelingsbrev-integrasjon");
        settings.put("kompetansemidler.innlogging.maskinporten.klienter." + UDIR + ".grupper[0]", "saksbehandler-vestland");
        settings.put("kompetansemidler.innlogging.audience", AUDIENCE);
        return settings;
    }

    /** Points the application at the provider (started first). */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(settings()).applyTo(context);
        }
    }

    // --- the provider ------------------------------------------------------------------------------------------------

    /**
     * Spring Authorization Server: one host, an issuer per path, a login form, the registered people's claims. Not a
     * {@code @Configuration}: the application's component scan, which reaches the test classes, must not find it.
     */
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class})
    static class Provider {

        @Bean
        @Order(1)
        SecurityFilterChain protocol(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService people() {
            return username -> {
                if (!PEOPLE.containsKey(username)) {
                    throw new UsernameNotFoundException(username);
                }
                return User.withUsername(username).password("{noop}" + PASSWORD).roles("PERSON").build();
            };
        }

        /** The application's client; its addresses are those of the applications the tests started. */
        @Bean
        RegisteredClientRepository clients() {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient client) {
                }

                @Override
                public RegisteredClient findById(String id) {
                    return CLIENT_ID.equals(id) ? client() : null;
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return CLIENT_ID.equals(clientId) ? client() : null;
                }
            };
        }

        static RegisteredClient client() {
            RegisteredClient.Builder client = RegisteredClient.withId(CLIENT_ID).clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build());
            for (String application : APPLICATIONS) {
                client.redirectUri(application + "/login/oauth2/code/" + STAFF)
                        .redirectUri(application + "/login/oauth2/code/" + CITIZENS)
                        .postLogoutRedirectUri(application + "/innlogging/logget-ut");
            }
            if (APPLICATIONS.isEmpty()) {
                client.redirectUri("http://127.0.0.1/login/oauth2/code/" + STAFF);
            }
            return client.build();
        }

        @Bean
        JWKSource<SecurityContext> keys() {
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** For the provider's own user info endpoint. */
        @Bean
        org.springframework.security.oauth2.jwt.JwtDecoder tokens(JWKSource<SecurityContext> keys) {
            return org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration
                    .OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().multipleIssuersAllowed(true).build();
        }

        /** What the provider vouches for: the claims registered for the person, in the ID token. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                Map<String, Object> claims = PEOPLE.get(context.getPrincipal().getName());
                if (claims != null && "id_token".equals(context.getTokenType().getValue())) {
                    context.getClaims().claims(all -> all.putAll(claims));
                }
            };
        }
    }
}
