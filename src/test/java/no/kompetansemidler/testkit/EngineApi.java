package no.kompetansemidler.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's two REST mounts, as the people reach them: {@link #ENGINE_REST} as an integration does (HTTP Basic),
 * and {@link #TASKLIST}, the webapps' own engine API that Tasklist and Cockpit talk to (a logged-in session with its
 * CSRF token). The same path below the mount (e.g. "/task/{id}/complete") means the same thing on both.
 */
public enum EngineApi {

    ENGINE_REST("/engine-rest"),
    TASKLIST("/camunda/api/engine/engine/default");

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One logged-in session per server and person, as a person keeps one browser open. */
    private static final Map<String, WebappSession> SESSIONS = new ConcurrentHashMap<>();

    private final String root;

    EngineApi(String root) {
        this.root = root;
    }

    public String root() {
        return root;
    }

    /** A JSON request (the body null for none) as the person. */
    public HttpResponse<String> call(int port, String user, String method, String path, String json) throws Exception {
        return send(port, user, method, path, json == null ? null : "application/json", json);
    }

    /** Any request as the person, with the content type given. */
    public HttpResponse<String> send(int port, String user, String method, String path, String contentType, String body)
            throws Exception {
        if (this == ENGINE_REST || People.ANONYMOUS.equals(user)) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + root + path))
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (!People.ANONYMOUS.equals(user)) {
                People.basic(request, user, People.PASSWORD);
            }
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        return session(port, user).send(method, root + path, contentType, body);
    }

    private static WebappSession session(int port, String user) {
        return SESSIONS.computeIfAbsent(port + "/" + user, key -> {
            WebappSession session = new WebappSession("http://localhost:" + port);
            try {
                // a person logs in to the webapp their role has: Tasklist, or Cockpit for process owners
                if (session.login(user, People.PASSWORD) != 200 && session.login(user, People.PASSWORD, "cockpit") != 200) {
                    throw new IllegalStateException(user + " cannot log in to Tasklist or Cockpit");
                }
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return session;
        });
    }

    /** The engine's JSON for variables: {"variables": {"name": {"value": …, "type": …}}}, the type from the value. */
    public static String variables(Map<String, ?> values) {
        ObjectNode variables = JSON.createObjectNode();
        values.forEach((name, value) -> {
            ObjectNode typed = variables.putObject(name);
            if (value instanceof org.camunda.spin.plugin.variable.value.JsonValue json) {
                typed.put("value", json.getValueSerialized());
                typed.put("type", "Json");
                return;
            }
            typed.putPOJO("value", value);
            typed.put("type", value instanceof String ? "String" : value instanceof Boolean ? "Boolean"
                    : value instanceof Long ? "Long" : value instanceof Integer ? "Integer" : "Json");
        });
        try {
            return escapeLoneSurrogates(JSON.writeValueAsString(Map.of("variables", variables)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A lone surrogate as the JSON escape a client sends (UTF-8 cannot carry it; the HTTP client would send "?"). */
    public static String escapeLoneSurrogates(String json) {
        StringBuilder escaped = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(json.charAt(i - 1));
            escaped.append(Character.isSurrogate(c) && !paired ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return escaped.toString();
    }

    /**
     * A refusal as docs/api.md describes it: the status, the one JSON shape ({"status", "type", "message",
     * "violations"}), a Norwegian message and no trace of the server's insides; each "field:RULE" given is among
     * the violations.
     */
    public static JsonNode assertRefused(HttpResponse<String> response, int status, String... violations) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
        assertThat(answer.path("status").asInt()).isEqualTo(status);
        assertThat(answer.path("type").asText()).isNotBlank();
        assertThat(answer.path("message").asText()).isNotBlank().doesNotContain("Exception", "at org.", "SQL", "NullPointer");
        assertThat(answer.path("violations").isArray()).as(response.body()).isTrue();
        List<String> found = new ArrayList<>();
        answer.path("violations").forEach(v -> found.add(v.path("field").asText() + ":" + v.path("ruleId").asText()));
        if (violations.length > 0) {
            assertThat(found).as(response.body()).contains(violations);
        }
        return answer;
    }
}
