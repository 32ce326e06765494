package no.kompetansemidler.system;

import no.kompetansemidler.domain.validation.Texts;
import no.kompetansemidler.security.ApiAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.List;

/**
 * Texts stored before the text rules were as strict as today (docs/api.md, «Tekst») are kept as they are, and every
 * view shows them readably (Texts.displayable). At every start they are listed in the log, and for administrators at
 * /api/drift/tekstkontroll, so that someone can correct them; nothing is changed.
 */
@RestController
@Order(50)
class StoredTextCheck implements ApplicationRunner {

    /** A stored text today's rules would refuse: where it is, whose it is, and why. */
    record StoredText(String table, String column, String key, String problem) {
    }

    private record Column(String table, String key, String column, boolean multiLine) {
    }

    private static final Logger log = LoggerFactory.getLogger(StoredTextCheck.class);
    private static final List<Column> COLUMNS = List.of(
            new Column("km_owner", "organisation_number", "name", false),
            new Column("km_owner", "organisation_number", "contact_email", false),
            new Column("km_need_report", "cycle_id || ' / ' || organisation_number", "involvement", true),
            new Column("km_need_report", "cycle_id || ' / ' || organisation_number", "needs", true),
            new Column("km_participation", "cycle_id || ' / ' || organisation_number", "reason", true),
            new Column("km_proposal_grant", "proposal_id || ' / ' || line_no", "name", false),
            new Column("km_proposal_grant", "proposal_id || ' / ' || line_no", "measure_title", false),
            new Column("km_decision", "id", "reasons", true),
            new Column("km_self_evaluation", "decision_id", "measures_done", true),
            new Column("km_self_evaluation", "decision_id", "assessment", true));

    private final JdbcClient jdbc;
    private final ApiAccess access;

    StoredTextCheck(JdbcClient jdbc, ApiAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<StoredText> found = check();
        found.forEach(t -> log.warn("Lagret tekst som dagens regler ville avvist: {}.{} ({}) {}", t.table(),
                t.column(), t.key(), t.problem()));
        if (!found.isEmpty()) {
            log.warn("Tekstkontroll: {} lagrede tekster bør rettes (se /api/drift/tekstkontroll); ingenting er endret",
                    found.size());
        }
    }

    /** Every stored text today's rules would refuse. */
    List<StoredText> check() {
        List<StoredText> found = new ArrayList<>();
        for (Column c : COLUMNS) {
            jdbc.sql("select " + c.key() + " as k, " + c.column() + " as t from " + c.table() + " where " + c.column()
                    + " is not null").query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                String text = rs.getString("t");
                String key = rs.getString("k");
                Texts.unreadable(text, c.multiLine()).ifPresent(problem ->
                        found.add(new StoredText(c.table(), c.column(), key, problem)));
            });
        }
        return found;
    }

    /** The list, for administrators. */
    @GetMapping("/api/drift/tekstkontroll")
    List<StoredText> list() {
        if (!access.current().isAdministrator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return check();
    }
}
