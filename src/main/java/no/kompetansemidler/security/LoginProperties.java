package no.kompetansemidler.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How people and integrations log in (docs/sikkerhet.md, «Innlogging»): local users (the demo's, and an
 * administrator) with password, and OpenID Connect providers side by side: the staff's ({@code ansatte}, e.g. Entra
 * ID) and the people acting for a municipality, an owner or a UH institution ({@code innbyggere}, ID-porten or
 * Ansattporten); bearer tokens from these and from Maskinporten ({@code maskinporten}) on /engine-rest and /api.
 * A provider without an issuer is off.
 */
@ConfigurationProperties(prefix = "kompetansemidler.innlogging")
public class LoginProperties {

    /** Users in the engine's own tables, with password: Tasklist's login form and HTTP Basic. */
    private boolean lokaleBrukere = true;
    /** The audience ({@code aud}) every bearer token must be issued for. */
    private String audience = "kompetansemidler";
    private Staff ansatte = new Staff();
    private Citizens innbyggere = new Citizens();
    private Machines maskinporten = new Machines();

    public boolean isLokaleBrukere() {
        return lokaleBrukere;
    }

    public void setLokaleBrukere(boolean lokaleBrukere) {
        this.lokaleBrukere = lokaleBrukere;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public Staff getAnsatte() {
        return ansatte;
    }

    public void setAnsatte(Staff ansatte) {
        this.ansatte = ansatte;
    }

    public Citizens getInnbyggere() {
        return innbyggere;
    }

    public void setInnbyggere(Citizens innbyggere) {
        this.innbyggere = innbyggere;
    }

    public Machines getMaskinporten() {
        return maskinporten;
    }

    public void setMaskinporten(Machines maskinporten) {
        this.maskinporten = maskinporten;
    }

    /** Whether anyone can log in at all: local users, or a provider, or an integration's issuer. */
    public boolean anyLogin() {
        return lokaleBrukere || !loginProviders().isEmpty() || maskinporten.isOn();
    }

    /** The providers people log in with, those configured. */
    public List<Provider> loginProviders() {
        return java.util.stream.Stream.of(ansatte, innbyggere).filter(Provider::isOn).toList();
    }

    /** An issuer of tokens: where it is, and the scope asked for; off without an issuer. */
    public abstract static class Issuer {
        private String issuerUri = "";
        private String scope;

        Issuer(String scope) {
            this.scope = scope;
        }

        public boolean isOn() {
            return issuerUri != null && !issuerUri.isBlank();
        }

        public String getIssuerUri() {
            return issuerUri;
        }

        public void setIssuerUri(String issuerUri) {
            this.issuerUri = issuerUri;
        }

        public String getScope() {
            return scope;
        }

        public void setScope(String scope) {
            this.scope = scope;
        }
    }

    /** One OpenID Connect provider people log in with: this system's client there, and the name on the button. */
    public abstract static class Provider extends Issuer {
        private String clientId = "";
        private String clientSecret = "";
        private String navn = "";

        Provider() {
            super("openid profile");
        }

        /** The registration id, in the addresses /oauth2/authorization/{id}. */
        public abstract String id();

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public String getNavn() {
            return navn;
        }

        public void setNavn(String navn) {
            this.navn = navn;
        }
    }

    /** The staff's provider (Entra ID): who from a claim, roles from the groups claim. */
    public static class Staff extends Provider {
        private String brukerClaim = "preferred_username";
        private String gruppeClaim = "groups";
        /** A group claim's value (e.g. an Entra group's object id) → this system's group, e.g. saksbehandler-vestland. */
        private Map<String, String> grupper = new LinkedHashMap<>();

        public Staff() {
            setNavn("Ansatte hos Statsforvalteren");
        }

        @Override
        public String id() {
            return "ansatte";
        }

        public String getBrukerClaim() {
            return brukerClaim;
        }

        public void setBrukerClaim(String brukerClaim) {
            this.brukerClaim = brukerClaim;
        }

        public String getGruppeClaim() {
            return gruppeClaim;
        }

        public void setGruppeClaim(String gruppeClaim) {
            this.gruppeClaim = gruppeClaim;
        }

        public Map<String, String> getGrupper() {
            return grupper;
        }

        public void setGrupper(Map<String, String> grupper) {
            this.grupper = grupper;
        }
    }

    /** ID-porten or Ansattporten: the security level required, and the organisation from the authorisation claim. */
    public static class Citizens extends Provider {
        private String sikkerhetsniva = "idporten-loa-substantial";
        private String organisasjonClaim = "authorization_details";
        /** Sent as the login's authorization_details (Ansattporten: which Altinn service to choose an organisation for). */
        private String authorizationDetails = "";

        public Citizens() {
            setNavn("Kommuner, fylkeskommuner, private eiere og UH (ID-porten)");
        }

        @Override
        public String id() {
            return "innbyggere";
        }

        public String getSikkerhetsniva() {
            return sikkerhetsniva;
        }

        public void setSikkerhetsniva(String sikkerhetsniva) {
            this.sikkerhetsniva = sikkerhetsniva;
        }

        public String getOrganisasjonClaim() {
            return organisasjonClaim;
        }

        public void setOrganisasjonClaim(String organisasjonClaim) {
            this.organisasjonClaim = organisasjonClaim;
        }

        public String getAuthorizationDetails() {
            return authorizationDetails;
        }

        public void setAuthorizationDetails(String authorizationDetails) {
            this.authorizationDetails = authorizationDetails;
        }
    }

    /** Maskinporten: machine tokens for integrations, each organisation acting as a user with groups. */
    public static class Machines extends Issuer {
        /** Organisation number → the user and groups its integration acts as. */
        private Map<String, Client> klienter = new LinkedHashMap<>();

        public Machines() {
            super("statsforvalteren:kompetansemidler");
        }

        public Map<String, Client> getKlienter() {
            return klienter;
        }

        public void setKlienter(Map<String, Client> klienter) {
            this.klienter = klienter;
        }
    }

    /** An integration: the user it acts as, its name, and its groups. */
    public static class Client {
        private String bruker = "";
        private String navn = "";
        private List<String> grupper = List.of();

        public String getBruker() {
            return bruker;
        }

        public void setBruker(String bruker) {
            this.bruker = bruker;
        }

        public String getNavn() {
            return navn;
        }

        public void setNavn(String navn) {
            this.navn = navn;
        }

        public List<String> getGrupper() {
            return grupper;
        }

        public void setGrupper(List<String> grupper) {
            this.grupper = grupper;
        }
    }
}
