package no.kompetansemidler.domain.identity;

import no.kompetansemidler.domain.organisation.OrganisationNumber;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who a login or a token says a person (or an integration) is, in this system's roles: the identity provider's
 * claims mapped by the rules in the configuration (docs/sikkerhet.md, «Innlogging med OpenID Connect»). A login
 * that gives no role, or lacks the security level or the organisation it needs, is refused with a reason a person
 * can act on: never a partial login. No national identity number is ever part of what comes out.
 */
public final class Login {

    /** What a login gives: a person with roles, or a refusal. */
    public sealed interface Outcome permits Person, Refused {
    }

    /**
     * A person (or an integration) with roles.
     *
     * @param userId             the user id in the engine: readable for staff, a pseudonym for people from ID-porten
     * @param name               the name shown, e.g. in the audit trail
     * @param organisationNumber the organisation acted for (ID-porten, Maskinporten), or null for staff
     * @param provider           the provider the login came from ("ansatte", "innbyggere", "maskinporten")
     * @param groups             the groups that give the roles
     */
    public record Person(String userId, String name, String organisationNumber, String provider, Set<String> groups)
            implements Outcome {
        public Person {
            groups = Set.copyOf(groups);
        }
    }

    /** No role: why, in Norwegian. */
    public record Refused(String reason) implements Outcome {
    }

    /** ID-porten's security levels, lowest first (the older names as their equals). */
    static final List<List<String>> LEVELS = List.of(
            List.of("idporten-loa-low", "Level2"),
            List.of("idporten-loa-substantial", "Level3"),
            List.of("idporten-loa-high", "Level4"));

    /** The engine's rule for ids (generalResourceWhitelistPattern), and its column's length. */
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*");
    private static final int MAX_ID = 64;

    private Login() {
    }

    /**
     * Whether the group id is one a staff member's login may give: a role of the Statsforvalter's, a fylkeskommune's
     * (YRKESFAG) or Udir's staff.
     */
    public static boolean isStaffGroup(String group) {
        if (group == null) {
            return false;
        }
        if (Set.of("revisor", "prosesseier", "udir", "camunda-admin").contains(group)) {
            return true;
        }
        for (String prefix : List.of("saksbehandler-", "leder-")) {
            if (group.startsWith(prefix)) {
                String slug = group.substring(prefix.length());
                // an embete's, or a fylkeskommune's that runs YRKESFAG
                return no.kompetansemidler.domain.organisation.Office.all().stream()
                        .anyMatch(o -> o.slug().equals(slug));
            }
        }
        return false;
    }

    /**
     * A member of the staff (the Statsforvalter's identity provider, e.g. Entra ID): the user id from
     * {@code userClaim}, the roles from the groups claim, each value mapped by {@code groupMap} (e.g. Entra's
     * group object id → "saksbehandler-vestland") or, when it already is one of the staff's group ids, as it is.
     */
    public static Outcome staff(Map<String, Object> claims, String userClaim, String groupsClaim,
                                Map<String, String> groupMap, String provider) {
        String user = text(claims.get(userClaim));
        if (user == null) {
            user = text(claims.get("sub"));
        }
        if (user == null) {
            return new Refused("Innloggingen sa ikke hvem du er (mangler «" + userClaim + "»). Prøv igjen, eller kontakt"
                    + " brukerstøtte.");
        }
        Set<String> groups = new LinkedHashSet<>();
        for (String value : texts(claims.get(groupsClaim))) {
            String mapped = groupMap.getOrDefault(value, value);
            if (isStaffGroup(mapped)) {
                groups.add(mapped);
            }
        }
        String name = name(claims).orElse(user);
        if (groups.isEmpty()) {
            return new Refused("Du er logget inn som " + name + ", men har ingen rolle i Kompetansemidler. Be"
                    + " administratoren hos Statsforvalteren om å legge deg i gruppen for din rolle (saksbehandler,"
                    + " leder, revisor eller prosesseier).");
        }
        return new Person(readableId(user), name, null, provider, groups);
    }

    /**
     * A person acting for an organisation (ID-porten, Ansattporten): at least the required security level, and
     * exactly one organisation the token says they may act for (Altinn's authorisation, in Ansattporten's claim
     * {@code authorization_details}) that is an owner or a UH institution here. The user id is a pseudonym of
     * the provider's subject and the organisation: never the national identity number.
     *
     * @param minimumLevel          the lowest level accepted, e.g. "idporten-loa-substantial"
     * @param groupOfOrganisation   the group of an owner or UH institution by organisation number, if it is one
     */
    public static Outcome citizen(Map<String, Object> claims, String minimumLevel, String organisationClaim,
                                  Function<String, Optional<String>> groupOfOrganisation, String provider) {
        String level = text(claims.get("acr"));
        if (rank(level) < rank(minimumLevel)) {
            return new Refused("Du logget inn " + (level == null ? "uten oppgitt sikkerhetsnivå" : "på nivå «" + level
                    + "»") + ", men Kompetansemidler krever «" + minimumLevel + "» eller høyere. Logg inn på nytt med"
                    + " MinID, BankID, Buypass eller Commfides.");
        }
        String subject = text(claims.get("sub"));
        if (subject == null) {
            return new Refused("Innloggingen sa ikke hvem du er. Prøv igjen.");
        }
        Set<String> organisations = organisations(claims.get(organisationClaim));
        List<String> known = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (String organisation : organisations) {
            groupOfOrganisation.apply(organisation).ifPresent(group -> {
                known.add(organisation);
                groups.add(group);
            });
        }
        if (known.isEmpty()) {
            return new Refused(organisations.isEmpty()
                    ? "Du er logget inn, men innloggingen sier ikke hvilken organisasjon du handler for. Logg inn på"
                    + " nytt og velg kommunen, fylkeskommunen, eieren eller UH-institusjonen du representerer (du må ha"
                    + " rettigheten i Altinn)."
                    : "Organisasjonen du valgte (" + String.join(", ", organisations) + ") er ikke en eier eller en"
                    + " UH-institusjon i Kompetansemidler. Logg inn på nytt og velg en annen, eller kontakt"
                    + " Statsforvalteren.");
        }
        if (known.size() > 1) {
            return new Refused("Innloggingen gjelder flere organisasjoner (" + String.join(", ", known) + "). Logg inn"
                    + " på nytt og velg én.");
        }
        String organisation = known.get(0);
        String userId = "ip-" + pseudonym(text(claims.get("iss")) + "|" + subject) + "-" + organisation;
        return new Person(userId, name(claims).orElse("Person med rettighet for " + organisation), organisation,
                provider, Set.of(groups.get(0)));
    }

    /**
     * An integration with a machine token (Maskinporten): the scope required, and a client configured for the
     * organisation in the token's {@code consumer} claim, which names the user and groups it acts as.
     */
    public static Outcome machine(Map<String, Object> claims, String requiredScope, Map<String, Person> clients,
                                  String provider) {
        Set<String> scopes = Set.of(Optional.ofNullable(text(claims.get("scope"))).orElse("").split(" "));
        if (!scopes.contains(requiredScope)) {
            return new Refused("Tokenet har ikke omfanget (scope) «" + requiredScope + "».");
        }
        String consumer = organisationNumber(claims.get("consumer"));
        Person client = consumer == null ? null : clients.get(consumer);
        if (client == null) {
            return new Refused("Organisasjonen " + (consumer == null ? "i tokenet" : consumer) + " er ikke registrert"
                    + " som integrasjon i Kompetansemidler.");
        }
        return new Person(client.userId(), client.name(), consumer, provider, client.groups());
    }

    // --- reading claims -------------------------------------------------------------------------------------------

    /** The organisation numbers in Ansattporten's authorization_details ("reportees", each "ID": "0192:<orgnr>"). */
    static Set<String> organisations(Object claim) {
        Set<String> found = new LinkedHashSet<>();
        Collection<?> details = claim instanceof Collection<?> list ? list : claim instanceof Map<?, ?> one ? List.of(one)
                : List.of();
        for (Object detail : details) {
            if (!(detail instanceof Map<?, ?> map)) {
                continue;
            }
            Object reportees = map.get("reportees");
            for (Object reportee : reportees instanceof Collection<?> r ? r : List.of()) {
                String number = organisationNumber(reportee);
                if (number != null) {
                    found.add(number);
                }
            }
        }
        return found;
    }

    /** The organisation of a reportee or a Maskinporten consumer: {"ID": "0192:<orgnr>"}; null when there is none. */
    private static String organisationNumber(Object party) {
        String id = party instanceof Map<?, ?> map ? text(map.get("ID")) : null;
        String number = id == null ? null : id.substring(id.indexOf(':') + 1);
        return number != null && OrganisationNumber.isValid(number) ? number : null;
    }

    private static Optional<String> name(Map<String, Object> claims) {
        String name = text(claims.get("name"));
        if (name == null) {
            String joined = (Optional.ofNullable(text(claims.get("given_name"))).orElse("") + " "
                    + Optional.ofNullable(text(claims.get("family_name"))).orElse("")).trim();
            name = joined.isEmpty() ? null : joined;
        }
        return Optional.ofNullable(name);
    }

    private static int rank(String level) {
        if (level == null) {
            return -1;
        }
        for (int i = 0; i < LEVELS.size(); i++) {
            if (LEVELS.get(i).contains(level)) {
                return i;
            }
        }
        return -1;
    }

    /** An id the engine accepts, readable: "kari.nordmann@sfvl.no" becomes "kari.nordmann.sfvl.no". */
    static String readableId(String user) {
        String id = user.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", ".").replaceAll("^[._-]+", "");
        if (id.isEmpty() || id.length() > MAX_ID || !ID.matcher(id).matches()) {
            return "ad-" + pseudonym(user);
        }
        return id;
    }

    /** Sixteen hex digits of SHA-256: stable for the same input, and says nothing of it. */
    static String pseudonym(String input) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static List<String> texts(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(Login::text).filter(java.util.Objects::nonNull).collect(Collectors.toList());
        }
        String one = text(value);
        return one == null ? List.of() : List.of(one.split("[ ,]+"));
    }
}
