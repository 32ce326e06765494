package no.kompetansemidler.security;

import no.kompetansemidler.domain.identity.Login;
import no.kompetansemidler.domain.validation.Texts;
import no.kompetansemidler.engine.EngineContext;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The people who log in through an identity provider, kept where the engine and the audit trail find them: a user
 * in the engine's identity tables (so Tasklist shows the name, and the webapps' session can be made), member of
 * exactly the groups the login gave (the roles follow the provider at every login), and a row in {@code km_person}
 * with the name and the organisation acted for. With a read-only directory (LDAP) only the row is kept. Nothing is
 * written when the same person comes again with the same roles.
 */
@Component
public class PersonDirectory {

    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** Who was last written, as written: a bearer token's every call need not write. */
    private final Map<String, Login.Person> written = new ConcurrentHashMap<>();

    PersonDirectory(IdentityService identity, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.identity = identity;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The person as the login gave them, written if anything changed. */
    public void arrived(Login.Person person) {
        if (person.equals(written.get(person.userId()))) {
            return;
        }
        transaction.executeWithoutResult(status -> EngineContext.runAsSystem(() -> {
            if (!identity.isReadOnly()) {
                user(person);
                memberships(person);
            }
            String groups = String.join(",", new TreeSet<>(person.groups()));
            String name = shown(person.name());
            Timestamp now = Timestamp.from(clock.instant());
            int updated = jdbc.sql("update km_person set name = ?, organisation_number = ?, provider = ?, groups_text = ?,"
                            + " last_login_at = ? where user_id = ?")
                    .params(name, person.organisationNumber(), person.provider(), groups, now, person.userId()).update();
            if (updated == 0) {
                jdbc.sql("insert into km_person (user_id, name, organisation_number, provider, groups_text,"
                                + " first_login_at, last_login_at) values (?, ?, ?, ?, ?, ?, ?)")
                        .params(person.userId(), name, person.organisationNumber(), person.provider(), groups, now, now)
                        .update();
            }
        }));
        written.put(person.userId(), person);
    }

    /** A name as it may be stored and shown: readable, at most 200 characters. */
    private static String shown(String name) {
        String readable = Texts.displayable(Texts.normalize(name == null ? "" : name)).strip();
        return readable.length() <= 200 ? readable : readable.substring(0, 200);
    }

    /**
     * A person as others read them: «Kari Saksbehandler (demo-saksbehandler)», from the login's name or the
     * directory's; the user id alone when neither has a name; null (the system) as «systemet».
     */
    public String displayName(String userId) {
        if (userId == null) {
            return "systemet";
        }
        String name = plainName(userId);
        return name.equals(userId) ? userId : name + " (" + userId + ")";
    }

    /** A person's name as a letter signs it: «Kari Saksbehandler»; the user id when there is no name. */
    public String plainName(String userId) {
        if (userId == null) {
            return "systemet";
        }
        String name = name(userId).orElseGet(() -> {
            User user = no.kompetansemidler.engine.EngineContext.withoutPerson(identity,
                    () -> identity.createUserQuery().userId(userId).singleResult());
            return user == null ? "" : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                    + (user.getLastName() == null ? "" : user.getLastName())).strip();
        });
        return name.isBlank() ? userId : name;
    }

    /** The name of a person who logged in through a provider (the organisation they acted for is their group). */
    public Optional<String> name(String userId) {
        return jdbc.sql("select name from km_person where user_id = ?").param(userId).query(String.class).optional();
    }

    private void user(Login.Person person) {
        User user = identity.createUserQuery().userId(person.userId()).singleResult();
        boolean created = user == null;
        if (created) {
            user = identity.newUser(person.userId());
        }
        String first = shown(person.name());
        if (created || !first.equals(user.getFirstName())) {
            user.setFirstName(first);
            user.setLastName("");
            identity.saveUser(user);
        }
    }

    private void memberships(Login.Person person) {
        Set<String> now = identity.createGroupQuery().groupMember(person.userId()).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        for (String group : now) {
            if (!person.groups().contains(group)) {
                identity.deleteMembership(person.userId(), group);
            }
        }
        for (String group : person.groups()) {
            if (!now.contains(group) && identity.createGroupQuery().groupId(group).count() == 1) {
                identity.createMembership(person.userId(), group);
            }
        }
    }
}
