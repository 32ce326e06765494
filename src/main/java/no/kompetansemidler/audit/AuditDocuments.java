package no.kompetansemidler.audit;

import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.validation.Texts;
import no.kompetansemidler.system.PdfDocuments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The account as a page (a summary first, then the events, which the auditor can narrow to one organisation or one
 * kind of event), as CSV and JSON with the organisation, amount and decision in their own columns, and as a portrait
 * PDF with a summary page and page numbers.
 */
final class AuditDocuments {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(OSLO);
    static final String[] COLUMNS = {"Tidspunkt", "Bruker", "Rolle", "Hendelse", "Hva", "Organisasjonsnummer",
            "Beløp (kr)", "Vedtak", "Sak"};

    private AuditDocuments() {
    }

    static String title(CycleRepository.Cycle c) {
        return "Saksforløp: " + c.office().displayName() + ", " + c.scheme().name() + " " + c.year();
    }

    /** The summary's lines: label and value, as the page and the PDF show them. */
    static Map<String, String> summary(AuditTrail.Account account) {
        AuditRepository.Summary s = account.summary();
        long failed = account.failedSteps();
        long cancelled = account.cancelledTasks();
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("Ramme fra Udir", Money.ofOre(s.frameOre()).format());
        lines.put("Innstilt (siste versjon av fordelingen)", Money.ofOre(s.recommendedOre()).format());
        lines.put("Vedtatt", Money.ofOre(s.decidedOre()).format() + " til " + s.recipients() + " mottakere");
        lines.put("Ikke fordelt av rammen", Money.ofOre(s.frameOre() - s.decidedOre()).format());
        lines.put("Utbetalt", Money.ofOre(s.paidOre()).format());
        lines.put("Krav om tilbakebetaling (R15)", Money.ofOre(s.claimedOre()).format());
        lines.put("Overført til neste år (R15)", Money.ofOre(s.carriedOre()).format());
        lines.put("Behovsmeldinger", s.needReports() + " sendt; " + s.notTakingPart() + " eiere deltok ikke (R5)");
        lines.put("Avvik", s.breaches() + " regelbrudd funnet i kontrollene; " + s.uhDeclined() + " tiltak avslått og "
                + s.uhUnanswered() + " ikke besvart av UH; " + s.unpaidDecisions() + " vedtak ikke utbetalt; " + failed
                + " steg feilet; " + cancelled + " oppgaver avbrutt av en frist eller av saken");
        return lines;
    }

    static String html(AuditTrail.Account account, boolean forPdf, String organisation, String kind,
                       List<String> organisations, List<String> kinds) {
        CycleRepository.Cycle c = account.cycle();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"nb\" xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
                + "<meta charset=\"utf-8\" /><title>").append(e(title(c))).append("</title><style>")
                .append("body{font-family:sans-serif;color:#1e2b3c;font-size:").append(forPdf ? "8pt" : "15px")
                .append(";margin:").append(forPdf ? "0" : "1em auto;max-width:110em;padding:0 1.5em").append("}")
                .append("h1{font-size:").append(forPdf ? "15pt" : "1.6em").append("}")
                .append("table{border-collapse:collapse;width:100%}" + (forPdf ? "table{table-layout:fixed}td{word-wrap:break-word}" : "")
                        + "td,th{border-bottom:1px solid #c7d2dc;padding:3px 5px;"
                        + "text-align:left;vertical-align:top}th{color:#4a5968}")
                .append("table.sammendrag{width:auto;margin-bottom:1em}table.sammendrag th{width:18em;font-weight:normal}")
                .append("td.tall{text-align:right;white-space:nowrap}nav{margin:1em 0}form{margin:1em 0}"
                        + "form label{margin-right:1em}@media print{nav,form{display:none}}")
                .append(forPdf ? "@page{size:A4 portrait;margin:16mm 12mm 18mm 12mm;@bottom-center{content:\"Side \" "
                        + "counter(page) \" av \" counter(pages);font-size:8pt;color:#555}}"
                        + ".sammendragsside{page-break-after:always}thead{display:table-header-group}"
                        + "tr{page-break-inside:avoid}" : "")
                .append("</style></head><body>");
        h.append("<div class=\"sammendragsside\"><h1>").append(e(title(c))).append("</h1>");
        if (!forPdf) {
            String query = query(organisation, kind);
            h.append("<nav><a href=\"/revisjon\">Finn andre saker</a> · <a href=\"").append(c.id()).append("/csv")
                    .append(query).append("\">CSV</a> · <a href=\"").append(c.id()).append("/json").append(query)
                    .append("\">JSON</a> · <a href=\"").append(c.id()).append("/pdf").append(query)
                    .append("\">PDF</a></nav>");
        }
        h.append("<h2>Sammendrag</h2><table class=\"sammendrag\">");
        summary(account).forEach((label, value) -> h.append("<tr><th>").append(e(label)).append("</th><td>")
                .append(e(value)).append("</td></tr>"));
        h.append("</table><p>Syklus ").append(e(c.id())).append(", prosessinstans ").append(e(c.processInstanceId()))
                .append(". Modellversjoner: ");
        account.models().forEach((k, v) -> h.append(e(k + " (" + v + ")")).append("; "));
        h.append("</p>");
        if (organisation != null || kind != null) {
            h.append("<p><strong>Utvalg:</strong> ").append(organisation == null ? "alle eiere og mottakere"
                            : e(account.names().getOrDefault(organisation, organisation) + " (" + organisation + ")"))
                    .append(", ").append(kind == null ? "alle hendelser" : "hendelsen «" + e(kind) + "»").append(".</p>");
        }
        h.append("</div>");
        if (!forPdf) {
            h.append("<form method=\"get\"><label>Eier eller mottaker <select name=\"eier\"><option value=\"\">alle</option>");
            for (String o : organisations) {
                h.append("<option value=\"").append(e(o)).append("\"").append(o.equals(organisation) ? " selected" : "")
                        .append(">").append(e(account.names().getOrDefault(o, o) + " (" + o + ")")).append("</option>");
            }
            h.append("</select></label><label>Hendelse <select name=\"hendelse\"><option value=\"\">alle</option>");
            for (String k : kinds) {
                h.append("<option").append(k.equals(kind) ? " selected" : "").append(">").append(e(k)).append("</option>");
            }
            h.append("</select></label><button>Vis</button></form>");
        }
        h.append("<h2>Hendelsene (").append(account.events().size()).append(")</h2><table><thead><tr>");
        if (forPdf) {
            // portrait: the person and the text get the room, the time and the amount what they need
            h.append("<th style=\"width:11%\">Tidspunkt</th><th style=\"width:24%\">Hvem</th>"
                    + "<th style=\"width:12%\">Hendelse</th><th style=\"width:41%\">Hva</th>"
                    + "<th style=\"width:12%\">Beløp</th>");
        } else {
            for (String column : COLUMNS) {
                h.append("<th>").append(column).append("</th>");
            }
        }
        h.append("</tr></thead><tbody>");
        for (AuditEvent event : account.events()) {
            List<String> cells = cells(event);
            h.append("<tr>");
            if (forPdf) {
                h.append("<td>").append(e(cells.get(0))).append("</td><td>").append(e(cells.get(1)))
                        .append(cells.get(2).equals(cells.get(1)) ? "" : "<br/>" + e(cells.get(2))).append("</td><td>")
                        .append(e(cells.get(3))).append("</td><td>").append(e(cells.get(4)))
                        .append(cells.get(5).isEmpty() ? "" : " (" + e(cells.get(5)) + ")").append("</td><td class=\"tall\">")
                        .append(event.amountOre() == null ? "" : e(Money.ofOre(event.amountOre()).format())).append("</td>");
            } else {
                for (int i = 0; i < cells.size(); i++) {
                    String cell = i == 6 && event.amountOre() != null ? Money.ofOre(event.amountOre()).format() : cells.get(i);
                    h.append(i == 6 ? "<td class=\"tall\">" : "<td>").append(e(cell)).append("</td>");
                }
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table></body></html>").toString();
    }

    private static String query(String organisation, String kind) {
        StringBuilder q = new StringBuilder();
        if (organisation != null) {
            q.append("?eier=").append(URLEncoder.encode(organisation, StandardCharsets.UTF_8));
        }
        if (kind != null) {
            q.append(q.isEmpty() ? "?" : "&").append("hendelse=").append(URLEncoder.encode(kind, StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    /** The event's cells, each readable whatever was stored (Texts.displayable): no export breaks on a stored text. */
    static List<String> cells(AuditEvent event) {
        return Stream.of(TIME.format(event.at()), event.user(), event.role(), event.kind(), event.what(),
                        event.organisationNumber(), event.amountOre() == null ? null : kroner(event.amountOre()),
                        event.decisionId(), event.process())
                .map(v -> v == null ? "" : Texts.displayable(v)).toList();
    }

    /** «1500000,00»: kroner with a decimal comma, as a Norwegian spreadsheet reads it. */
    static String kroner(long ore) {
        long abs = Math.abs(ore);
        return (ore < 0 ? "-" : "") + abs / 100 + "," + String.format("%02d", abs % 100);
    }

    /** Semicolon-separated, quoted, UTF-8 with a byte order mark so that a spreadsheet reads æ, ø and å. */
    static byte[] csv(AuditTrail.Account account) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(";", COLUMNS)).append("\r\n");
        for (AuditEvent event : account.events()) {
            csv.append(String.join(";", cells(event).stream().map(AuditDocuments::quote).toList())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Object> json(AuditTrail.Account account) {
        CycleRepository.Cycle c = account.cycle();
        AuditRepository.Summary s = account.summary();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rammeOre", s.frameOre());
        summary.put("innstiltOre", s.recommendedOre());
        summary.put("vedtattOre", s.decidedOre());
        summary.put("utbetaltOre", s.paidOre());
        summary.put("tilbakebetalingskravOre", s.claimedOre());
        summary.put("overfortOre", s.carriedOre());
        summary.put("mottakere", s.recipients());
        summary.put("behovsmeldinger", s.needReports());
        summary.put("ikkeDeltatt", s.notTakingPart());
        summary.put("regelbrudd", s.breaches());
        summary.put("tiltakAvslattAvUh", s.uhDeclined());
        summary.put("tiltakIkkeBesvartAvUh", s.uhUnanswered());
        summary.put("vedtakIkkeUtbetalt", s.unpaidDecisions());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("syklus", Map.of("id", c.id(), "embete", c.office().slug(), "ordning", c.scheme().name(),
                "aar", c.year(), "rammeOre", c.frame().ore(), "prosessinstans", c.processInstanceId()));
        json.put("sammendrag", summary);
        json.put("modeller", account.models());
        json.put("hendelser", account.events().stream().map(e -> {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("tidspunkt", e.at().toString());
            event.put("bruker", shown(e.user()));
            event.put("rolle", shown(e.role()));
            event.put("hendelse", shown(e.kind()));
            event.put("hva", shown(e.what()));
            event.put("organisasjonsnummer", e.organisationNumber());
            event.put("belopOre", e.amountOre());
            event.put("vedtakId", e.decisionId());
            event.put("sak", shown(e.process()));
            return event;
        }).toList());
        return json;
    }

    private static String shown(String text) {
        return text == null ? "" : Texts.displayable(text);
    }

    static byte[] pdf(AuditTrail.Account account, String organisation, String kind) {
        return PdfDocuments.render(html(account, true, organisation, kind, List.of(), List.of()));
    }

    private static String quote(String cell) {
        return "\"" + (cell == null ? "" : Texts.displayable(cell).replace("\"", "\"\"")) + "\"";
    }

    /** HTML-escaped, and readable whatever was stored (also in the PDF, whose XML refuses a NUL). */
    static String e(String text) {
        return PdfDocuments.escape(text);
    }
}
