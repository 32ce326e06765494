package no.kompetansemidler.overview;

import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.domain.validation.Texts;
import no.kompetansemidler.security.ApiAccess;
import no.kompetansemidler.security.ApiUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The overview page's API: the embeter the person may read, an embete's cycles in a year, the same as CSV, and a
 * model's diagram. An embete's caseworkers and leaders, auditors, Udir and administrators read it, with the Tasklist
 * login.
 */
@RestController
class OverviewController {

    record EmbeteChoice(String embete, String navn) {
    }

    static final List<String> CSV_COLUMNS = List.of("Ordning", "År", "Fase", "Organisasjonsnummer", "Eier",
            "Søknad", "Tiltak", "Søkt i år (kr)", "Innstilt (kr)", "Vedtatt (kr)", "Utbetalt (kr)", "Brev", "Egenvurdering");

    static final List<String> NATIONAL_COLUMNS = List.of("Embete", "Ordning", "År", "Status", "Ramme (kr)",
            "Vedtatt (kr)", "Utbetalt (kr)", "Krav om tilbakebetaling (kr)", "Overført til neste år (kr)", "Mottakere",
            "Årsrapport");

    private final CycleOverview overview;
    private final NationalView national;
    private final ApiAccess access;

    OverviewController(CycleOverview overview, NationalView national, ApiAccess access) {
        this.overview = overview;
        this.national = national;
        this.access = access;
    }

    /** The country's year: Udir, auditors and administrators. */
    @GetMapping("/api/nasjonalt")
    NationalView.View national(@RequestParam(name = "aar", required = false) Integer year) {
        access.requireNational();
        return national.of(year);
    }

    /** The years with cycles anywhere: Udir, auditors and administrators (the pages ask it to show the link). */
    @GetMapping("/api/nasjonalt/aar")
    List<Integer> nationalYears() {
        access.requireNational();
        return national.years();
    }

    /** The country's year as CSV: one row per cycle, as the page shows it. */
    @GetMapping("/api/nasjonalt/csv")
    ResponseEntity<byte[]> nationalCsv(@RequestParam(name = "aar", required = false) Integer year) {
        access.requireNational();
        NationalView.View view = national.of(year);
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(";", NATIONAL_COLUMNS)).append("\r\n");
        for (NationalView.Line line : view.sykluser()) {
            csv.append(String.join(";", Stream.of(line.embeteNavn(), line.ordning(), Integer.toString(view.aar()),
                            line.status(), kroner(line.rammeOre()), kroner(line.vedtattOre()), kroner(line.utbetaltOre()),
                            kroner(line.tilbakebetalingskravOre()), kroner(line.overfortOre()),
                            Long.toString(line.mottakere()), line.arsrapport() == null ? "Ikke laget ennå" : "Laget")
                    .map(OverviewController::quote).toList())).append("\r\n");
        }
        return csvFile(csv, "landet-" + view.aar() + ".csv");
    }

    @GetMapping("/api/oversikt/embeter")
    List<EmbeteChoice> embeter() {
        ApiUser user = access.current();
        return Office.all().stream().filter(user::mayOverview)
                .map(e -> new EmbeteChoice(e.slug(), e.displayName())).toList();
    }

    @GetMapping("/api/oversikt/{embete}")
    CycleOverview.View view(@PathVariable("embete") String slug, @RequestParam(name = "aar", required = false) Integer year) {
        return overview.of(readable(slug), year);
    }

    /** What the page shows, one row per owner and cycle; semicolon-separated with a byte order mark, as the audit CSV. */
    @GetMapping("/api/oversikt/{embete}/csv")
    ResponseEntity<byte[]> csv(@PathVariable("embete") String slug,
                               @RequestParam(name = "aar", required = false) Integer year) {
        CycleOverview.View view = overview.of(readable(slug), year);
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(";", CSV_COLUMNS)).append("\r\n");
        for (CycleOverview.CycleView cycle : view.sykluser()) {
            for (CycleOverview.OwnerLine line : cycle.eiere()) {
                csv.append(String.join(";", Stream.of(cycle.ordning(), Integer.toString(cycle.aar()), cycle.fase(),
                                line.organisasjonsnummer(), line.navn(), line.soknad(), Integer.toString(line.tiltak()),
                                kroner(line.soktOre()), kroner(line.innstiltOre()), kroner(line.vedtattOre()),
                                kroner(line.utbetaltOre()), line.brev(), line.egenvurdering()).map(OverviewController::quote).toList()))
                        .append("\r\n");
            }
        }
        return csvFile(csv, "oversikt-" + view.embete() + "-" + view.aar() + ".csv");
    }

    private static ResponseEntity<byte[]> csvFile(StringBuilder csv, String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A model's diagram (BPMN XML) for the page's viewer. */
    @GetMapping(value = "/api/oversikt/modeller/{definisjonId}", produces = "application/xml;charset=UTF-8")
    String diagram(@PathVariable("definisjonId") String definitionId) {
        if (embeter().isEmpty() && !access.current().mayReadNational()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return overview.diagram(definitionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Office readable(String slug) {
        Office embete;
        try {
            embete = Office.fromSlug(slug);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        access.requireOverview(embete);
        return embete;
    }

    /** An amount in kroner with a decimal comma and no grouping, as a Norwegian spreadsheet reads it: «1500000,00». */
    static String kroner(long ore) {
        long abs = Math.abs(ore);
        return (ore < 0 ? "-" : "") + abs / 100 + "," + String.format("%02d", abs % 100);
    }

    private static String quote(String cell) {
        return "\"" + (cell == null ? "" : Texts.displayable(cell).replace("\"", "\"\"")) + "\"";
    }
}
