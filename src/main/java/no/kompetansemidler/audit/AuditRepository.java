package no.kompetansemidler.audit;

import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.funding.ProposalRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The events of a cycle recorded in the application's own tables, each with its time and who acted. */
@Repository
class AuditRepository {

    /**
     * The distributions of one cycle (p): those recorded in it, and those from before distributions were versioned
     * per cycle, by embete, scheme and year.
     */
    private static final String PROPOSALS_OF_CYCLE = "(p.cycle_id = ? or p.cycle_id is null and p.embete_code = ?"
            + " and p.scheme = ? and p.budget_year = ?)";


    /** Ranks for events at the same instant: the order in which the cycle produces them. */
    static final int RANK_NEED_REPORT = 30;
    static final int RANK_PROPOSAL = 40;
    static final int RANK_RULE_CHECK = 50;
    static final int RANK_BREACH = 51;
    static final int RANK_SIGN_OFF = 55;
    static final int RANK_DECISION = 60;
    static final int RANK_LETTER = 65;
    static final int RANK_PAYMENT = 70;
    static final int RANK_REMINDER = 25;
    static final int RANK_SELF_EVALUATION = 80;
    static final int RANK_SETTLEMENT = 81;
    static final int RANK_COMPLAINT = 75;

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AuditEvent> events(CycleRepository.Cycle cycle) {
        List<AuditEvent> events = new ArrayList<>();
        String process = "arssyklus";
        Map<String, List<String>> measures = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select m.id, m.organisation_number, m.position, m.title, m.uh_partner, y.budget_year, y.amount_ore
                        from km_measure m join km_measure_year y on y.measure_id = m.id where m.cycle_id = ?
                        order by m.organisation_number, m.position, y.budget_year""").param(cycle.id()).query(rs -> {
                    List<String> owners = measures.computeIfAbsent(rs.getString("organisation_number"), o -> new ArrayList<>());
                    String head = "tiltak " + rs.getInt("position") + " «" + rs.getString("title") + "» (UH-partner "
                            + rs.getString("uh_partner") + "):";
                    String year = " " + rs.getInt("budget_year") + " " + Money.ofOre(rs.getLong("amount_ore")).format();
                    if (!owners.isEmpty() && owners.get(owners.size() - 1).startsWith(head)) {
                        owners.set(owners.size() - 1, owners.get(owners.size() - 1) + "," + year);
                    } else {
                        owners.add(head + year);
                    }
                });
        jdbc.sql("select * from km_need_report where cycle_id = ?").param(cycle.id()).query((rs, i) -> new AuditEvent(
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"), null, "Behovsmelding",
                "Behovsmelding fra " + rs.getString("organisation_number") + ": "
                        + String.join("; ", measures.getOrDefault(rs.getString("organisation_number"), List.of()))
                        + ". Medvirkning: " + rs.getString("involvement") + " Behov: " + rs.getString("needs"),
                "behovsmelding", RANK_NEED_REPORT).about(rs.getString("organisation_number"), null, null)).list()
                .forEach(events::add);
        jdbc.sql("""
                        select organisation_number, uh_partner, uh_answer, max(uh_reason) as reason,
                               max(uh_answered_by) as answered_by, max(uh_answered_at) as answered_at, count(*) as measures
                        from km_measure where cycle_id = ? and uh_answered_at is not null
                        group by organisation_number, uh_partner, uh_answer""").param(cycle.id())
                .query((rs, i) -> new AuditEvent(rs.getTimestamp("answered_at").toInstant(), rs.getString("answered_by"),
                        null, "Partnerskap", "UH-partner " + rs.getString("uh_partner") + ": "
                        + switch (rs.getString("uh_answer")) {
                            case "BEKREFTET" -> "bekreftet";
                            case "AVSLATT" -> "avslo";
                            default -> "svarte ikke innen fristen på";
                        } + " partnerskapet i " + rs.getInt("measures") + " tiltak"
                        + " fra " + rs.getString("organisation_number")
                        + (rs.getString("reason") == null ? "." : ". Begrunnelse: " + rs.getString("reason")),
                        "behovsmelding", RANK_NEED_REPORT + 1).about(rs.getString("organisation_number"), null, null))
                .list().forEach(events::add);
        jdbc.sql("""
                        select n.name, n.lead_owner, n.registered_by, n.registered_at,
                               (select count(*) from km_network_member m where m.network_id = n.id) as members
                        from km_network n where n.cycle_id = ?""").param(cycle.id())
                .query((rs, i) -> new AuditEvent(rs.getTimestamp("registered_at").toInstant(),
                        rs.getString("registered_by"), null, "Nettverk", "Nettverket «" + rs.getString("name")
                        + "» registrert med " + rs.getInt("members") + " eiere og " + rs.getString("lead_owner")
                        + " som leder som sender søknaden for alle.", "behovsmelding", RANK_NEED_REPORT - 1)
                        .about(rs.getString("lead_owner"), null, null)).list().forEach(events::add);
        jdbc.sql("""
                        select n.name, m.organisation_number, m.answer, m.reason, m.answered_by, m.answered_at
                        from km_network_member m join km_network n on n.id = m.network_id
                        where m.cycle_id = ? and m.answered_at is not null""").param(cycle.id())
                .query((rs, i) -> new AuditEvent(rs.getTimestamp("answered_at").toInstant(), rs.getString("answered_by"),
                        null, "Nettverk", "Medlemmet " + rs.getString("organisation_number")
                        + (rs.getString("answer").equals("BEKREFTET") ? " bekreftet" : " avslo") + " sin del av"
                        + " søknaden fra nettverket «" + rs.getString("name") + "»"
                        + (rs.getString("reason") == null ? "." : ". Begrunnelse: " + rs.getString("reason")),
                        "behovsmelding", RANK_NEED_REPORT + 1).about(rs.getString("organisation_number"), null, null))
                .list().forEach(events::add);
        jdbc.sql("select * from km_participation where cycle_id = ? and takes_part = false").param(cycle.id())
                .query((rs, i) -> new AuditEvent(rs.getTimestamp("decided_at").toInstant(), rs.getString("decided_by"), null,
                        "Deltar ikke (R5)", rs.getString("organisation_number") + " registrert som ikke deltakende. Begrunnelse: "
                        + rs.getString("reason"), "behovsmelding", RANK_NEED_REPORT)
                        .about(rs.getString("organisation_number"), null, null)).list().forEach(events::add);
        jdbc.sql("""
                        select * from km_proposal p where """ + PROPOSALS_OF_CYCLE)
                .params(cycle.id(), cycle.embete().name(), cycle.scheme().name(), cycle.year())
                .query((rs, i) -> new AuditEvent(rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), null,
                        rs.getObject("version") == null ? "Fordeling registrert" : "Fordeling, versjon " + rs.getInt("version"),
                        (rs.getObject("version") == null ? "Fordeling"
                                : ProposalRepository.originText(rs.getString("origin")))
                        + " (" + keyName(rs.getString("distribution_key")) + "), rammen "
                        + Money.ofOre(rs.getLong("frame_ore")).format() + ": " + rows(rs.getString("id"))
                        + " (fordeling " + rs.getString("id") + ").", process, RANK_PROPOSAL))
                .list().forEach(events::add);
        jdbc.sql("""
                        select c.*, p.version from km_rule_check c join km_proposal p on p.id = c.proposal_id
                        where """ + PROPOSALS_OF_CYCLE)
                .params(cycle.id(), cycle.embete().name(), cycle.scheme().name(), cycle.year())
                .query((rs, i) -> new AuditEvent(rs.getTimestamp("checked_at").toInstant(), null, null, "Regelkontroll",
                        "Fordelingen" + (rs.getObject("version") == null ? "" : ", versjon " + rs.getInt("version") + ",")
                        + " kontrollert mot R1–R6 og R14: " + rs.getInt("breach_count") + " regelbrudd. Parametere: "
                        + parameters(rs.getString("parameters")), process, RANK_RULE_CHECK))
                .list().forEach(events::add);
        jdbc.sql("""
                        select b.*, c.checked_at from km_rule_breach b join km_rule_check c on c.id = b.check_id
                        join km_proposal p on p.id = c.proposal_id
                        where """ + PROPOSALS_OF_CYCLE + " order by c.checked_at, b.line_no")
                .params(cycle.id(), cycle.embete().name(), cycle.scheme().name(), cycle.year())
                .query((rs, i) -> new AuditEvent(rs.getTimestamp("checked_at").toInstant(), null, null,
                        "Regelbrudd " + rs.getString("rule_id"), rs.getString("reason"), process, RANK_BREACH)
                        .about(rs.getString("organisation_number"), null, null))
                .list().forEach(events::add);
        jdbc.sql("select * from km_sign_off where cycle_id = ?").param(cycle.id())
                .query((rs, i) -> new AuditEvent(rs.getTimestamp("decided_at").toInstant(), rs.getString("decided_by"),
                        null, "Godkjenning", (rs.getBoolean("approved") ? "Vedtakene godkjent av lederen"
                        : "Fordelingen sendt tilbake av lederen") + "; forberedt av " + rs.getString("prepared_by")
                        + " (fordeling " + rs.getString("proposal_id") + ")"
                        + (rs.getString("comment") == null ? "." : ". Merknad: " + rs.getString("comment")),
                        process, RANK_SIGN_OFF))
                .list().forEach(events::add);
        jdbc.sql("select * from km_letter where cycle_id = ?").param(cycle.id())
                .query((rs, i) -> {
                    List<AuditEvent> letter = new ArrayList<>();
                    String what = switch (rs.getString("kind")) {
                        case "TILSAGN" -> "Tilsagnsbrev";
                        case "AVSLAG" -> "Avslagsbrev";
                        case "KLAGE" -> "Svar på klage";
                        default -> "Kravbrev";
                    } + " til "
                            + rs.getString("name") + " (" + rs.getString("organisation_number") + ")";
                    Long granted = rs.getLong("granted_ore");
                    letter.add(new AuditEvent(rs.getTimestamp("written_at").toInstant(), null, null, "Brev skrevet",
                            what + ": innvilget " + Money.ofOre(granted).format() + ", søkt "
                            + Money.ofOre(rs.getLong("applied_ore")).format() + ", klagefrist "
                            + rs.getDate("complaint_deadline").toLocalDate() + ", mal " + rs.getString("template") + ".",
                            "vedtaksbrev", RANK_LETTER).about(rs.getString("organisation_number"), granted,
                            rs.getString("decision_id")));
                    if (rs.getTimestamp("sent_at") != null) {
                        letter.add(new AuditEvent(rs.getTimestamp("sent_at").toInstant(), null, null, "Brev sendt",
                                what + " sendt og journalført gjennom eFormidling (melding " + rs.getString("message_id")
                                + ").", "vedtaksbrev", RANK_LETTER + 1).about(rs.getString("organisation_number"),
                                null, rs.getString("decision_id")));
                    }
                    if (rs.getTimestamp("delivered_at") != null) {
                        letter.add(new AuditEvent(rs.getTimestamp("delivered_at").toInstant(), null, null, "Brev levert",
                                what + " levert.", "vedtaksbrev", RANK_LETTER + 2)
                                .about(rs.getString("organisation_number"), null, rs.getString("decision_id")));
                    }
                    return letter;
                }).list().forEach(events::addAll);
        jdbc.sql("select * from km_claim where cycle_id = ?").param(cycle.id())
                .query((rs, i) -> {
                    List<AuditEvent> claim = new ArrayList<>();
                    claim.add(new AuditEvent(rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), null,
                            "KLAGE".equals(rs.getString("kind")) ? "Krav etter klage" : "Krav (R15)",
                            "Krav om tilbakebetaling til " + rs.getString("name") + " ("
                            + rs.getString("organisation_number") + "): " + Money.ofOre(rs.getLong("amount_ore")).format()
                            + " til konto " + rs.getString("account_number") + ", frist "
                            + rs.getDate("due_date").toLocalDate() + ".", "egenvurdering", RANK_SETTLEMENT + 1)
                            .about(rs.getString("organisation_number"), rs.getLong("amount_ore"),
                                    rs.getString("decision_id")));
                    return claim;
                }).list().forEach(events::addAll);
        jdbc.sql("""
                        select p.*, c.name, c.organisation_number, c.decision_id, c.amount_ore claim_ore
                        from km_claim_payment p join km_claim c on c.id = p.claim_id where c.cycle_id = ?""")
                .param(cycle.id())
                .query((rs, i) -> new AuditEvent(rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
                        null, "Krav innbetalt", rs.getString("name") + " betalte " + Money.ofOre(rs.getLong("amount_ore"))
                        .format() + " tilbake " + rs.getDate("paid_on").toLocalDate() + " (kravet: "
                        + Money.ofOre(rs.getLong("claim_ore")).format() + ").", "egenvurdering", RANK_SETTLEMENT + 2)
                        .about(rs.getString("organisation_number"), rs.getLong("amount_ore"), rs.getString("decision_id")))
                .list().forEach(events::add);
        jdbc.sql("select * from km_payment_batch where cycle_id = ?").param(cycle.id())
                .query((rs, i) -> new AuditEvent(rs.getTimestamp("created_at").toInstant(), null, null, "Utbetalingsfil",
                        "Utbetalingsfil " + rs.getInt("number") + " til økonomisystemet: " + rs.getInt("line_count")
                        + " vedtak, til sammen " + Money.ofOre(rs.getLong("total_ore")).format() + "; forberedt av "
                        + rs.getString("prepared_by") + ", godkjent av " + rs.getString("approved_by") + ".", process,
                        RANK_PAYMENT + 1).about(null, rs.getLong("total_ore"), null))
                .list().forEach(events::add);
        jdbc.sql("select * from km_decision where cycle_id = ?").param(cycle.id())
                .query((rs, i) -> new AuditEvent(rs.getTimestamp("decided_at").toInstant(), rs.getString("decided_by"), null,
                        "Vedtak", rs.getString("name") + " (" + rs.getString("organisation_number") + "): "
                        + Money.ofOre(rs.getLong("amount_ore")).format() + ". Grunnlag: " + basis(rs.getString("basis"))
                        + ". " + rs.getString("reasons"), process, RANK_DECISION)
                        .about(rs.getString("organisation_number"), rs.getLong("amount_ore"), rs.getString("id")))
                .list().forEach(events::add);
        jdbc.sql("""
                        select p.*, d.name from km_payment p join km_decision d on d.id = p.decision_id
                        where d.cycle_id = ?""").param(cycle.id())
                .query((rs, i) -> new AuditEvent(rs.getTimestamp("paid_at").toInstant(), null, null,
                        "KLAGE".equals(rs.getString("kind")) ? "Etterbetaling etter klage" : "Utbetaling",
                        Money.ofOre(rs.getLong("amount_ore")).format() + " utbetalt til " + rs.getString("name") + " ("
                        + rs.getString("organisation_number") + "), konto " + rs.getString("account_number")
                        + ", vedtak " + rs.getString("decision_id") + ".", "utbetaling", RANK_PAYMENT)
                        .about(rs.getString("organisation_number"), rs.getLong("amount_ore"), rs.getString("decision_id")))
                .list().forEach(events::add);
        jdbc.sql("select * from km_complaint where cycle_id = ?").param(cycle.id())
                .query((rs, i) -> {
                    List<AuditEvent> complaint = new ArrayList<>();
                    String who = rs.getString("name") + " (" + rs.getString("organisation_number") + ")";
                    String status = rs.getString("status");
                    complaint.add(new AuditEvent(rs.getTimestamp("lodged_at").toInstant(), rs.getString("lodged_by"),
                            null, "Klage", who + " klaget på vedtaket om " + Money.ofOre(rs.getLong("amount_before_ore"))
                            .format() + ": " + rs.getString("grounds"), "klage", RANK_COMPLAINT)
                            .about(rs.getString("organisation_number"), rs.getLong("amount_before_ore"),
                                    rs.getString("decision_id")));
                    if (rs.getTimestamp("assessed_at") != null) {
                        // upheld: with the leader or approved, or sent back by the leader (a new amount, still received)
                        boolean upheld = Set.of("TIL_GODKJENNING", "OMGJORT").contains(status)
                                || "MOTTATT".equals(status) && rs.getObject("amount_after_ore") != null;
                        complaint.add(new AuditEvent(rs.getTimestamp("assessed_at").toInstant(),
                                rs.getString("assessed_by"), null, "Klage vurdert", who + ": " + (upheld
                                ? "tas til følge, nytt beløp " + Money.ofOre(rs.getLong("amount_after_ore")).format()
                                : "ikke tatt til følge, sendt til Utdanningsdirektoratet") + ". "
                                + rs.getString("assessment"), "klage", RANK_COMPLAINT + 1)
                                .about(rs.getString("organisation_number"), null, rs.getString("decision_id")));
                    }
                    Timestamp decided = rs.getTimestamp("udir_at") != null ? rs.getTimestamp("udir_at")
                            : rs.getTimestamp("approved_at");
                    if (decided != null) {
                        complaint.add(new AuditEvent(decided.toInstant(), rs.getString("udir_at") != null
                                ? rs.getString("udir_by") : rs.getString("approved_by"), null, "Klage avgjort",
                                who + ": " + switch (status) {
                                    case "OMGJORT" -> "nytt vedtak godkjent av lederen, "
                                            + Money.ofOre(rs.getLong("amount_after_ore")).format() + " (var "
                                            + Money.ofOre(rs.getLong("amount_before_ore")).format() + ").";
                                    case "OMGJORT_AV_UDIR" -> "Utdanningsdirektoratet omgjorde vedtaket til "
                                            + Money.ofOre(rs.getLong("amount_after_ore")).format() + " (var "
                                            + Money.ofOre(rs.getLong("amount_before_ore")).format() + "). "
                                            + rs.getString("udir_reasons");
                                    default -> "Utdanningsdirektoratet stadfestet vedtaket. " + rs.getString("udir_reasons");
                                }, "klage", RANK_COMPLAINT + 2)
                                .about(rs.getString("organisation_number"), rs.getObject("amount_after_ore") == null
                                        ? null : rs.getLong("amount_after_ore"), rs.getString("decision_id")));
                    }
                    return complaint;
                }).list().forEach(events::addAll);
        jdbc.sql("select * from km_reminder where cycle_id = ?").param(cycle.id())
                .query((rs, i) -> new AuditEvent(rs.getTimestamp("sent_at").toInstant(), null, null, "E-post sendt",
                        "«" + rs.getString("subject") + "» til " + rs.getString("recipient") + " ("
                        + rs.getString("organisation_number") + ").", rs.getString("kind").equals("BEHOVSMELDING")
                        ? "behovsmelding" : "egenvurdering", RANK_REMINDER)
                        .about(rs.getString("organisation_number"), null, null))
                .list().forEach(events::add);
        jdbc.sql("""
                        select e.*, d.name, d.organisation_number from km_self_evaluation e
                        join km_decision d on d.id = e.decision_id where d.cycle_id = ?""").param(cycle.id())
                .query((rs, i) -> {
                    List<AuditEvent> pair = new ArrayList<>();
                    pair.add(new AuditEvent(rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"), null,
                            "Egenvurdering", rs.getString("name") + " (" + rs.getString("organisation_number") + "): brukt "
                            + Money.ofOre(rs.getLong("used_ore")).format() + ", egenfinansiering "
                            + Money.ofOre(rs.getLong("co_financing_ore")).format() + ", " + rs.getInt("participants")
                            + " deltakere. Tiltak: " + rs.getString("measures_done") + " Vurdering: "
                            + rs.getString("assessment"), "egenvurdering", RANK_SELF_EVALUATION)
                            .about(rs.getString("organisation_number"), rs.getLong("used_ore"), rs.getString("decision_id")));
                    if (rs.getTimestamp("reviewed_at") != null) {
                        pair.add(new AuditEvent(rs.getTimestamp("reviewed_at").toInstant(), rs.getString("reviewed_by"), null,
                                "Oppgjør (R15)", rs.getString("name") + ": " + settlement(rs.getString("settlement"))
                                + " " + Money.ofOre(rs.getLong("settlement_ore")).format() + ".", "egenvurdering",
                                RANK_SETTLEMENT).about(rs.getString("organisation_number"), rs.getLong("settlement_ore"),
                                rs.getString("decision_id")));
                    }
                    return pair;
                }).list().forEach(events::addAll);
        return events;
    }

    /** The case in figures, first in the account: the money, and what did not run as planned. */
    /** The process instances of the complaints on the cycle's decisions. */
    List<String> complaintProcesses(String cycleId) {
        return jdbc.sql("select process_instance_id from km_complaint where cycle_id = ? and process_instance_id is not null")
                .param(cycleId).query(String.class).list();
    }

    record Summary(long frameOre, long recommendedOre, long decidedOre, long paidOre, long claimedOre, long carriedOre,
                   long recipients, long needReports, long notTakingPart, long breaches, long uhDeclined,
                   long uhUnanswered, long unpaidDecisions) {
    }

    Summary summary(CycleRepository.Cycle cycle) {
        String id = cycle.id();
        return new Summary(cycle.frame().ore(),
                number("""
                        select coalesce(sum(g.amount_ore), 0) from km_proposal_grant g where g.proposal_id =
                          (select p.id from km_proposal p where p.cycle_id = ? and p.version =
                             (select max(version) from km_proposal where cycle_id = p.cycle_id))""", id),
                number("select coalesce(sum(amount_ore), 0) from km_decision where cycle_id = ?", id),
                number("""
                        select coalesce(sum(p.amount_ore), 0) from km_payment p join km_decision d on d.id = p.decision_id
                        where d.cycle_id = ?""", id),
                number(settled("REPAYMENT_CLAIM"), id),
                number(settled("CARRY_OVER"), id),
                number("select count(*) from km_decision where cycle_id = ?", id),
                number("select count(*) from km_need_report where cycle_id = ?", id),
                number("select count(*) from km_participation where cycle_id = ? and takes_part = false", id),
                number("""
                        select count(*) from km_rule_breach b join km_rule_check c on c.id = b.check_id
                        join km_proposal p on p.id = c.proposal_id where p.cycle_id = ?""", id),
                number("select count(*) from km_measure where cycle_id = ? and uh_answer = 'AVSLATT'", id),
                number("select count(*) from km_measure where cycle_id = ? and uh_answer = 'UBESVART'", id),
                number("""
                        select count(*) from km_decision d where d.cycle_id = ?
                        and not exists (select 1 from km_payment p where p.decision_id = d.id)""", id));
    }

    private static String settled(String kind) {
        return """
                select coalesce(sum(e.settlement_ore), 0) from km_self_evaluation e join km_decision d on d.id = e.decision_id
                where d.cycle_id = ? and e.settlement = '%s'""".formatted(kind);
    }

    private long number(String sql, String cycleId) {
        return jdbc.sql(sql).param(cycleId).query((rs, i) -> rs.getLong(1)).single();
    }

    List<CycleRepository.Cycle> find(String embeteCode, String scheme, Integer year, String organisationNumber) {
        StringBuilder sql = new StringBuilder("select c.* from km_cycle c where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (embeteCode != null) {
            sql.append(" and c.embete_code = ?");
            params.add(embeteCode);
        }
        if (scheme != null) {
            sql.append(" and c.scheme = ?");
            params.add(scheme);
        }
        if (year != null) {
            sql.append(" and c.budget_year = ?");
            params.add(year);
        }
        if (organisationNumber != null) {
            sql.append(" and (exists (select 1 from km_need_report n where n.cycle_id = c.id and n.organisation_number = ?)"
                    + " or exists (select 1 from km_participation n where n.cycle_id = c.id and n.organisation_number = ?)"
                    + " or exists (select 1 from km_decision n where n.cycle_id = c.id and n.organisation_number = ?))");
            params.add(organisationNumber);
            params.add(organisationNumber);
            params.add(organisationNumber);
        }
        sql.append(" order by c.budget_year desc, c.embete_code, c.scheme");
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> CycleRepository.cycle(rs)).list();
    }

    /** The rows of a stored proposal as the auditor reads them: name, number, amount and measure. */
    private String rows(String proposalId) {
        List<String> rows = jdbc.sql("select * from km_proposal_grant where proposal_id = ? order by line_no")
                .param(proposalId).query((rs, i) -> rs.getString("name") + " (" + rs.getString("organisation_number")
                        + ") " + Money.ofOre(rs.getLong("amount_ore")).format() + ", egenandel "
                        + Money.ofOre(rs.getLong("co_financing_cash_ore")).format() + ", «" + rs.getString("measure_title")
                        + "»").list();
        return rows.size() + (rows.size() == 1 ? " rad: " : " rader: ") + String.join("; ", rows);
    }

    /** A check's recorded parameters; a check recorded before they were written in Norwegian reads the same. */
    static String parameters(String recorded) {
        String text = recorded == null ? "" : recorded;
        for (var policy : no.kompetansemidler.domain.funding.UnusedMoneyPolicy.values()) {
            text = text.replace("=" + policy.name(), "=" + policy.displayName());
        }
        return text;
    }

    static String basis(String basis) {
        return "RESERVEVEDTAK".equals(basis) ? "Statsforvalterens reservevedtak (R7)" : "forumets innstilling";
    }

    static String settlement(String settlement) {
        return settlement == null ? "ikke vurdert" : switch (settlement) {
            case "REPAYMENT_CLAIM" -> "krav om tilbakebetaling av";
            case "CARRY_OVER" -> "overført til neste år:";
            default -> "ingen ubrukte midler,";
        };
    }

    private static String keyName(String key) {
        return key == null ? "beløp per mottaker" : switch (key) {
            case "EQUAL" -> "likt mellom mottakerne";
            case "WEIGHTS" -> "etter vekter";
            default -> "beløp per mottaker";
        };
    }
}
