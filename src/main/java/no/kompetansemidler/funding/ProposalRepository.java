package no.kompetansemidler.funding;

import no.kompetansemidler.domain.funding.DistributionKey;
import no.kompetansemidler.domain.funding.Measure;
import no.kompetansemidler.domain.funding.MeasureKind;
import no.kompetansemidler.domain.funding.Outcome;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Scheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Proposed distributions and the rule checks run on them, in the application's own tables. */
@Repository
public class ProposalRepository {

    private final JdbcClient jdbc;

    public ProposalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One saved version of a cycle's distribution, as the page and the auditor see it. */
    public record Version(String id, String cycleId, int number, DistributionKey key, String origin, String createdBy,
                          Instant createdAt) {
    }

    /** What saved a version: a person on the distribution page, or the process applying the distribution key. */
    public static final String ORIGIN_SAVED = "LAGRET";
    public static final String ORIGIN_DISTRIBUTED = "FORDELT";

    /** What saved a version, as the page and the audit trail say it. */
    public static String originText(String origin) {
        return ORIGIN_DISTRIBUTED.equals(origin) ? "Fordelingsnøkkelen brukt av prosessen" : "Lagret av saksbehandleren";
    }

    /** Saves a proposal outside a cycle (no version); returns its id. */
    public String save(StoredProposal proposal, String createdBy, Instant at) {
        return insert(proposal, null, null, null, null, createdBy, at);
    }

    /**
     * Saves the next version of a cycle's distribution; versions are never changed afterwards, so a rule check and a
     * decision name exactly what they rest on.
     */
    public Version saveVersion(String cycleId, StoredProposal proposal, DistributionKey key, String origin,
                               String createdBy, Instant at) {
        Integer last = jdbc.sql("select max(version) from km_proposal where cycle_id = ?").param(cycleId)
                .query(Integer.class).optional().orElse(null);
        int number = last == null ? 1 : last + 1;
        String id = insert(proposal, cycleId, number, key, origin, createdBy, at);
        return new Version(id, cycleId, number, key, origin, createdBy, at);
    }

    /**
     * The proposal with other amounts as a new proposal: the next version of its cycle when it has one. Returns the
     * new proposal's id.
     */
    public String saveNext(String proposalId, List<StoredGrant> grants, String origin, String createdBy, Instant at) {
        StoredProposal stored = find(proposalId).orElseThrow();
        Optional<Version> version = version(proposalId);
        StoredProposal next = new StoredProposal(null, stored.embete(), stored.scheme(), stored.year(), stored.frame(),
                grants);
        return version.isPresent() && version.get().cycleId() != null
                ? saveVersion(version.get().cycleId(), next, version.get().key(), origin, createdBy, at).id()
                : save(next, createdBy, at);
    }

    private String insert(StoredProposal proposal, String cycleId, Integer number, DistributionKey key, String origin,
                          String createdBy, Instant at) {
        String id = proposal.id() != null ? proposal.id() : UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into km_proposal (id, embete_code, scheme, budget_year, frame_ore, created_by, created_at,
                               cycle_id, version, distribution_key, origin)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, proposal.embete().name(), proposal.scheme().name(), proposal.year(),
                        proposal.frame().ore(), createdBy, Timestamp.from(at), cycleId, number,
                        key == null ? null : key.name(), origin)
                .update();
        insertGrants(id, proposal.grants());
        return id;
    }

    /** The version a proposal is, when it belongs to a cycle. */
    public Optional<Version> version(String proposalId) {
        return jdbc.sql("select * from km_proposal where id = ? and cycle_id is not null").param(proposalId)
                .query(ProposalRepository::version).optional();
    }

    /** Every version of a cycle's distribution, the newest first. */
    public List<Version> versions(String cycleId) {
        return jdbc.sql("select * from km_proposal where cycle_id = ? order by version desc").param(cycleId)
                .query(ProposalRepository::version).list();
    }

    /** The newest version of a cycle's distribution, if one was saved. */
    public Optional<Version> latest(String cycleId) {
        return versions(cycleId).stream().findFirst();
    }

    private static Version version(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String key = rs.getString("distribution_key");
        return new Version(rs.getString("id"), rs.getString("cycle_id"), rs.getInt("version"),
                key == null ? DistributionKey.AMOUNTS : DistributionKey.valueOf(key), rs.getString("origin"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    /** The newest rule check of a proposal: its id, when none was run, empty. */
    public Optional<String> latestCheck(String proposalId) {
        return jdbc.sql("select id from km_rule_check where proposal_id = ? order by checked_at desc")
                .param(proposalId).query(String.class).list().stream().findFirst();
    }

    private void insertGrants(String proposalId, List<StoredGrant> grants) {
        int position = 0;
        for (StoredGrant g : grants) {
            jdbc.sql("""
                            insert into km_proposal_grant (proposal_id, line_no, organisation_number, name,
                                   declared_commercial, opted_out, weight, amount_ore, co_financing_cash_ore,
                                   co_financing_salary_ore, third_party_ore, measure_title, measure_kind,
                                   measure_first_year, measure_last_year)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(proposalId, position++, g.organisationNumber(), g.name(), g.declaredCommercial(),
                            g.optedOut(), g.weight(), g.amount().ore(), g.coFinancingCash().ore(),
                            g.coFinancingSalary().ore(), g.thirdPartyAmount().ore(), g.measure().title(),
                            g.measure().kind().name(), g.measure().firstYear(), g.measure().lastYear())
                    .update();
        }
    }

    public Optional<StoredProposal> find(String id) {
        return jdbc.sql("select * from km_proposal where id = ?").param(id)
                .query((rs, i) -> new StoredProposal(rs.getString("id"), Embete.valueOf(rs.getString("embete_code")),
                        Scheme.valueOf(rs.getString("scheme")), rs.getInt("budget_year"), Money.ofOre(rs.getLong("frame_ore")),
                        grants(id)))
                .optional();
    }

    /** The proposal's grant to one recipient, without reading the others. */
    public Optional<StoredGrant> grant(String proposalId, String organisationNumber) {
        return jdbc.sql("select * from km_proposal_grant where proposal_id = ? and organisation_number = ?"
                        + " order by line_no").params(proposalId, organisationNumber).query(GRANT).stream().findFirst();
    }

    private List<StoredGrant> grants(String proposalId) {
        return jdbc.sql("select * from km_proposal_grant where proposal_id = ? order by line_no").param(proposalId)
                .query(GRANT).list();
    }

    private static final org.springframework.jdbc.core.RowMapper<StoredGrant> GRANT = (rs, i) -> new StoredGrant(rs.getString("organisation_number"), rs.getString("name"),
                        rs.getBoolean("declared_commercial"), rs.getBoolean("opted_out"),
                        (Long) rs.getObject("weight", Long.class), Money.ofOre(rs.getLong("amount_ore")),
                        Money.ofOre(rs.getLong("co_financing_cash_ore")),
                        Money.ofOre(rs.getLong("co_financing_salary_ore")), Money.ofOre(rs.getLong("third_party_ore")),
                        new Measure(rs.getString("measure_title"), MeasureKind.valueOf(rs.getString("measure_kind")),
                                rs.getInt("measure_first_year"), rs.getInt("measure_last_year")));

    /** Records one run of the funding rules with the parameters used and every breach found; returns its id. */
    public String recordCheck(String proposalId, String parameters, List<Outcome.Rejected> breaches, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into km_rule_check (id, proposal_id, checked_at, breach_count, parameters) values (?, ?, ?, ?, ?)")
                .params(id, proposalId, Timestamp.from(at), breaches.size(), parameters).update();
        int position = 0;
        for (Outcome.Rejected b : breaches) {
            jdbc.sql("""
                            insert into km_rule_breach (check_id, line_no, rule_id, organisation_number, reason)
                            values (?, ?, ?, ?, ?)""")
                    .params(id, position++, b.rule().name(), b.recipient(), b.reason()).update();
        }
        return id;
    }

    public List<Outcome.Rejected> breaches(String checkId) {
        return jdbc.sql("select * from km_rule_breach where check_id = ? order by line_no").param(checkId)
                .query((rs, i) -> new Outcome.Rejected(
                        no.kompetansemidler.domain.funding.RuleId.valueOf(rs.getString("rule_id")),
                        rs.getString("organisation_number"), rs.getString("reason")))
                .list();
    }
}
