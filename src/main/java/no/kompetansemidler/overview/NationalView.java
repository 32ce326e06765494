package no.kompetansemidler.overview;

import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.domain.organisation.Scheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The country's year for Udir: every embete's cycles, each with its frame, what was decided, paid, claimed back and
 * carried over, and whether the cycle and its yearly report are done; with sums per scheme and for the country.
 * A handful of grouped queries over the year's cycles, whatever the number of recipients.
 */
@Service
public class NationalView {

    public record Line(String embete, String embeteNavn, String ordning, String syklusId, String status,
                       long rammeOre, long vedtattOre, long utbetaltOre, long tilbakebetalingskravOre, long overfortOre,
                       long mottakere, String arsrapport) {
    }

    public record Sum(String ordning, long sykluser, long rammeOre, long vedtattOre, long utbetaltOre,
                      long tilbakebetalingskravOre, long overfortOre, long mottakere) {
    }

    public record View(int aar, List<Integer> aarValg, List<Line> sykluser, List<Sum> perOrdning, Sum landet) {
    }

    static final String DONE = "Avsluttet";
    static final String RUNNING = "Pågår";

    private final JdbcClient jdbc;
    private final Clock clock;

    private final no.kompetansemidler.funding.SchemeCatalogue schemes;

    NationalView(JdbcClient jdbc, Clock clock, no.kompetansemidler.funding.SchemeCatalogue schemes) {
        this.schemes = schemes;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Integer> years() {
        return jdbc.sql("select distinct budget_year from km_cycle order by budget_year desc").query(Integer.class).list();
    }

    public View of(Integer yearOrNull) {
        List<Integer> years = years();
        int year = yearOrNull != null ? yearOrNull : years.isEmpty() ? LocalDate.now(clock).getYear() : years.get(0);
        Map<String, long[]> decided = perCycle("""
                select d.cycle_id, sum(d.amount_ore), count(*) from km_decision d join km_cycle c on c.id = d.cycle_id
                where c.budget_year = ? group by d.cycle_id""", year);
        Map<String, long[]> paid = perCycle("""
                select d.cycle_id, sum(p.amount_ore), count(*) from km_payment p join km_decision d on d.id = p.decision_id
                join km_cycle c on c.id = d.cycle_id where c.budget_year = ? group by d.cycle_id""", year);
        Map<String, long[]> claimed = perCycle(settled("REPAYMENT_CLAIM"), year);
        Map<String, long[]> carried = perCycle(settled("CARRY_OVER"), year);
        List<Line> lines = new ArrayList<>();
        jdbc.sql("""
                        select c.id, c.embete_code, c.scheme, c.frame_ore, p.end_time_, r.cycle_id as report,
                               c.county_number
                        from km_cycle c left join act_hi_procinst p on p.id_ = c.process_instance_id
                        left join km_report r on r.cycle_id = c.id
                        where c.budget_year = ? order by c.embete_code, c.scheme, c.county_number""")
                .param(year).query((rs, i) -> {
                    String id = rs.getString(1);
                    Office embete = no.kompetansemidler.cycle.CycleRepository.office(rs.getString(2), rs.getString(7));
                    return lines.add(new Line(embete.slug(), embete.displayName(), rs.getString(3), id,
                            rs.getTimestamp(5) == null ? RUNNING : DONE, rs.getLong(4), amount(decided, id),
                            amount(paid, id), amount(claimed, id), amount(carried, id),
                            decided.getOrDefault(id, new long[]{0, 0})[1],
                            rs.getString(6) == null ? null : "/api/rapporter/" + id));
                }).list();
        Map<String, List<Line>> byScheme = new LinkedHashMap<>();
        for (Scheme scheme : schemes.schemes()) {
            byScheme.put(scheme.name(), lines.stream().filter(l -> l.ordning().equals(scheme.name())).toList());
        }
        List<Sum> sums = byScheme.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> sum(e.getKey(), e.getValue())).toList();
        return new View(year, years, lines, sums, sum("Hele landet", lines));
    }

    private static Sum sum(String label, List<Line> lines) {
        return new Sum(label, lines.size(), lines.stream().mapToLong(Line::rammeOre).sum(),
                lines.stream().mapToLong(Line::vedtattOre).sum(), lines.stream().mapToLong(Line::utbetaltOre).sum(),
                lines.stream().mapToLong(Line::tilbakebetalingskravOre).sum(),
                lines.stream().mapToLong(Line::overfortOre).sum(), lines.stream().mapToLong(Line::mottakere).sum());
    }

    private static String settled(String kind) {
        return """
                select d.cycle_id, sum(e.settlement_ore), count(*) from km_self_evaluation e
                join km_decision d on d.id = e.decision_id join km_cycle c on c.id = d.cycle_id
                where c.budget_year = ? and e.settlement = '%s' group by d.cycle_id""".formatted(kind);
    }

    private Map<String, long[]> perCycle(String sql, int year) {
        Map<String, long[]> sums = new HashMap<>();
        jdbc.sql(sql).param(year).query((rs, i) -> sums.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)}))
                .list();
        return sums;
    }

    private static long amount(Map<String, long[]> sums, String cycleId) {
        return sums.getOrDefault(cycleId, new long[]{0, 0})[0];
    }
}
