package no.kompetansemidler.application;

import no.kompetansemidler.application.ApplicationRepository.StoredMeasure;
import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.domain.application.Goal;
import no.kompetansemidler.domain.application.TargetGroup;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.system.PdfDocuments;
import no.kompetansemidler.security.PersonDirectory;
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

    /** One receipt as the list shows it: what was sent (behovsmelding or egenvurdering), by whom and when. */
    public record Entry(String syklusId, String eier, String eierNavn, String embete, String ordning, int aar,
                        String hva, String sendt, String sendtAv, String lenke) {
    }

    static final String NEED_REPORT = "Behovsmelding";
    static final String SELF_EVALUATION = "Egenvurdering og rapport";

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm").withZone(OSLO);

    private final JdbcClient jdbc;
    private final CycleRepository cycles;
    private final ApplicationRepository applications;
    private final MasterDataRepository masterData;
    private final PersonDirectory people;
    private final Clock clock;
    private final no.kompetansemidler.funding.SchemeCatalogue schemes;

    Receipts(JdbcClient jdbc, CycleRepository cycles, ApplicationRepository applications, MasterDataRepository masterData,
             PersonDirectory people, Clock clock, no.kompetansemidler.funding.SchemeCatalogue schemes) {
        this.schemes = schemes;
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.applications = applications;
        this.masterData = masterData;
        this.people = people;
        this.clock = clock;
    }

    /** The receipts of the owners' applications, newest first. */
    public List<Entry> of(List<String> organisationNumbers) {
        if (organisationNumbers.isEmpty()) {
            return List.of();
        }
        String in = organisationNumbers.stream().map(o -> "?").collect(Collectors.joining(", "));
        List<Object> twice = new java.util.ArrayList<>(organisationNumbers);
        twice.addAll(organisationNumbers);
        return jdbc.sql("""
                        select r.cycle_id, r.organisation_number, r.submitted_by, r.submitted_at, c.embete_code, c.scheme,
                               c.budget_year, 'B' as what
                        from km_need_report r join km_cycle c on c.id = r.cycle_id
                        where r.organisation_number in (%1$s)
                        union all
                        select d.cycle_id, d.organisation_number, e.submitted_by, e.submitted_at, c.embete_code, c.scheme,
                               c.budget_year, 'E' as what
                        from km_self_evaluation e join km_decision d on d.id = e.decision_id join km_cycle c on c.id = d.cycle_id
                        where d.organisation_number in (%1$s)
                        order by submitted_at desc""".formatted(in))
                .params(twice.toArray()).query((rs, i) -> {
                    String cycleId = rs.getString("cycle_id");
                    String owner = rs.getString("organisation_number");
                    boolean needReport = "B".equals(rs.getString("what"));
                    return new Entry(cycleId, owner, masterData.ownerName(owner),
                            Embete.valueOf(rs.getString("embete_code")).displayName(), rs.getString("scheme"),
                            rs.getInt("budget_year"), needReport ? NEED_REPORT : SELF_EVALUATION,
                            SHOWN.format(rs.getTimestamp("submitted_at").toInstant()), who(rs.getString("submitted_by")),
                            "/api/kvitteringer/" + cycleId + "/" + owner + (needReport ? "" : "/egenvurdering") + ".pdf");
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
        StringBuilder html = new StringBuilder(head("Kvittering for behovsmelding"));
        html.append("<h1>Kvittering for behovsmelding</h1>")
                .append("<p>").append(e(cycle.office().displayName())).append(" har mottatt behovsmeldingen nedenfor.</p>")
                .append("<table>")
                .append(row("Eier", masterData.ownerName(owner) + " (" + owner + ")"))
                .append(row("Ordning og år", schemes.name(cycle.scheme()) + " (" + cycle.scheme().name() + ") "
                        + cycle.year()))
                .append(row("Sendt", SHOWN.format(sent.get().submittedAt())))
                .append(row("Sendt av", who(report.submittedBy())))
                .append("</table>")
                .append("<h2>Medvirkning fra ").append(e(schemes.definition(cycle.scheme()).involvement()))
                .append("</h2><p>").append(e(report.involvement()))
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
                    .append(m.plan().units() == null ? "" : row("Barnehager, skoler og PPT som deltar", m.plan().units()))
                    .append(row("UH bruker en tredjepart (R3)", m.plan().thirdParty() ? "ja" : "nei"))
                    .append("</table></div>");
        }
        html.append("<p class=\"merknad\">Hver UH-partner bekrefter sin del av tiltakene i Tasklist før samarbeidsforumet"
                        + " behandler søknadene. Kvitteringen er laget ").append(SHOWN.format(clock.instant()))
                .append(" fra det som er lagret i saken.</p></body></html>");
        return Optional.of(html.toString());
    }

    /** The receipt for the owner's self-evaluation and report in the cycle, as a PDF, if it has sent one. */
    public Optional<byte[]> selfEvaluationPdf(String cycleId, String owner) {
        return selfEvaluationHtml(cycleId, owner).map(PdfDocuments::render);
    }

    Optional<String> selfEvaluationHtml(String cycleId, String owner) {
        Optional<CycleRepository.Decision> decision = cycles.decisions(cycleId).stream()
                .filter(d -> d.organisationNumber().equals(owner)).findFirst();
        Optional<CycleRepository.SelfEvaluation> sent = decision.flatMap(d -> cycles.selfEvaluation(d.id()));
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        CycleRepository.SelfEvaluation e = sent.get();
        var submitted = jdbc.sql("select submitted_by, submitted_at from km_self_evaluation where decision_id = ?")
                .param(e.decisionId()).query((rs, i) -> new String[]{rs.getString(1),
                        SHOWN.format(rs.getTimestamp(2).toInstant())}).single();
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        StringBuilder html = new StringBuilder(head("Kvittering for egenvurdering og rapport"));
        html.append("<h1>Kvittering for egenvurdering og rapport</h1>")
                .append("<p>").append(e(cycle.office().displayName()))
                .append(" har mottatt egenvurderingen og rapporten nedenfor (R11).</p>")
                .append("<table>")
                .append(row("Eier", masterData.ownerName(owner) + " (" + owner + ")"))
                .append(row("Ordning og år", schemes.name(cycle.scheme()) + " (" + cycle.scheme().name() + ") "
                        + cycle.year()))
                .append(row("Sendt", submitted[1]))
                .append(row("Sendt av", who(submitted[0])))
                .append(row("Vedtak", decision.get().id()))
                .append(row("Tildelt", decision.get().amount().format()))
                .append(row("Brukt av tildelte midler", e.used().format()))
                .append(row("Ubrukt", decision.get().amount().minus(e.used()).format()))
                .append(row("Egenfinansiering faktisk bidratt (R1)", e.coFinancing().format()))
                .append(row("Antall deltakere", Integer.toString(e.participants())))
                .append("</table>")
                .append("<h2>Gjennomførte tiltak</h2><p>").append(e(e.measuresDone())).append("</p>")
                .append("<h2>Eierens vurdering</h2><p>").append(e(e.assessment())).append("</p>")
                .append("<p class=\"merknad\">Statsforvalteren vurderer egenvurderingen; ubrukte midler blir krav om"
                        + " tilbakebetaling eller overføres til neste år (R15). Kvitteringen er laget ")
                .append(SHOWN.format(clock.instant())).append(" fra det som er lagret i saken.</p></body></html>");
        return Optional.of(html.toString());
    }

    /** The document's head: A4 portrait with page numbers. */
    private static String head(String title) {
        return "<html lang=\"nb\"><head><meta charset=\"utf-8\"/><title>" + e(title) + "</title><style>" + STYLE
                + "</style></head><body>";
    }

    private static final String STYLE = """
                @page { size: A4 portrait; margin: 20mm 18mm 22mm 18mm;
                  @bottom-center { content: "Side " counter(page) " av " counter(pages); font-size: 9pt; color: #555; } }
                body { font-family: sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1b1b1b; }
                h1 { font-size: 17pt; margin: 0 0 4pt 0; } h2 { font-size: 12.5pt; margin: 16pt 0 4pt 0; }
                table { border-collapse: collapse; width: 100%; } td, th { text-align: left; vertical-align: top;
                  padding: 3pt 6pt 3pt 0; } th { width: 38%; font-weight: normal; color: #444; }
                .tiltak { border-top: 1px solid #bbb; margin-top: 8pt; padding-top: 4pt; page-break-inside: avoid; }
                .merknad { color: #444; font-size: 9.5pt; margin-top: 18pt; }
                """;

    private static String row(String label, String value) {
        return "<tr><th>" + e(label) + "</th><td>" + e(value) + "</td></tr>";
    }


    private String who(String userId) {
        return people.displayName(userId);
    }

    private static String e(String text) {
        return PdfDocuments.escape(text);
    }
}
