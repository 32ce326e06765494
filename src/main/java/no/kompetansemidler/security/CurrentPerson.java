package no.kompetansemidler.security;

import no.kompetansemidler.domain.identity.Login;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Optional;

/**
 * The person an identity provider vouched for in this request: logged in through OpenID Connect (kept in the
 * session), or by a bearer token (this request only). Empty for local users and anonymous requests; they are found
 * by the engine's own login (password) instead.
 */
public final class CurrentPerson {

    private CurrentPerson() {
    }

    public static Optional<Login.Person> get() {
        return loggedIn().or(() -> SecurityContextHolder.getContext().getAuthentication() instanceof BearerPerson bearer
                ? Optional.of(bearer.person()) : Optional.empty());
    }

    /** The person logged in through OpenID Connect (not by a token): the webapps' session follows this login. */
    public static Optional<Login.Person> loggedIn() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken login
                && login.getPrincipal() instanceof PersonOidcUser user ? Optional.of(user.person()) : Optional.empty();
    }

    /** A person logged in through OpenID Connect, with the roles the login gave. */
    static final class PersonOidcUser extends DefaultOidcUser {
        private final Login.Person person;

        PersonOidcUser(OidcUser user, Login.Person person) {
            super(person.groups().stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList(),
                    user.getIdToken(), user.getUserInfo());
            this.person = person;
        }

        Login.Person person() {
            return person;
        }

        @Override
        public String getName() {
            return person.userId();
        }
    }

    /** A person or an integration with a bearer token (JWT), with the roles the token gave. */
    static final class BearerPerson extends AbstractAuthenticationToken {
        private final Login.Person person;
        private final transient Jwt token;

        BearerPerson(Login.Person person, Jwt token) {
            super(person.groups().stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList());
            this.person = person;
            this.token = token;
            setAuthenticated(true);
        }

        Login.Person person() {
            return person;
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return person.userId();
        }
    }
}
