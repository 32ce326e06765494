package no.kompetansemidler.security;

import no.kompetansemidler.domain.identity.Login;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.identity.IdentityGroups;
import no.kompetansemidler.masterdata.MasterDataRepository;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

/** The configured rules (LoginProperties) applied to a provider's claims: a person with roles, or a refusal. */
@Component
class LoginMapper {

    static final String MACHINES = "maskinporten";

    private final LoginProperties login;
    private final MasterDataRepository masterData;

    LoginMapper(LoginProperties login, MasterDataRepository masterData) {
        this.login = login;
        this.masterData = masterData;
        login.getAnsatte().getGrupper().forEach((claim, group) -> {
            if (!Login.isStaffGroup(group)) {
                throw new IllegalStateException("kompetansemidler.innlogging.ansatte.grupper: «" + group + "» (for «"
                        + claim + "») er ikke en gruppe en ansatt kan få: saksbehandler-<embete>, leder-<embete>,"
                        + " revisor, prosesseier, udir eller camunda-admin.");
            }
        });
    }

    Login.Outcome map(String provider, Map<String, Object> claims) {
        return switch (provider) {
            case "ansatte" -> Login.staff(claims, login.getAnsatte().getBrukerClaim(), login.getAnsatte().getGruppeClaim(),
                    login.getAnsatte().getGrupper(), provider);
            case "innbyggere" -> Login.citizen(claims, login.getInnbyggere().getSikkerhetsniva(),
                    login.getInnbyggere().getOrganisasjonClaim(), this::groupOf, provider);
            case MACHINES -> Login.machine(claims, login.getMaskinporten().getScope(), clients(), provider);
            default -> new Login.Refused("Ukjent innlogging «" + provider + "».");
        };
    }

    /** The group of an owner or a UH institution, by organisation number. */
    private Optional<String> groupOf(String organisationNumber) {
        OrganisationNumber number = new OrganisationNumber(organisationNumber);
        if (masterData.findOwner(number).isPresent()) {
            return Optional.of(IdentityGroups.owner(number));
        }
        return masterData.findUhInstitution(number).map(uh -> IdentityGroups.uh(number));
    }

    private Map<String, Login.Person> clients() {
        Map<String, Login.Person> clients = new LinkedHashMap<>();
        login.getMaskinporten().getKlienter().forEach((organisation, client) -> clients.put(organisation,
                new Login.Person(client.getBruker(), client.getNavn().isBlank() ? client.getBruker() : client.getNavn(),
                        organisation, MACHINES, new LinkedHashSet<>(client.getGrupper()))));
        return clients;
    }
}
