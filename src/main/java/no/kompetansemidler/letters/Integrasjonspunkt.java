package no.kompetansemidler.letters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The one outbound port for letters: Digdir's eFormidling integrasjonspunkt (REST API, eFormidling 2). A letter is
 * sent as one message, an arkivmelding with the PDF (single-step strategy: POST /api/messages/out/multipart with the
 * standard business document in the part "sbd", the arkivmelding.xml and the PDF), which the receiving side journals;
 * its delivery is followed with GET /api/statuses?messageId=…. The message id is the letter's idempotency key: a
 * message the integrasjonspunkt already has is not sent again.
 */
public class Integrasjonspunkt {

    /** The process the message belongs to: case processing in the education sector. */
    static final String PROCESS = "urn:no:difi:profile:arkivmelding:oppvekstOgUtdanning:ver1.0";
    static final String DOCUMENT_STANDARD = "urn:no:difi:arkivmelding:xsd::arkivmelding";

    /** A letter to send: who from and to, the message id, a title and the PDF. */
    public record Message(String messageId, String conversationId, String sender, String receiver, String title,
                          String fileName, byte[] pdf, Instant createdAt) {
    }

    /** The latest status the integrasjonspunkt reports for a message, and its description. */
    public record Status(String status, String description) {

        public boolean delivered() {
            return status.equals("LEVERT") || status.equals("LEST");
        }

        public boolean failed() {
            return status.equals("FEIL") || status.equals("LEVETID_UTLOPT");
        }
    }

    /** The integrasjonspunkt answered with an error, or not at all. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public Integrasjonspunkt(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI base() {
        return base;
    }

    /** The latest status of a message, or empty when the integrasjonspunkt has no such message. */
    public Optional<Status> status(String messageId) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(base.resolve("/api/statuses?messageId="
                + URLEncoder.encode(messageId, StandardCharsets.UTF_8))).header("Accept", "application/json").GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        requireSuccess(response, "statusoppslaget");
        try {
            JsonNode content = json.readTree(response.body()).path("content");
            if (!content.isArray() || content.isEmpty()) {
                return Optional.empty();
            }
            JsonNode last = content.get(content.size() - 1);
            return Optional.of(new Status(last.path("status").asText(), last.path("description").asText("")));
        } catch (IOException e) {
            throw new Unavailable("Integrasjonspunktet svarte med noe som ikke er JSON på statusoppslaget.", e);
        }
    }

    /**
     * Sends the message, unless the integrasjonspunkt already has it (a retry after a lost answer, or another node):
     * true when this call sent it.
     */
    public boolean send(Message message) {
        if (status(message.messageId()).isPresent()) {
            return false;
        }
        String boundary = "km-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "sbd", null, "application/json", sbd(message).toString().getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "arkivmelding.xml", "arkivmelding.xml", "application/xml",
                arkivmelding(message).getBytes(StandardCharsets.UTF_8));
        part(body, boundary, message.fileName(), message.fileName(), "application/pdf", message.pdf());
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(base.resolve("/api/messages/out/multipart"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        if (response.statusCode() == 409) {
            return false; // it arrived meanwhile: sent once
        }
        requireSuccess(response, "sendingen");
        return true;
    }

    /** The standard business document (SBD) that addresses the message. */
    ObjectNode sbd(Message message) {
        ObjectNode sbd = json.createObjectNode();
        ObjectNode header = sbd.putObject("standardBusinessDocumentHeader");
        header.put("headerVersion", "1.0");
        header.putArray("sender").addObject().putObject("identifier")
                .put("authority", "iso6523-actorid-upis").put("value", "0192:" + message.sender());
        header.putArray("receiver").addObject().putObject("identifier")
                .put("authority", "iso6523-actorid-upis").put("value", "0192:" + message.receiver());
        ObjectNode document = header.putObject("documentIdentification");
        document.put("standard", DOCUMENT_STANDARD);
        document.put("typeVersion", "2.0");
        document.put("instanceIdentifier", message.messageId());
        document.put("type", "arkivmelding");
        document.put("creationDateAndTime", message.createdAt().toString());
        ArrayNode scopes = header.putObject("businessScope").putArray("scope");
        scopes.addObject().put("type", "ConversationId").put("instanceIdentifier", message.conversationId())
                .put("identifier", PROCESS);
        sbd.putObject("arkivmelding").put("hoveddokument", message.fileName());
        return sbd;
    }

    /** The arkivmelding (Noark 5): an outgoing journal entry with the PDF as its main document. */
    static String arkivmelding(Message message) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <arkivmelding xmlns="http://www.arkivverket.no/standarder/noark5/arkivmelding" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <system>Kompetansemidler</system>
                  <meldingId>%s</meldingId>
                  <tidspunkt>%s</tidspunkt>
                  <antallFiler>1</antallFiler>
                  <registrering xsi:type="journalpost">
                    <tittel>%s</tittel>
                    <korrespondansepart>
                      <korrespondanseparttype>Mottaker</korrespondanseparttype>
                      <organisasjonId>%s</organisasjonId>
                    </korrespondansepart>
                    <journalposttype>Utgående dokument</journalposttype>
                    <journalstatus>Ekspedert</journalstatus>
                    <dokumentbeskrivelse>
                      <dokumenttype>Brev</dokumenttype>
                      <tilknyttetRegistreringSom>Hoveddokument</tilknyttetRegistreringSom>
                      <dokumentnummer>1</dokumentnummer>
                      <tittel>%s</tittel>
                      <dokumentobjekt>
                        <versjonsnummer>1</versjonsnummer>
                        <variantformat>Produksjonsformat</variantformat>
                        <referanseDokumentfil>%s</referanseDokumentfil>
                      </dokumentobjekt>
                    </dokumentbeskrivelse>
                  </registrering>
                </arkivmelding>
                """.formatted(message.messageId(), message.createdAt(), xml(message.title()), message.receiver(),
                xml(message.title()), xml(message.fileName()));
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable("Integrasjonspunktet på " + base + " svarer ikke: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Avbrutt mens integrasjonspunktet ble spurt.", e);
        }
    }

    private void requireSuccess(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body();
            throw new Unavailable("Integrasjonspunktet avviste " + what + " med HTTP " + response.statusCode()
                    + (body.isBlank() ? "." : ": " + body.substring(0, Math.min(300, body.length()))), null);
        }
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String fileName,
                             String contentType, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: " + contentType
                + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
