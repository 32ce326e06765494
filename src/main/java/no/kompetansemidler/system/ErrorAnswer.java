package no.kompetansemidler.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.domain.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The one answer to a refused request, on every endpoint (/engine-rest, the webapps' engine API, /api, /revisjon,
 * and anything Tomcat itself refuses): the HTTP status, a type a program can test, a Norwegian message a person can
 * act on, and every violation with its field and rule (docs/api.md, «Svar på feil»). Never an HTML page, never a
 * stack trace; a refusal is logged as one line.
 */
public record ErrorAnswer(int status, String type, String message, List<Violation> violations) {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The largest request body accepted (docs/api.md): room for the largest distribution, far below a DoS. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    public ErrorAnswer {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** A refusal of bad input: 400 with every violation. */
    public static ErrorAnswer invalid(List<Violation> violations, String message) {
        return new ErrorAnswer(400, "ValidationException", message, violations);
    }

    /** The answer for a status, with the usual type and Norwegian message. */
    public static ErrorAnswer of(int status) {
        return switch (status) {
            case 400 -> new ErrorAnswer(400, "UgyldigForesporsel", "Forespørselen kunne ikke behandles: sjekk adressen, "
                    + "parametrene og innholdet (se docs/api.md).", List.of());
            case 401 -> new ErrorAnswer(401, "IkkeInnlogget", "Du må logge inn: gjennom innloggingen (/innlogging),"
                    + " med et bearer-token, eller med HTTP Basic der lokale brukere er på (se docs/sikkerhet.md).", List.of());
            case 403 -> new ErrorAnswer(403, "IngenTilgang", "Du har ikke tilgang til dette.", List.of());
            case 404 -> new ErrorAnswer(404, "FinnesIkke", "Finnes ikke: sjekk adressen, eller om saken eller oppgaven "
                    + "fortsatt finnes.", List.of());
            case 405 -> new ErrorAnswer(405, "FeilMetode", "Adressen tar ikke imot denne HTTP-metoden (se docs/api.md).",
                    List.of());
            case 406 -> new ErrorAnswer(406, "FeilSvarformat", "Svaret finnes bare som JSON (Accept: application/json).",
                    List.of());
            case 409 -> new ErrorAnswer(409, "SamtidigEndring", "Noen andre behandlet den samme saken samtidig, og det du "
                    + "sendte ble ikke lagret. Last inn på nytt og prøv igjen.", List.of());
            case 413 -> new ErrorAnswer(413, "ForStor", "Forespørselen er for stor: høyst " + MAX_BODY_BYTES / 1024
                    + " KiB (1 MiB).", List.of());
            case 415 -> new ErrorAnswer(415, "FeilInnholdstype", "Send innholdet som JSON (Content-Type: "
                    + "application/json).", List.of());
            default -> status >= 500
                    ? new ErrorAnswer(status, "Feil", "Noe gikk galt hos oss. Det du sendte ble ikke lagret; prøv igjen "
                    + "senere, og meld fra hvis det gjentar seg.", List.of())
                    : new ErrorAnswer(status, "UgyldigForesporsel", "Forespørselen ble avvist (HTTP " + status + ").",
                    List.of());
        };
    }

    public ErrorAnswer withMessage(String message) {
        return new ErrorAnswer(status, type, message, violations);
    }

    public ErrorAnswer withType(String type) {
        return new ErrorAnswer(status, type, message, violations);
    }

    /** Answers a servlet request with this, where a filter answers before any controller. */
    public void writeTo(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json());
    }

    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line in the log for a refusal (no stack trace); server errors are logged where they happen. */
    public ErrorAnswer logged(String method, String path) {
        if (status < 500) {
            log.info("Avvist {} {} {}: {} {}", status, method, path, type, violations.isEmpty() ? message
                    : violations.stream().map(v -> v.field() + " [" + v.ruleId() + "]").toList());
        }
        return this;
    }
}
