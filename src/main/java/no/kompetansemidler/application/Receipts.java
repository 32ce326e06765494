package no.kompetansemidler.application;

import no.kompetansemidler.application.ApplicationRepository.StoredMeasure;
import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.domain.application.Goal;
import no.kompetansemidler.domain.application.TargetGroup;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.system.PdfDocuments;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The receipt an owner gets for its application (behovsmelding): what was sent, when and by whom, as a PDF it can
 * open and download again at any time. It is written from the stored application, never from the form's values,
 * so it shows exactly what the case holds.
 */
@Service
public class Receipts {

    /** One receipt as the list shows it. */
    public record Entry(String syklusId, String eier, String eierNavn, String embete, String ordning, int aar,
                        String sendt, String sendtAv, String lenke) {
    }

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm").withZone(OSLO);

    private final JdbcClient jdbc;
    private final CycleRepository cycles;
    private final ApplicationRepository applications;
    private final MasterDataRepository masterData;
    private final IdentityService identity;
    private final Clock clock;

    Receipts(JdbcClient jdbc, CycleRepository cycles, ApplicationRepository applications, MasterDataRepository masterData,
             IdentityService identity, Clock clock) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.applications = applications;
        this.masterData = masterData;
        this.identity = identity;
        this.clock = clock;
    }

    /** The receipts of the owners' applications, newest first. */
    public List<Entry> of(List<String> organisationNumbers) {
        if (organisationNumbers.isEmpty()) {
            return List.of();
        }
        String in = organisationNumbers.stream().map(o -> "?").collect(Collectors.joining(", "));
        return jdbc.sql("""
                        select r.cycle_id, r.organisation_number, r.submitted_by, r.submitted_at, c.embete_code, c.scheme,
                               c.budget_year
                        from km_need_report r join km_cycle c on c.id = r.cycle_id
                        where r.organisation_number in (%s) order by r.submitted_at desc""".formatted(in))
                .params(organisationNumbers.toArray()).query((rs, i) -> {
                    String cycleId = rs.getString("cycle_id");
                    String owner = rs.getString("organisation_number");
                    return new Entry(cycleId, owner, masterData.ownerName(owner),
                            Embete.valueOf(rs.getString("embete_code")).displayName(), rs.getString("scheme"),
                            rs.getInt("budget_year"), SHOWN.format(rs.getTimestamp("submitted_at").toInstant()),
                            who(rs.getString("submitted_by")), "/api/kvitteringer/" + cycleId + "/" + owner + ".pdf");
                }).list();
    }

    /** The receipt as a PDF, if the owner has sent its application in the cycle. */
    public Optional<byte[]> pdf(String cycleId, String owner) {
        return html(cycleId, owner).map(PdfDocuments::render);
    }

    /** The receipt as the HTML the PDF is made from. */
    Optional<String> html(String cycleId, String owner) {
        Optional<CycleRepository.SentNeedReport> sent = cycles.needReport(cycleId, owner);
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        CycleRepository.NeedReport report = sent.get().report();
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        StringBuilder html = new StringBuilder("""
                <html lang="nb"><head><meta charset="utf-8"/><title>Kvittering for behovsmelding</title><style>
                @page { size: A4 portrait; margin: 20mm 18mm 22mm 18mm;
                  @bottom-center { content: "Side " counter(page) " av " counter(pages); font-size: 9pt; color: #555; } }
                body { font-family: sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1b1b1b; }
                h1 { font-size: 17pt; margin: 0 0 4pt 0; } h2 { font-size: 12.5pt; margin: 16pt 0 4pt 0; }
                table { border-collapse: collapse; width: 100%; } td, th { text-align: left; vertical-align: top;
                  padding: 3pt 6pt 3pt 0; } th { width: 38%; font-weight: normal; color: #444; }
                .tiltak { border-top: 1px solid #bbb; margin-top: 8pt; padding-top: 4pt; page-break-inside: avoid; }
                .merknad { color: #444; font-size: 9.5pt; margin-top: 18pt; }
                </style></head><body>""");
        html.append("<h1>Kvittering for behovsmelding</h1>")
                .append("<p>").append(e(cycle.embete().displayName())).append(" har mottatt behovsmeldingen nedenfor.</p>")
                .append("<table>")
                .append(row("Eier", masterData.ownerName(owner) + " (" + owner + ")"))
                .append(row("Ordning og år", cycle.scheme().displayName() + " (" + cycle.scheme().name() + ") "
                        + cycle.year()))
                .append(row("Sendt", SHOWN.format(sent.get().submittedAt())))
                .append(row("Sendt av", who(report.submittedBy())))
                .append("</table>")
                .append("<h2>Medvirkning fra skoleledere og lærere</h2><p>").append(e(report.involvement()))
                .append("</p><h2>Kompetansebehov</h2><p>").append(e(report.needs())).append("</p>");
        List<StoredMeasure> measures = applications.measures(cycleId, owner);
        html.append("<h2>Tiltak (").append(measures.size()).append(")</h2>");
        for (StoredMeasure m : measures) {
            html.append("<div class=\"tiltak\"><strong>Tiltak ").append(m.position()).append(": ")
                    .append(e(m.plan().title())).append("</strong><table>")
                    .append(row("UH-partner", masterData.uhInstitutionName(m.plan().uhPartner()) + " (" + m.plan().uhPartner() + ")"))
                    .append(row("Mål (R12)", m.plan().goals().stream().sorted().map(Goal::displayName)
                            .collect(Collectors.joining("; "))))
                    .append(row("Målgrupper", m.plan().targetGroups().stream().sorted().map(TargetGroup::displayName)
                            .collect(Collectors.joining(", "))))
                    .append(row("Beløp per år (R14)", MeasureTexts.perYear(m, "; ") + " – til sammen " + m.plan().total().format()))
                    .append(row("Planlagt egenfinansiering (R1)", m.plan().coFinancing().format() + ", herav lønn eller frikjøp "
                            + m.plan().salary().format()))
                    .append(row("Herav til koordinator (R4)", m.plan().coordinator().format()))
                    .append(row("Antall deltakere", Integer.toString(m.plan().participants())))
                    .append(row("UH bruker en tredjepart (R3)", m.plan().thirdParty() ? "ja" : "nei"))
                    .append("</table></div>");
        }
        html.append("<p class=\"merknad\">Hver UH-partner bekrefter sin del av tiltakene i Tasklist før samarbeidsforumet"
                        + " behandler søknadene. Kvitteringen er laget ").append(SHOWN.format(clock.instant()))
                .append(" fra det som er lagret i saken.</p></body></html>");
        return Optional.of(html.toString());
    }

    private static String row(String label, String value) {
        return "<tr><th>" + e(label) + "</th><td>" + e(value) + "</td></tr>";
    }


    /** A person as others read them: the name, with the user id. */
    private String who(String userId) {
        if (userId == null) {
            return "systemet";
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        String name = user == null ? "" : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() || name.equals(userId) ? userId : name + " (" + userId + ")";
    }

    private static String e(String text) {
        return PdfDocuments.escape(text);
    }
}
