package no.kompetansemidler.followup;

import no.kompetansemidler.domain.followup.SelectionFile;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.masterdata.MasterDataRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The follow-up cases of Oppfølgingsordningen (km_follow_up): Udir's selection taken in whole or not at all, the
 * veileder, the analysis, the phase, the yearly reports. {@code ${followUps.ofSelection(utvalgsaar)}} gives the
 * multi-instance of the model oppfolging-utvalg its cases.
 */
@Component("followUps")
public class FollowUps {

    public static final String ANALYSIS = "ANALYSE";
    public static final String DELIVERY = MasterDataRepository.DELIVERY_PHASE;
    public static final String ENDED = "AVSLUTTET";
    /** How many yearly reports a kommune sends in the delivery phase. */
    public static final int REPORTS = 3;

    /** One kommune's follow-up. */
    public record FollowUp(String id, Scheme scheme, int year, String municipalityNumber, String organisationNumber,
                           String name, Embete embete, String phase, String veilederName, String veilederEmail,
                           String veilederOrganisation, LocalDate analysisDeadline, int reportsApproved,
                           String processInstanceId) {

        /** The case's business key: «oppfolging-4601-2027». */
        public String businessKey() {
            return "oppfolging-" + municipalityNumber + "-" + year;
        }
    }

    /** A kommune as the reference data has it, with its organisation number as an owner. */
    record Kommune(String municipalityNumber, String name, Embete embete, String organisationNumber) {
    }

    private final JdbcClient jdbc;

    FollowUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Udir's selection, checked against the reference data and the earlier selections: every kommune exists, its
     * organisation number is the kommune's, and it is not already selected that year. All stored, or nothing.
     */
    public List<FollowUp> importSelection(Scheme scheme, List<SelectionFile.Line> lines, String importedBy,
                                          Instant now) {
        List<Violation> problems = new ArrayList<>();
        List<FollowUp> made = new ArrayList<>();
        for (SelectionFile.Line line : lines) {
            Optional<Kommune> kommune = kommune(line.municipalityNumber());
            if (kommune.isEmpty()) {
                Optional<String> known = jdbc.sql("select name from km_municipality where municipality_number = ?")
                        .param(line.municipalityNumber()).query(String.class).optional();
                problems.add(SelectionFile.problem(line.lineNumber(), known.isEmpty()
                        ? "kommunenummer " + line.municipalityNumber() + " finnes ikke blant kommunene fra 2024."
                        : known.get() + " (" + line.municipalityNumber() + ") er ikke registrert som eier med"
                        + " organisasjonsnummer i stamdataene (Enhetsregisteret); den kan ikke følges opp før den er det."));
                continue;
            }
            Kommune k = kommune.get();
            if (!line.organisationNumber().value().equals(k.organisationNumber())) {
                problems.add(SelectionFile.problem(line.lineNumber(), "organisasjonsnummer "
                        + line.organisationNumber().value() + " er ikke " + k.name() + " sitt (" + k.organisationNumber()
                        + ")."));
                continue;
            }
            Optional<FollowUp> earlier = find(scheme, line.year(), line.municipalityNumber());
            if (earlier.isPresent()) {
                problems.add(SelectionFile.problem(line.lineNumber(), k.name() + " er allerede i uttrekket for "
                        + line.year() + "."));
                continue;
            }
            made.add(new FollowUp(UUID.randomUUID().toString(), scheme, line.year(), k.municipalityNumber(),
                    k.organisationNumber(), k.name(), k.embete(), ANALYSIS, null, null, null, null, 0, null));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        for (FollowUp f : made) {
            jdbc.sql("""
                            insert into km_follow_up (id, scheme, selection_year, municipality_number,
                                   organisation_number, embete_code, imported_by, imported_at, phase)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(f.id(), scheme.code(), f.year(), f.municipalityNumber(), f.organisationNumber(),
                            f.embete().name(), importedBy, Timestamp.from(now), ANALYSIS)
                    .update();
        }
        return List.copyOf(made);
    }

    /**
     * The ids of the selection just read in, by kommune: one follow-up case each. Those of the year that have no case
     * yet: a second file for the same year starts cases for its own kommuner only.
     */
    public List<String> ofSelection(Object year) {
        return jdbc.sql("select id from km_follow_up where selection_year = ? and process_instance_id is null"
                        + " order by municipality_number")
                .param(Integer.parseInt(year.toString())).query(String.class).list();
    }

    /** The case's business key, for the call that starts it. */
    public String businessKey(String id) {
        return followUp(id).businessKey();
    }

    public FollowUp followUp(String id) {
        return jdbc.sql(SELECT + " where f.id = ?").param(id).query(FollowUps::row).optional()
                .orElseThrow(() -> new IllegalStateException("no follow-up " + id));
    }

    public Optional<FollowUp> find(Scheme scheme, int year, String municipalityNumber) {
        return jdbc.sql(SELECT + " where f.scheme = ? and f.selection_year = ? and f.municipality_number = ?")
                .params(scheme.code(), year, municipalityNumber).query(FollowUps::row).optional();
    }

    /**
     * The cases in the delivery phase of the scheme among these owners, by process instance: the ones a cycle's
     * decisions move on. One query, whatever the number of owners.
     */
    List<String> inDelivery(Scheme scheme, java.util.Collection<String> organisationNumbers) {
        if (organisationNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select process_instance_id from km_follow_up where scheme = :scheme and phase = :phase
                        and process_instance_id is not null and organisation_number in (:owners)""")
                .param("scheme", scheme.code()).param("phase", DELIVERY).param("owners", organisationNumbers)
                .query(String.class).list();
    }

    public List<FollowUp> all() {
        return jdbc.sql(SELECT + " order by f.selection_year, f.municipality_number").query(FollowUps::row).list();
    }

    void started(String id, String processInstanceId) {
        jdbc.sql("update km_follow_up set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    void assignVeileder(String id, String name, String email, String organisation, LocalDate analysisDeadline) {
        jdbc.sql("""
                        update km_follow_up set veileder_name = ?, veileder_email = ?, veileder_org = ?,
                               analysis_deadline = ? where id = ?""")
                .params(name, email, organisation, Date.valueOf(analysisDeadline), id).update();
    }

    void newAnalysisDeadline(String id, LocalDate deadline) {
        jdbc.sql("update km_follow_up set analysis_deadline = ? where id = ?").params(Date.valueOf(deadline), id)
                .update();
    }

    void saveAnalysis(String id, String situation, String priorities, String veileder, String sentBy) {
        jdbc.sql("""
                        update km_follow_up set analysis_situation = ?, analysis_priorities = ?, analysis_veileder = ?,
                               analysis_sent_by = ? where id = ? and phase = ?""")
                .params(situation, priorities, veileder, sentBy, id, ANALYSIS).update();
    }

    /** The analysis approved: the kommune takes part in the scheme's cycles from now on (the delivery phase). */
    void approveAnalysis(String id, String approvedBy, Instant now) {
        jdbc.sql("""
                        update km_follow_up set phase = ?, analysis_approved_by = ?, analysis_approved_at = ?
                        where id = ? and phase = ?""")
                .params(DELIVERY, approvedBy, Timestamp.from(now), id, ANALYSIS).update();
    }

    void saveReport(String id, int number, String done, String results, String nextSteps, String sentBy, Instant now) {
        int updated = jdbc.sql("""
                        update km_follow_up_report set done = ?, results = ?, next_steps = ?, sent_by = ?, sent_at = ?
                        where follow_up_id = ? and report_number = ?""")
                .params(done, results, nextSteps, sentBy, Timestamp.from(now), id, number).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into km_follow_up_report (id, follow_up_id, report_number, done, results, next_steps,
                                   sent_by, sent_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID().toString(), id, number, done, results, nextSteps, sentBy,
                            Timestamp.from(now)).update();
        }
    }

    void approveReport(String id, int number) {
        jdbc.sql("update km_follow_up set reports_approved = ? where id = ? and reports_approved = ?")
                .params(number, id, number - 1).update();
    }

    /** The third report approved: the follow-up ends, and the kommune no longer takes part in the scheme. */
    void end(String id) {
        jdbc.sql("update km_follow_up set phase = ? where id = ?").params(ENDED, id).update();
    }

    /** What the kommune was granted in the scheme's cycles of a year (all its decisions there). */
    Money granted(Scheme scheme, String organisationNumber, int year) {
        return Money.ofOre(jdbc.sql("""
                        select coalesce(sum(d.amount_ore), 0) from km_decision d join km_cycle c on c.id = d.cycle_id
                        where c.scheme = ? and c.budget_year = ? and d.organisation_number = ?""")
                .params(scheme.code(), year, organisationNumber).query(Long.class).single());
    }

    /** The last year in which the kommune got a decision in the scheme's cycles. */
    Optional<Integer> latestDecisionYear(Scheme scheme, String organisationNumber) {
        return Optional.ofNullable(jdbc.sql("""
                        select max(c.budget_year) from km_decision d join km_cycle c on c.id = d.cycle_id
                        where c.scheme = ? and d.organisation_number = ?""")
                .params(scheme.code(), organisationNumber).query(Integer.class).single());
    }

    private Optional<Kommune> kommune(String municipalityNumber) {
        return jdbc.sql("""
                        select m.municipality_number, m.embete_code, o.name, o.organisation_number
                        from km_municipality m
                        join km_owner o on o.municipality_number = m.municipality_number
                             and o.kind in ('KOMMUNE', 'KOMMUNE_MED_FYLKESROLLE')
                        where m.municipality_number = ?""")
                .param(municipalityNumber)
                .query((rs, i) -> new Kommune(rs.getString(1), rs.getString(3), Embete.valueOf(rs.getString(2)),
                        rs.getString(4)))
                .optional();
    }

    private static final String SELECT = """
            select f.*, o.name from km_follow_up f
            join km_owner o on o.organisation_number = f.organisation_number""";

    private static FollowUp row(ResultSet rs, int i) throws SQLException {
        Date deadline = rs.getDate("analysis_deadline");
        return new FollowUp(rs.getString("id"), Scheme.valueOf(rs.getString("scheme")), rs.getInt("selection_year"),
                rs.getString("municipality_number"), rs.getString("organisation_number"), rs.getString("name"),
                Embete.valueOf(rs.getString("embete_code")), rs.getString("phase"), rs.getString("veileder_name"),
                rs.getString("veileder_email"), rs.getString("veileder_org"),
                deadline == null ? null : deadline.toLocalDate(), rs.getInt("reports_approved"),
                rs.getString("process_instance_id"));
    }
}
