package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The yearly report to Udir for one cycle, as a document a person can read: totals for the scheme, per recipient
 * (decided, paid, used, co-financing, settlement) and the measures.
 */
final class YearlyReport {

    record Totals(Money frame, Money carriedIn, Money decided, Money paid, Money used, Money coFinancing,
                  Money repayment, Money carryOver) {

        /** What was left undistributed of the frame and what was carried over into the cycle. */
        Money undistributed() {
            return frame.plus(carriedIn).minus(decided);
        }
    }

    /** What the report is made from, read from the tables once. */
    record Inputs(CycleRepository.Cycle cycle, String schemeName, List<CycleRepository.Decision> decisions,
                  List<CycleRepository.Payment> payments, Map<String, CycleRepository.SelfEvaluation> evaluations,
                  int needReports, int nonParticipants, int reminders, Money carriedIn, Money repaid) {

        static Inputs load(CycleRepository cycles, no.kompetansemidler.funding.SchemeCatalogue schemes,
                           String cycleId) {
            CycleRepository.Cycle cycle = cycles.cycle(cycleId);
            List<CycleRepository.Decision> decisions = cycles.decisions(cycleId);
            Map<String, CycleRepository.SelfEvaluation> evaluations = new java.util.HashMap<>();
            decisions.forEach(d -> cycles.selfEvaluation(d.id()).ifPresent(e -> evaluations.put(d.id(), e)));
            return new Inputs(cycle, schemes.name(cycle.scheme()), decisions, cycles.payments(cycleId), evaluations, cycles.needReports(cycleId).size(),
                    cycles.nonParticipants(cycleId).size(), cycles.reminders(cycleId).size(), cycles.carriedIn(cycle),
                    cycles.claimsPaidBack(cycleId));
        }
    }

    /** The schema's name and version in the machine-readable report (docs/api.md, «Årsrapporten som data»). */
    static final String SCHEMA = "kompetansemidler-arsrapport/1";

    /** One recipient in the machine-readable report; what it has not reported yet is null. */
    record Recipient(String organisasjonsnummer, String navn, String mottakertype, String vedtakId, long vedtattOre,
                     Long utbetaltOre, Long bruktOre, Long egenfinansieringOre, Integer deltakere, String oppgjor,
                     Long oppgjorOre) {
    }

    record Totalt(long rammeOre, long overfortFraAretForOre, long vedtattOre, long ikkeFordeltOre, long utbetaltOre,
                  long bruktOre, long egenfinansieringOre, long tilbakebetalingskravOre, long tilbakebetaltOre,
                  long overfortOre) {
    }

    /** The report as data (JSON): the same figures as the document, amounts in øre. */
    record Data(String skjema, String syklusId, String embete, String embeteNavn, String ordning, String ordningNavn,
                int aar, String laget, Totalt totalt, int behovsmeldinger, int ikkeDeltatt, int paminnelser,
                List<Recipient> mottakere) {
    }

    static final List<String> CSV_COLUMNS = List.of("syklusId", "embete", "ordning", "aar", "organisasjonsnummer",
            "navn", "mottakertype", "vedtakId", "vedtattOre", "utbetaltOre", "bruktOre", "egenfinansieringOre",
            "deltakere", "oppgjor", "oppgjorOre");

    private YearlyReport() {
    }

    static Data data(Inputs in, java.time.Instant made) {
        Totals t = totals(in.cycle(), in.carriedIn(), in.decisions(), in.payments(), in.evaluations());
        Map<String, CycleRepository.Payment> paid = in.payments().stream()
                .collect(Collectors.toMap(CycleRepository.Payment::decisionId, Function.identity()));
        List<Recipient> recipients = in.decisions().stream().map(d -> {
            CycleRepository.Payment p = paid.get(d.id());
            CycleRepository.SelfEvaluation ev = in.evaluations().get(d.id());
            return new Recipient(d.organisationNumber(), d.name(), "UH".equals(d.recipientKind()) ? "UH" : "PROVIDER".equals(d.recipientKind()) ? "TILBYDER" : "EIER", d.id(),
                    d.amount().ore(), p == null ? null : p.amount().ore(), ev == null ? null : ev.used().ore(),
                    ev == null ? null : ev.coFinancing().ore(), ev == null ? null : ev.participants(),
                    ev == null || ev.settlement() == null ? null : settlementCode(ev.settlement()),
                    ev == null || ev.settlementAmount() == null ? null : ev.settlementAmount().ore());
        }).toList();
        CycleRepository.Cycle c = in.cycle();
        return new Data(SCHEMA, c.id(), c.office().slug(), c.office().displayName(), c.scheme().name(),
                in.schemeName(), c.year(), made.toString(), new Totalt(t.frame().ore(), t.carriedIn().ore(),
                t.decided().ore(), t.undistributed().ore(), t.paid().ore(), t.used().ore(), t.coFinancing().ore(),
                t.repayment().ore(), in.repaid().ore(), t.carryOver().ore()), in.needReports(), in.nonParticipants(), in.reminders(),
                recipients);
    }

    /** One row per recipient, the columns of {@link #CSV_COLUMNS}; semicolon-separated, UTF-8, amounts in øre. */
    static String csv(Data data) {
        StringBuilder csv = new StringBuilder(String.join(";", CSV_COLUMNS)).append("\r\n");
        for (Recipient r : data.mottakere()) {
            csv.append(java.util.stream.Stream.of(data.syklusId(), data.embete(), data.ordning(), data.aar(),
                            r.organisasjonsnummer(), r.navn(), r.mottakertype(), r.vedtakId(), r.vedtattOre(),
                            r.utbetaltOre(), r.bruktOre(), r.egenfinansieringOre(), r.deltakere(), r.oppgjor(),
                            r.oppgjorOre())
                    .map(v -> v == null ? "" : quoted(String.valueOf(v))).collect(Collectors.joining(";")))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String quoted(String value) {
        String text = no.kompetansemidler.domain.validation.Texts.displayable(value);
        return text.matches("[0-9A-Za-z_-]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String settlementCode(String settlement) {
        return switch (settlement) {
            case "REPAYMENT_CLAIM" -> "TILBAKEBETALINGSKRAV";
            case "CARRY_OVER" -> "OVERFORING";
            default -> "INGEN";
        };
    }

    static Totals totals(CycleRepository.Cycle cycle, Money carriedIn, List<CycleRepository.Decision> decisions,
                         List<CycleRepository.Payment> payments, Map<String, CycleRepository.SelfEvaluation> evaluations) {
        Money decided = Money.sum(decisions.stream().map(CycleRepository.Decision::amount).toList());
        Money paid = Money.sum(payments.stream().map(CycleRepository.Payment::amount).toList());
        Money used = Money.sum(evaluations.values().stream().map(CycleRepository.SelfEvaluation::used).toList());
        Money coFinancing = Money.sum(evaluations.values().stream().map(CycleRepository.SelfEvaluation::coFinancing).toList());
        Money repayment = settled(evaluations, "REPAYMENT_CLAIM");
        Money carryOver = settled(evaluations, "CARRY_OVER");
        return new Totals(cycle.frame(), carriedIn, decided, paid, used, coFinancing, repayment, carryOver);
    }

    private static Money settled(Map<String, CycleRepository.SelfEvaluation> evaluations, String kind) {
        return Money.sum(evaluations.values().stream().filter(e -> kind.equals(e.settlement()))
                .map(CycleRepository.SelfEvaluation::settlementAmount).toList());
    }

    static String html(CycleRepository.Cycle cycle, String embeteName, String schemeName, List<CycleRepository.Decision> decisions,
                       List<CycleRepository.Payment> payments, Map<String, CycleRepository.SelfEvaluation> evaluations,
                       int needReports, int nonParticipants, int reminders, Money carriedIn) {
        Totals t = totals(cycle, carriedIn, decisions, payments, evaluations);
        Map<String, CycleRepository.Payment> paidByDecision = payments.stream()
                .collect(Collectors.toMap(CycleRepository.Payment::decisionId, Function.identity()));
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>")
                .append(e("Årsrapport " + cycle.scheme().name() + " " + cycle.year() + " – " + embeteName))
                .append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
                        + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3em;text-align:left}"
                        + "td.n{text-align:right;white-space:nowrap}</style></head><body>");
        h.append("<h1>").append(e("Årsrapport til Utdanningsdirektoratet")).append("</h1>");
        h.append("<p>").append(e(embeteName + " – " + schemeName + " (" + cycle.scheme().name()
                + "), " + cycle.year())).append("</p>");
        h.append("<h2>Totalt</h2><table>");
        row(h, "Ramme fra Udir", t.frame());
        if (t.carriedIn().isPositive()) {
            row(h, "Overført fra året før", t.carriedIn());
        }
        row(h, "Vedtatt", t.decided());
        row(h, "Ikke fordelt", t.undistributed());
        row(h, "Utbetalt", t.paid());
        row(h, "Rapportert brukt", t.used());
        row(h, "Egenfinansiering rapportert", t.coFinancing());
        row(h, "Tilbakebetalingskrav", t.repayment());
        row(h, "Overført til neste år", t.carryOver());
        h.append("</table><p>").append(needReports).append(" behovsmeldinger, ").append(nonParticipants)
                .append(" eiere deltok ikke, ").append(reminders).append(" påminnelser sendt.</p>");
        h.append("<h2>Per mottaker</h2><table><tr><th>Mottaker</th><th>Org.nr.</th><th>Vedtatt</th><th>Utbetalt</th>"
                + "<th>Brukt</th><th>Egenfinansiering</th><th>Oppgjør</th></tr>");
        for (CycleRepository.Decision d : decisions) {
            CycleRepository.Payment p = paidByDecision.get(d.id());
            CycleRepository.SelfEvaluation ev = evaluations.get(d.id());
            h.append("<tr><td>").append(e(d.name())).append("</td><td>").append(e(d.organisationNumber()))
                    .append("</td><td class=n>").append(e(d.amount().format()))
                    .append("</td><td class=n>").append(p == null ? "–" : e(p.amount().format()))
                    .append("</td><td class=n>").append(ev == null ? "–" : e(ev.used().format()))
                    .append("</td><td class=n>").append(ev == null ? "–" : e(ev.coFinancing().format()))
                    .append("</td><td>").append(ev == null || ev.settlement() == null ? "–"
                            : e(settlementText(ev.settlement()) + " " + ev.settlementAmount().format()))
                    .append("</td></tr>");
        }
        h.append("</table><h2>Vedtak og tiltak</h2><ul>");
        for (CycleRepository.Decision d : decisions) {
            h.append("<li>").append(e(d.reasons())).append("</li>");
        }
        h.append("</ul><h2>Egenvurderinger</h2><ul>");
        for (CycleRepository.Decision d : decisions) {
            CycleRepository.SelfEvaluation ev = evaluations.get(d.id());
            if (ev != null) {
                h.append("<li><b>").append(e(d.name())).append("</b>: ").append(e(ev.measuresDone())).append(" (")
                        .append(ev.participants()).append(" deltakere). ").append(e(ev.assessment())).append("</li>");
            }
        }
        return h.append("</ul></body></html>").toString();
    }

    private static String settlementText(String settlement) {
        return switch (settlement) {
            case "REPAYMENT_CLAIM" -> "tilbakebetalingskrav";
            case "CARRY_OVER" -> "overført";
            default -> "ingen ubrukte midler";
        };
    }

    private static void row(StringBuilder h, String label, Money amount) {
        h.append("<tr><th>").append(e(label)).append("</th><td class=n>").append(e(amount.format())).append("</td></tr>");
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : no.kompetansemidler.domain.validation.Texts.displayable(text),
                "UTF-8");
    }
}
