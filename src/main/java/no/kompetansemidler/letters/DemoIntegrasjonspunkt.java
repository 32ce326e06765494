package no.kompetansemidler.letters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's own integrasjonspunkt: a small HTTP server on a real port that speaks the part of eFormidling's
 * integrasjonspunkt API the application uses (POST /api/messages/out/multipart, GET /api/statuses?messageId=…) and
 * keeps what it received, so that a first run sends and journals letters with nothing installed. A message it has
 * is refused with 409 (as a second message with the same id). Its statuses move on as they would: OPPRETTET and
 * SENDT on receipt, then MOTTATT and LEVERT on the next two status questions. For tests it can fail the next sends
 * or report a failed delivery for a receiver. Production connects the real integrasjonspunkt (docs/drift.md).
 */
public class DemoIntegrasjonspunkt {

    /** One message as received: its SBD, the files by part name, and its statuses so far. */
    public record Received(String messageId, String receiver, JsonNode sbd, Map<String, byte[]> files,
                           List<String> statuses, Instant receivedAt) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Received> messages = new ConcurrentHashMap<>();
    private final AtomicInteger failingSends = new AtomicInteger();
    private final Set<String> undeliverable = ConcurrentHashMap.newKeySet();
    private final AtomicInteger posts = new AtomicInteger();
    private HttpServer server;
    private java.util.concurrent.ExecutorService executor;

    /** Starts on this port of 127.0.0.1 (0: a free one). */
    public synchronized DemoIntegrasjonspunkt start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/api/messages/out/multipart", this::receive);
        server.createContext("/api/statuses", this::statuses);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.start();
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
            // the server does not stop the threads it was given; left running, they keep a JVM from ending
            executor.shutdownNow();
            executor = null;
        }
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The messages received, by message id. */
    public Map<String, Received> received() {
        return Map.copyOf(messages);
    }

    /** How many sends were posted (refused ones included). */
    public int posts() {
        return posts.get();
    }

    /** The next {@code count} sends are answered 503 (the integrasjonspunkt is down). */
    public void failNextSends(int count) {
        failingSends.set(count);
    }

    /** Messages to this receiver end with the status FEIL (it cannot receive), until {@link #deliverable}. */
    public void undeliverable(String receiver) {
        undeliverable.add(receiver);
    }

    public void deliverable(String receiver) {
        undeliverable.remove(receiver);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, error(405, "Method Not Allowed", "Bare POST."));
                return;
            }
            posts.incrementAndGet();
            if (failingSends.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(exchange, 503, error(503, "Service Unavailable", "Integrasjonspunktet er midlertidig nede."));
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Map<String, byte[]> parts = Multipart.parse(exchange.getRequestBody().readAllBytes(), contentType);
            byte[] sbdBytes = parts.remove("sbd");
            if (sbdBytes == null) {
                answer(exchange, 400, error(400, "Bad Request", "Delen «sbd» mangler."));
                return;
            }
            JsonNode sbd = json.readTree(sbdBytes);
            JsonNode header = sbd.path("standardBusinessDocumentHeader");
            String messageId = header.path("documentIdentification").path("instanceIdentifier").asText("");
            String receiver = header.path("receiver").path(0).path("identifier").path("value").asText("")
                    .replaceFirst("^0192:", "");
            if (messageId.isEmpty() || receiver.isEmpty() || parts.isEmpty()) {
                answer(exchange, 400, error(400, "Bad Request", "Meldingen mangler id, mottaker eller filer."));
                return;
            }
            List<String> statuses = new ArrayList<>(List.of("OPPRETTET", "SENDT"));
            Received received = new Received(messageId, receiver, sbd, new LinkedHashMap<>(parts),
                    java.util.Collections.synchronizedList(statuses), Instant.now());
            if (messages.putIfAbsent(messageId, received) != null) {
                answer(exchange, 409, error(409, "Conflict", "Meldingen " + messageId + " finnes allerede."));
                return;
            }
            answer(exchange, 200, sbd.toString());
        }
    }

    private void statuses(HttpExchange exchange) throws IOException {
        try (exchange) {
            String messageId = query(exchange.getRequestURI()).getOrDefault("messageId", "");
            Received message = messages.get(messageId);
            ObjectNode page = json.createObjectNode();
            ArrayNode content = page.putArray("content");
            if (message != null) {
                synchronized (message.statuses()) {
                    String last = message.statuses().get(message.statuses().size() - 1);
                    if (last.equals("SENDT")) {
                        message.statuses().add("MOTTATT");
                    } else if (last.equals("MOTTATT")) {
                        message.statuses().add(undeliverable.contains(message.receiver()) ? "FEIL" : "LEVERT");
                    }
                    int id = 1;
                    for (String status : message.statuses()) {
                        content.addObject().put("id", id++).put("messageId", messageId).put("status", status)
                                .put("description", status.equals("FEIL")
                                        ? "Mottakeren kan ikke motta meldinger i eFormidling." : "");
                    }
                }
            }
            page.put("totalElements", content.size());
            answer(exchange, 200, page.toString());
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2)).filter(p -> p.length == 2)
                    .forEach(p -> values.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        }
        return values;
    }

    private String error(int status, String error, String message) {
        return json.createObjectNode().put("status", status).put("error", error).put("message", message).toString();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** A multipart/form-data body split into its parts, by name. */
    static final class Multipart {

        private Multipart() {
        }

        static Map<String, byte[]> parse(byte[] body, String contentType) {
            Map<String, byte[]> parts = new LinkedHashMap<>();
            if (contentType == null || !contentType.contains("boundary=")) {
                return parts;
            }
            String boundaryValue = contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "").trim();
            byte[] boundary = ("--" + boundaryValue).getBytes(StandardCharsets.US_ASCII);
            int at = indexOf(body, boundary, 0);
            while (at >= 0) {
                int headerStart = at + boundary.length + 2; // after CRLF
                if (headerStart > body.length || body[at + boundary.length] == '-') {
                    break; // the closing boundary
                }
                int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headerStart);
                int next = indexOf(body, boundary, headerEnd);
                if (headerEnd < 0 || next < 0) {
                    break;
                }
                String headers = new String(body, headerStart, headerEnd - headerStart, StandardCharsets.UTF_8);
                String name = headers.replaceAll("(?s).*?(?<![a-z])name=\"([^\"]*)\".*", "$1");
                parts.put(name, Arrays.copyOfRange(body, headerEnd + 4, next - 2)); // the part ends with CRLF
                at = next;
            }
            return parts;
        }

        private static int indexOf(byte[] data, byte[] pattern, int from) {
            outer:
            for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
