package no.kompetansemidler.letters;

import no.kompetansemidler.domain.money.Money;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The letters (table km_letter): one per recipient and kind in a cycle, the PDF as it was sent, and where its
 * dispatch stands. The message id given to the integrasjonspunkt is the letter's own until a failed delivery is sent
 * anew.
 */
@Repository
public class LetterRepository {

    /** The kinds of letter: a grant (possibly in part refused), a refusal, or a claim of unused money (R15). */
    public enum Kind {
        TILSAGN("Tilsagn om tilskudd"), AVSLAG("Avslag på søknad om tilskudd"),
        KRAV("Krav om tilbakebetaling"), KLAGE("Vedtak etter klage");

        private final String displayName;

        Kind(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    /** Where a letter's dispatch stands. */
    public enum Status {
        SKREVET("skrevet, ikke sendt ennå"), SENDT("sendt, venter på leveringskvittering"), LEVERT("levert"),
        FEILET("utsendingen feilet");

        private final String displayName;

        Status(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    public record Letter(String id, String cycleId, String decisionId, String organisationNumber, String name, Kind kind,
                         String title, Money granted, Money applied, LocalDate complaintDeadline, String template,
                         Instant writtenAt, Status status, String statusText, String messageId, Instant sentAt,
                         Instant deliveredAt) {
    }

    /** What is written before the letter is stored. */
    public record NewLetter(String cycleId, String decisionId, String organisationNumber, String name, Kind kind,
                            String title, Money granted, Money applied, LocalDate complaintDeadline, String template) {
    }

    private static final String COLUMNS = "id, cycle_id, decision_id, organisation_number, name, kind, title,"
            + " granted_ore, applied_ore, complaint_deadline, template, written_at, status, status_text, message_id,"
            + " sent_at, delivered_at";

    private static final RowMapper<Letter> ROW = (rs, n) -> new Letter(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), Kind.valueOf(rs.getString(6)), rs.getString(7),
            Money.ofOre(rs.getLong(8)), Money.ofOre(rs.getLong(9)), rs.getDate(10).toLocalDate(), rs.getString(11),
            rs.getTimestamp(12).toInstant(), Status.valueOf(rs.getString(13)), rs.getString(14), rs.getString(15),
            instant(rs.getTimestamp(16)), instant(rs.getTimestamp(17)));

    private final JdbcClient jdbc;

    LetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the letter and its PDF; its first message id is its own id. */
    String insert(NewLetter l, byte[] pdf, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into km_letter (id, cycle_id, decision_id, organisation_number, name, kind, title,"
                        + " granted_ore, applied_ore, complaint_deadline, template, pdf, written_at, status, message_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SKREVET', ?)")
                .params(id, l.cycleId(), l.decisionId(), l.organisationNumber(), l.name(), l.kind().name(), l.title(),
                        l.granted().ore(), l.applied().ore(), java.sql.Date.valueOf(l.complaintDeadline()),
                        l.template(), pdf, Timestamp.from(at), id)
                .update();
        return id;
    }

    public Optional<Letter> find(String cycleId, String organisationNumber, Kind kind) {
        return jdbc.sql("select " + COLUMNS + " from km_letter where cycle_id = ? and organisation_number = ?"
                        + " and kind = ?").params(cycleId, organisationNumber, kind.name()).query(ROW).optional();
    }

    public Optional<Letter> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from km_letter where id = ?").param(id).query(ROW).optional();
    }

    public Letter letter(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("Brevet " + id + " finnes ikke"));
    }

    public Optional<byte[]> pdf(String id) {
        return jdbc.sql("select pdf from km_letter where id = ?").param(id).query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    /** The cycle's letters, by recipient. */
    public List<Letter> ofCycle(String cycleId) {
        return jdbc.sql("select " + COLUMNS + " from km_letter where cycle_id = ? order by name, kind")
                .param(cycleId).query(ROW).list();
    }

    /** The letters to these organisations, newest first. */
    public List<Letter> to(Collection<String> organisationNumbers) {
        if (organisationNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from km_letter where organisation_number in (:orgs)"
                        + " order by written_at desc, name").param("orgs", organisationNumbers).query(ROW).list();
    }

    void markSent(String id, Instant at) {
        jdbc.sql("update km_letter set status = 'SENDT', status_text = null, sent_at = ? where id = ?"
                        + " and status in ('SKREVET', 'SENDT')").params(Timestamp.from(at), id).update();
    }

    void markDelivered(String id, Instant at) {
        jdbc.sql("update km_letter set status = 'LEVERT', status_text = null, delivered_at = ? where id = ?")
                .params(Timestamp.from(at), id).update();
    }

    void markFailed(String id, String why) {
        jdbc.sql("update km_letter set status = 'FEILET', status_text = ? where id = ?").params(why, id).update();
    }

    /** After a failed delivery: a new message id, so that the integrasjonspunkt takes the letter as a new message. */
    String readyAgain(String id) {
        String messageId = UUID.randomUUID().toString();
        jdbc.sql("update km_letter set status = 'SKREVET', message_id = ? where id = ?").params(messageId, id).update();
        return messageId;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
