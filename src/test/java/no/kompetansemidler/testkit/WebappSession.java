package no.kompetansemidler.testkit;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A person's browser session against the Camunda webapps over real HTTP: fetches the CSRF token the way the
 * webapps do, logs in to Tasklist and sends requests with the session cookie and token.
 */
public final class WebappSession {

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String csrfToken;

    public WebappSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Opens Tasklist (GET), then logs in to it; returns the login's HTTP status (200, or 401/403 when refused). */
    public int login(String user, String password) throws IOException, InterruptedException {
        return login(user, password, "tasklist");
    }

    /** Opens the webapp (GET), then logs in to it: "tasklist", "cockpit" or "admin". */
    public int login(String user, String password, String app) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/camunda/app/" + app + "/default/");
        if (page.statusCode() != 200) {
            throw new IllegalStateException("Tasklist answered " + page.statusCode() + ": " + page.body());
        }
        csrfToken = page.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies()
                .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
                .orElseThrow());
        int status = post("/camunda/api/admin/auth/user/default/login/" + app, "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)).statusCode();
        // the login starts a new session; as Tasklist does, fetch the new session's token before the next POST
        get("/camunda/api/admin/auth/user/default");
        return status;
    }

    /**
     * Logs in through an OpenID Connect provider as a person in a browser does: the application's address for the
     * provider, the provider's login form (the user name, with the claims registered for it in the test kit's
     * provider, {@link IdentityProvider#person}), and back through the application's callback to where the login
     * lands (Tasklist, or the page saying why it was refused). Returns that page; afterwards the session is the
     * webapps' too. The application must be addressed as 127.0.0.1 (see {@link IdentityProvider}).
     */
    public HttpResponse<String> loginThrough(String provider, String username, java.util.Map<String, Object> claims)
            throws IOException, InterruptedException {
        IdentityProvider.allow(baseUrl);
        IdentityProvider.person(username, claims);
        HttpResponse<String> response = get("/oauth2/authorization/" + provider);
        for (int hops = 0; hops < 12 && response.statusCode() / 100 == 3; hops++) {
            response = client.send(HttpRequest.newBuilder(response.uri().resolve(location(response))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("name=\"password\"")) {
                // the provider's login form
                java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                        .matcher(response.body());
                String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(IdentityProvider.PASSWORD, StandardCharsets.UTF_8)
                        + (csrf.find() ? "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) : "");
                response = client.send(HttpRequest.newBuilder(response.uri().resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            }
        }
        // as Tasklist does on opening: the webapps' CSRF token for what follows
        HttpResponse<String> page = get("/camunda/app/tasklist/default/");
        csrfToken = page.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies()
                .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
                .orElse(csrfToken));
        get("/camunda/api/admin/auth/user/default");
        return response;
    }

    /** Follows redirects from a path in the application, as a browser does (e.g. /logout through the provider). */
    public HttpResponse<String> follow(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(location(response));
            response = client.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "Expected a redirect from " + response.uri() + ", got " + response.statusCode() + ": " + response.body()));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
        return response;
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return post(path, "application/json", json);
    }

    /** A JSON POST with the Accept header Tasklist sends (e.g. "application/hal+json" for a filter's list). */
    public HttpResponse<String> postJson(String path, String json, String accept)
            throws IOException, InterruptedException {
        return post(path, "application/json", json, accept);
    }

    /** Any request as the logged-in person, with the session's CSRF token (the body null for none). */
    public HttpResponse<String> send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
        return response;
    }

    private HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        return post(path, contentType, body, "application/json");
    }

    private HttpResponse<String> post(String path, String contentType, String body, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // the webapps issue a new token with a new session (after login)
        response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
        return response;
    }
}
