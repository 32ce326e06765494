package no.kompetansemidler.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import no.kompetansemidler.domain.identity.Login;
import org.springframework.web.util.HtmlUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The login's own pages, in Norwegian: where to log in (each configured provider, and Tasklist's own form for local
 * users), why a login was refused, and that one is logged out. The webapps' script (innlogging.js) reads which
 * providers there are and who is logged in, to offer the providers on Tasklist's login page and to log out at the
 * provider too.
 */
@RestController
class LoginPages {

    private static final String HTML = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";
    private static final String PAGE = "<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\" />"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" /><title>%s</title><style>"
            + "body{font-family:sans-serif;max-width:34em;margin:3em auto;padding:0 1em;line-height:1.5;color:#222}"
            + "a.knapp{display:block;margin:.6em 0;padding:.7em 1em;border-radius:4px;background:#005b82;color:#fff;"
            + "text-decoration:none;font-weight:bold}a.knapp:focus,a.knapp:hover{background:#003e5a}"
            + ".merknad{border-left:4px solid #b3261e;padding:.4em .8em;background:#fdf1f0}"
            + "</style></head><body><h1>%s</h1>%s</body></html>";

    private final LoginProperties login;
    private final LoginConfiguration.ProviderRegistrations providers;

    LoginPages(LoginProperties login, LoginConfiguration.ProviderRegistrations providers) {
        this.login = login;
        this.providers = providers;
    }

    @GetMapping(value = LoginConfiguration.LOGIN_PAGE, produces = HTML)
    String loginPage() {
        StringBuilder body = new StringBuilder("<p>Velg hvordan du logger inn i Kompetansemidler.</p>");
        providers.offered().forEach((id, name) -> body.append("<a class=\"knapp\" href=\"/oauth2/authorization/")
                .append(id).append("\">Logg inn: ").append(HtmlUtils.htmlEscape(name, "UTF-8")).append("</a>"));
        if (login.isLokaleBrukere()) {
            body.append("<p><a href=\"/camunda/app/tasklist/\">Logg inn med brukernavn og passord</a>"
                    + " (demo og lokale brukere).</p>");
        }
        if (providers.offered().isEmpty() && !login.isLokaleBrukere()) {
            body.append("<p class=\"merknad\">Ingen innlogging er satt opp. Kontakt driften.</p>");
        }
        return PAGE.formatted("Logg inn", "Logg inn", body);
    }

    @GetMapping(value = LoginConfiguration.REFUSED, produces = HTML)
    String refused(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object reason = session == null ? null : session.getAttribute(LoginConfiguration.REFUSAL);
        String body = "<p class=\"merknad\" role=\"alert\">" + HtmlUtils.htmlEscape(reason == null
                ? "Innloggingen ble ikke fullført." : reason.toString(), "UTF-8") + "</p><p>Du er ikke logget inn i Kompetansemidler."
                + "</p><p><a href=\"" + LoginConfiguration.LOGIN_PAGE + "\">Til innloggingen</a></p>";
        return PAGE.formatted("Innloggingen ble avvist", "Innloggingen ga ingen tilgang", body);
    }

    @GetMapping(value = LoginConfiguration.LOGGED_OUT, produces = HTML)
    String loggedOut() {
        return PAGE.formatted("Logget ut", "Du er logget ut", "<p>Du er logget ut av Kompetansemidler"
                + (providers.offered().isEmpty() ? "" : " og av innloggingstjenesten") + ".</p><p><a href=\""
                + LoginConfiguration.LOGIN_PAGE + "\">Logg inn igjen</a></p>");
    }

    /** For the webapps' script: the providers to offer, whether the password form is on, and who is logged in how. */
    @GetMapping("/innlogging/status")
    Map<String, Object> status() {
        List<Map<String, String>> offered = new ArrayList<>();
        providers.offered().forEach((id, name) -> offered.add(Map.of("id", id, "navn", name,
                "adresse", "/oauth2/authorization/" + id)));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("leverandorer", offered);
        status.put("lokaleBrukere", login.isLokaleBrukere());
        status.put("innloggetGjennom", CurrentPerson.loggedIn().map(Login.Person::provider).orElse(null));
        status.put("utlogging", "/logout");
        return status;
    }
}
