package no.kompetansemidler.domain.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that turn a provider's claims into a person with roles, or a refusal: tables of cases. */
class LoginTest {

    static final String BERGEN = "964338531";
    static final String HVL = "917641404";
    /** A valid organisation number that is neither an owner nor a UH institution. */
    static final String UNKNOWN = "987654325";
    static final Function<String, Optional<String>> GROUPS = orgnr -> switch (orgnr) {
        case BERGEN -> Optional.of("eier-" + BERGEN);
        case HVL -> Optional.of("uh-" + HVL);
        default -> Optional.empty();
    };
    static final Map<String, String> ENTRA = Map.of("0b6f-entra-vestland", "saksbehandler-vestland");

    static Map<String, Object> staffClaims(Object groups) {
        return Map.of("preferred_username", "Kari.Nordmann@sfvl.no", "name", "Kari Nordmann", "groups", groups,
                "sub", "abc");
    }

    @ParameterizedTest(name = "staff with groups {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "saksbehandler-vestland|saksbehandler-vestland",
            "0b6f-entra-vestland|saksbehandler-vestland",
            "revisor,prosesseier|revisor,prosesseier",
            "leder-rogaland,udir|leder-rogaland,udir",
            "camunda-admin|camunda-admin",
            "saksbehandler-vestland-fylkeskommune,leder-oslo-kommune|saksbehandler-vestland-fylkeskommune,leder-oslo-kommune",
            "saksbehandler-atlantis-fylkeskommune|REFUSED",
            "saksbehandler-atlantis,eier-964338531,uh-917641404,alle|REFUSED",
            "''|REFUSED"})
    void staff(String groups, String expected) {
        List<String> claim = groups.isEmpty() ? List.of() : List.of(groups.split(","));
        Login.Outcome outcome = Login.staff(staffClaims(claim), "preferred_username", "groups", ENTRA, "ansatte");
        if (expected.equals("REFUSED")) {
            assertThat(outcome).isInstanceOf(Login.Refused.class);
            assertThat(((Login.Refused) outcome).reason()).contains("Kari Nordmann").contains("ingen rolle");
        } else {
            Login.Person person = (Login.Person) outcome;
            assertThat(person.groups()).containsExactlyInAnyOrder(expected.split(","));
            assertThat(person.userId()).isEqualTo("kari.nordmann.sfvl.no");
            assertThat(person.name()).isEqualTo("Kari Nordmann");
            assertThat(person.organisationNumber()).isNull();
        }
    }

    @Test
    void a_staff_login_names_its_user_or_is_refused() {
        assertThat(Login.staff(Map.of("groups", List.of("revisor")), "preferred_username", "groups", Map.of(), "ansatte"))
                .isInstanceOf(Login.Refused.class);
        Login.Person bySub = (Login.Person) Login.staff(Map.of("sub", "8f2a", "groups", "revisor"), "preferred_username",
                "groups", Map.of(), "ansatte");
        assertThat(bySub.userId()).isEqualTo("8f2a");
        // an id the engine would refuse becomes a pseudonym
        Login.Person odd = (Login.Person) Login.staff(Map.of("preferred_username", "ø".repeat(80), "groups", "revisor"),
                "preferred_username", "groups", Map.of(), "ansatte");
        assertThat(odd.userId()).matches("ad-[0-9a-f]{16}");
    }

    static Map<String, Object> citizenClaims(String level, List<String> organisations) {
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("sub", "pairwise-sub-1", "iss", "https://idporten.no",
                "pid", "24014021406", "name", "Ola Nordmann"));
        if (level != null) {
            claims.put("acr", level);
        }
        if (organisations != null) {
            claims.put("authorization_details", List.of(Map.of("type", "ansattporten:altinn:service",
                    "reportees", organisations.stream().map(o -> Map.of("ID", "0192:" + o, "Name", "X")).toList())));
        }
        return claims;
    }

    @ParameterizedTest(name = "level {0}, organisations {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "idporten-loa-substantial|964338531|eier-964338531",
            "idporten-loa-high|964338531|eier-964338531",
            "Level4|917641404|uh-917641404",
            "idporten-loa-low|964338531|nivå",
            "Level2|964338531|nivå",
            "NULL|964338531|uten oppgitt sikkerhetsnivå",
            "idporten-loa-substantial|NULL|hvilken organisasjon",
            "idporten-loa-substantial|''|hvilken organisasjon",
            "idporten-loa-substantial|987654325|er ikke en eier",
            "idporten-loa-substantial|964338531,917641404|flere organisasjoner",
            "idporten-loa-substantial|964338531,987654325|eier-964338531"})
    void citizen(String level, String organisations, String expected) {
        List<String> orgs = organisations == null ? null : organisations.isEmpty() ? List.of()
                : List.of(organisations.split(","));
        Login.Outcome outcome = Login.citizen(citizenClaims(level, orgs), "idporten-loa-substantial",
                "authorization_details", GROUPS, "innbyggere");
        if (expected.startsWith("eier-") || expected.startsWith("uh-")) {
            Login.Person person = (Login.Person) outcome;
            assertThat(person.groups()).containsExactly(expected);
            String organisation = expected.substring(expected.indexOf('-') + 1);
            assertThat(person.organisationNumber()).isEqualTo(organisation);
            // a pseudonym of the provider's subject and the organisation: no national identity number, no subject
            assertThat(person.userId()).matches("ip-[0-9a-f]{16}-" + organisation)
                    .doesNotContain("24014021406").doesNotContain("pairwise");
            assertThat(person.name()).isEqualTo("Ola Nordmann");
        } else {
            assertThat(outcome).isInstanceOf(Login.Refused.class);
            assertThat(((Login.Refused) outcome).reason()).contains(expected).doesNotContain("24014021406");
        }
    }

    @Test
    void the_same_person_for_another_organisation_is_another_user() {
        Login.Person forBergen = (Login.Person) Login.citizen(citizenClaims("idporten-loa-high", List.of(BERGEN)),
                "idporten-loa-substantial", "authorization_details", GROUPS, "innbyggere");
        Login.Person forHvl = (Login.Person) Login.citizen(citizenClaims("idporten-loa-high", List.of(HVL)),
                "idporten-loa-substantial", "authorization_details", GROUPS, "innbyggere");
        Login.Person again = (Login.Person) Login.citizen(citizenClaims("idporten-loa-substantial", List.of(BERGEN)),
                "idporten-loa-substantial", "authorization_details", GROUPS, "innbyggere");
        assertThat(forBergen.userId()).isNotEqualTo(forHvl.userId()).isEqualTo(again.userId());
        assertThat(forBergen.userId().substring(0, 19)).isEqualTo(forHvl.userId().substring(0, 19));
    }

    @Test
    void a_person_without_a_name_is_named_by_the_organisation() {
        Map<String, Object> claims = citizenClaims("idporten-loa-high", List.of(BERGEN));
        claims.remove("name");
        Login.Person person = (Login.Person) Login.citizen(claims, "idporten-loa-substantial", "authorization_details",
                GROUPS, "innbyggere");
        assertThat(person.name()).isEqualTo("Person med rettighet for " + BERGEN);
    }

    @ParameterizedTest(name = "scope {0}, consumer {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "statsforvalteren:kompetansemidler|970018131|integrasjon-udir",
            "annet statsforvalteren:kompetansemidler|970018131|integrasjon-udir",
            "statsforvalteren:annet|970018131|omfanget",
            "statsforvalteren:kompetansemidler|964338531|ikke registrert"})
    void machine(String scope, String consumer, String expected) {
        Map<String, Login.Person> clients = Map.of("970018131", new Login.Person("integrasjon-udir", "Udir", "970018131",
                "maskinporten", Set.of("saksbehandler-vestland")));
        Login.Outcome outcome = Login.machine(Map.of("scope", scope, "consumer", Map.of("ID", "0192:" + consumer)),
                "statsforvalteren:kompetansemidler", clients, "maskinporten");
        if (expected.equals("integrasjon-udir")) {
            Login.Person person = (Login.Person) outcome;
            assertThat(person.userId()).isEqualTo("integrasjon-udir");
            assertThat(person.groups()).containsExactly("saksbehandler-vestland");
        } else {
            assertThat(((Login.Refused) outcome).reason()).contains(expected);
        }
    }
}
