package no.kompetansemidler.audit;

import no.kompetansemidler.system.PdfDocuments;
import no.kompetansemidler.cycle.CycleRepository;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import no.kompetansemidler.domain.validation.Texts;
import java.util.Map;

/** The account as a printable page (XHTML, also the source of the PDF), as CSV and as a PDF a person can file. */
final class AuditDocuments {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss.SSS").withZone(OSLO);
    static final String[] COLUMNS = {"Tidspunkt", "Bruker", "Rolle", "Hendelse", "Hva", "Prosess"};

    private AuditDocuments() {
    }

    static String title(CycleRepository.Cycle c) {
        return "Saksforløp: " + c.embete().displayName() + ", " + c.scheme().name() + " " + c.year();
    }

    static String html(AuditTrail.Account account, boolean forPdf) {
        CycleRepository.Cycle c = account.cycle();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"nb\" xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
                + "<meta charset=\"utf-8\" /><title>").append(e(title(c))).append("</title><style>")
                .append("body{font-family:sans-serif;font-size:").append(forPdf ? "8pt" : "14px").append(";margin:1em}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:2px 4px;"
                        + "text-align:left;vertical-align:top}th{background:#eee}")
                .append("nav{margin:1em 0}@media print{nav{display:none}}")
                .append(forPdf ? "@page{size:A4 landscape;margin:1cm}" : "")
                .append("</style></head><body>");
        h.append("<h1>").append(e(title(c))).append("</h1>");
        if (!forPdf) {
            h.append("<nav><a href=\"/revisjon\">Søk</a> · <a href=\"").append(c.id()).append("/csv\">CSV</a> · <a href=\"")
                    .append(c.id()).append("/json\">JSON</a> · <a href=\"").append(c.id())
                    .append("/pdf\">PDF</a> · <a href=\"javascript:window.print()\">Skriv ut</a></nav>");
        }
        h.append("<p>Ramme: ").append(e(c.frame().format())).append(". Syklus ").append(e(c.id()))
                .append(", prosessinstans ").append(e(c.processInstanceId())).append(".</p><p>Modellversjoner: ");
        account.models().forEach((k, v) -> h.append(e(k + " (" + v + ")")).append("; "));
        h.append("</p><table><thead><tr>");
        for (String column : COLUMNS) {
            h.append("<th>").append(column).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (AuditEvent event : account.events()) {
            h.append("<tr>");
            for (String cell : cells(event)) {
                h.append("<td>").append(e(cell)).append("</td>");
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table><p>").append(account.events().size()).append(" hendelser.</p></body></html>")
                .toString();
    }

    /** The event's cells, each readable whatever was stored (Texts.displayable): no export breaks on a stored text. */
    static List<String> cells(AuditEvent event) {
        return java.util.stream.Stream.of(TIME.format(event.at()), event.user(), event.role(), event.kind(),
                event.what(), event.process()).map(Texts::displayable).toList();
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
        return Map.of("syklus", Map.of("id", c.id(), "embete", c.embete().slug(), "ordning", c.scheme().name(),
                        "aar", c.year(), "rammeOre", c.frame().ore(), "prosessinstans", c.processInstanceId()),
                "modeller", account.models(),
                "hendelser", account.events().stream().map(e -> Map.of("tidspunkt", e.at().toString(),
                        "bruker", shown(e.user()), "rolle", shown(e.role()), "hendelse", shown(e.kind()),
                        "hva", shown(e.what()), "prosess", shown(e.process()))).toList());
    }

    private static String shown(String text) {
        return text == null ? "" : Texts.displayable(text);
    }

    static byte[] pdf(AuditTrail.Account account) {
        return PdfDocuments.render(html(account, true));
    }

    private static String quote(String cell) {
        return "\"" + (cell == null ? "" : Texts.displayable(cell).replace("\"", "\"\"")) + "\"";
    }

    /** HTML-escaped, and readable whatever was stored (also in the PDF, whose XML refuses a NUL). */
    static String e(String text) {
        return PdfDocuments.escape(text);
    }
}
