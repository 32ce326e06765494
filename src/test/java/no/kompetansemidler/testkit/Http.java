package no.kompetansemidler.testkit;

import no.kompetansemidler.testkit.People;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Real HTTP calls as one person (HTTP Basic with the demo password), or anonymously when the user is "anonym". */
public final class Http {

    public static final String ANONYMOUS = People.ANONYMOUS;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    public static HttpResponse<String> call(int port, String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = request(port, method, path, json);
        if (!ANONYMOUS.equals(user)) {
            People.basic(request, user, "demo");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The same with a bearer token instead of a password. */
    public static HttpResponse<String> callWithToken(int port, String token, String method, String path, String json)
            throws Exception {
        return CLIENT.send(request(port, method, path, json).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int port, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return request;
    }

    public static HttpResponse<String> multipart(int port, String user, String path, String fileName, String content)
            throws Exception {
        return multipart(port, user, path, java.util.Map.of(fileName, content));
    }

    /** A deployment as Camunda Modeler sends it: the files as multipart form data. */
    public static HttpResponse<String> multipart(int port, String user, String path, java.util.Map<String, String> files)
            throws Exception {
        return multipart(port, path, files, request -> {
            if (!ANONYMOUS.equals(user)) {
                People.basic(request, user, "demo");
            }
        });
    }

    /** The same with a bearer token. */
    public static HttpResponse<String> multipartWithToken(int port, String token, String path, String fileName,
                                                          String content) throws Exception {
        return multipart(port, path, java.util.Map.of(fileName, content),
                request -> request.header("Authorization", "Bearer " + token));
    }

    private static HttpResponse<String> multipart(int port, String path, java.util.Map<String, String> files,
                                                  java.util.function.Consumer<HttpRequest.Builder> login)
            throws Exception {
        String boundary = "----kompetansemidler" + System.nanoTime();
        StringBuilder parts = new StringBuilder("--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nfra-modeler\r\n");
        files.forEach((fileName, content) -> parts.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(fileName).append("\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content)
                .append("\r\n"));
        String body = parts + "--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8));
        login.accept(request);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
