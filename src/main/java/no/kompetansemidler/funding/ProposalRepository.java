package no.kompetansemidler.funding;

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

    public String save(StoredProposal proposal, String createdBy, Instant at) {
        String id = proposal.id() != null ? proposal.id() : UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into km_proposal (id, embete_code, scheme, budget_year, frame_ore, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, proposal.embete().name(), proposal.scheme().name(), proposal.year(),
                        proposal.frame().ore(), createdBy, Timestamp.from(at))
                .update();
        insertGrants(id, proposal.grants());
        return id;
    }

    /** Replaces the lines of a proposal (after a distribution or a correction). */
    public void replaceGrants(String proposalId, List<StoredGrant> grants) {
        jdbc.sql("delete from km_proposal_grant where proposal_id = ?").param(proposalId).update();
        insertGrants(proposalId, grants);
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

    private List<StoredGrant> grants(String proposalId) {
        return jdbc.sql("select * from km_proposal_grant where proposal_id = ? order by line_no").param(proposalId)
                .query((rs, i) -> new StoredGrant(rs.getString("organisation_number"), rs.getString("name"),
                        rs.getBoolean("declared_commercial"), rs.getBoolean("opted_out"),
                        (Long) rs.getObject("weight", Long.class), Money.ofOre(rs.getLong("amount_ore")),
                        Money.ofOre(rs.getLong("co_financing_cash_ore")),
                        Money.ofOre(rs.getLong("co_financing_salary_ore")), Money.ofOre(rs.getLong("third_party_ore")),
                        new Measure(rs.getString("measure_title"), MeasureKind.valueOf(rs.getString("measure_kind")),
                                rs.getInt("measure_first_year"), rs.getInt("measure_last_year"))))
                .list();
    }

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
