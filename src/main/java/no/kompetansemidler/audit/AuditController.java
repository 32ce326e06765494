package no.kompetansemidler.audit;

import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Scheme;
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

import java.util.List;
import java.util.Map;

/**
 * The auditors' page (/revisjon): find cases by embete, scheme, year or organisation number, and read a case's
 * account, or export it as CSV, JSON or PDF. Auditors and administrators only.
 */
@RestController
class AuditController {

    private static final String HTML = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

    private final AuditTrail trail;
    private final ApiAccess access;

    private final no.kompetansemidler.funding.SchemeCatalogue schemes;

    AuditController(AuditTrail trail, ApiAccess access, no.kompetansemidler.funding.SchemeCatalogue schemes) {
        this.schemes = schemes;
        this.trail = trail;
        this.access = access;
    }

    @GetMapping(value = "/revisjon", produces = HTML)
    String search(@RequestParam(required = false) String embete, @RequestParam(required = false) String ordning,
                  @RequestParam(required = false) Integer aar, @RequestParam(required = false) String orgnr) {
        requireAuditor();
        Embete e = blank(embete) ? null : Embete.fromSlug(embete);
        String scheme = blank(ordning) ? null : schemes.find(ordning.trim()).map(d -> d.scheme().code())
                .orElseThrow(() -> new IllegalArgumentException("Ukjent ordning: " + ordning));
        String organisationNumber = blank(orgnr) ? null : OrganisationNumber.parse(orgnr).value();
        List<CycleRepository.Cycle> found = trail.find(e, scheme, aar, organisationNumber);
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\" />"
                + "<title>Revisjon: finn saker</title><style>body{font-family:sans-serif;margin:1em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}</style></head><body>"
                + "<h1>Revisjon: finn saker</h1><form method=\"get\" action=\"/revisjon\">"
                + "<label>Embete <select name=\"embete\"><option value=\"\">alle</option>");
        for (Embete option : Embete.values()) {
            h.append("<option value=\"").append(option.slug()).append("\"").append(option == e ? " selected" : "")
                    .append(">").append(AuditDocuments.e(option.displayName())).append("</option>");
        }
        h.append("</select></label> <label>Ordning <select name=\"ordning\"><option value=\"\">alle</option>");
        schemes.schemes().forEach(s -> h.append("<option").append(s.name().equals(scheme) ? " selected" : "")
                .append(">").append(s.name()).append("</option>"));
        h.append("</select></label> <label>År <input name=\"aar\" size=\"5\" value=\"")
                .append(aar == null ? "" : aar).append("\" /></label> <label>Organisasjonsnummer <input name=\"orgnr\""
                        + " size=\"11\" value=\"").append(organisationNumber == null ? "" : organisationNumber)
                .append("\" /></label> <button>Søk</button></form><table><tr><th>Embete</th><th>Ordning</th><th>År</th>"
                        + "<th>Ramme</th><th>Saksforløp</th></tr>");
        for (CycleRepository.Cycle c : found) {
            h.append("<tr><td>").append(AuditDocuments.e(c.office().displayName())).append("</td><td>")
                    .append(c.scheme().name()).append("</td><td>").append(c.year()).append("</td><td>")
                    .append(AuditDocuments.e(c.frame().format())).append("</td><td><a href=\"/revisjon/sykluser/")
                    .append(c.id()).append("\">les</a></td></tr>");
        }
        return h.append("</table><p>").append(found.size()).append(" saker.</p></body></html>").toString();
    }

    /** 204 for those who may read the accounts (the overview page shows its link to /revisjon then). */
    @GetMapping("/revisjon/tilgang")
    ResponseEntity<Void> mayAudit() {
        requireAuditor();
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/revisjon/sykluser/{id}", produces = HTML)
    String account(@PathVariable String id, @RequestParam(name = "eier", required = false) String organisation,
                   @RequestParam(name = "hendelse", required = false) String kind) {
        AuditTrail.Account all = load(id);
        return AuditDocuments.html(all.only(blankToNull(organisation), blankToNull(kind)), false,
                blankToNull(organisation), blankToNull(kind), all.organisations(), all.kinds());
    }

    @GetMapping("/revisjon/sykluser/{id}/csv")
    ResponseEntity<byte[]> csv(@PathVariable String id, @RequestParam(name = "eier", required = false) String organisation,
                               @RequestParam(name = "hendelse", required = false) String kind) {
        return file(AuditDocuments.csv(load(id).only(blankToNull(organisation), blankToNull(kind))),
                "text/csv;charset=UTF-8", "saksforlop-" + id + ".csv");
    }

    @GetMapping(value = "/revisjon/sykluser/{id}/json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> json(@PathVariable String id, @RequestParam(name = "eier", required = false) String organisation,
                             @RequestParam(name = "hendelse", required = false) String kind) {
        return AuditDocuments.json(load(id).only(blankToNull(organisation), blankToNull(kind)));
    }

    @GetMapping("/revisjon/sykluser/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id, @RequestParam(name = "eier", required = false) String organisation,
                               @RequestParam(name = "hendelse", required = false) String kind) {
        return file(AuditDocuments.pdf(load(id).only(blankToNull(organisation), blankToNull(kind)),
                blankToNull(organisation), blankToNull(kind)), MediaType.APPLICATION_PDF_VALUE, "saksforlop-" + id + ".pdf");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private AuditTrail.Account load(String id) {
        requireAuditor();
        try {
            return trail.account(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private void requireAuditor() {
        ApiUser user = access.current();
        if (!user.isAuditor() && !user.isAdministrator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static ResponseEntity<byte[]> file(byte[] content, String type, String name) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(content);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
