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
