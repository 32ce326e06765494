package no.kompetansemidler.letters;

import no.kompetansemidler.testkit.Tiers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static no.kompetansemidler.testkit.Executions.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbound port against a real HTTP server on a real port (the demo's integrasjonspunkt): a message is sent as
 * the eFormidling API takes it (SBD, arkivmelding and PDF in one multipart request), once whatever is retried, its
 * statuses followed; a refusal or a server that does not answer is an error that names the cause; and no letter
 * leaves without the sender's organisation number.
 */
@Tag(Tiers.DELEGATE)
class IntegrasjonspunktTest {

    final DemoIntegrasjonspunkt server;
    final Integrasjonspunkt client;

    IntegrasjonspunktTest() throws Exception {
        server = new DemoIntegrasjonspunkt().start(0);
        client = new Integrasjonspunkt(server.address());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    Integrasjonspunkt.Message message(String id) {
        return new Integrasjonspunkt.Message(id, "syklus-1", "999999999", "964338531", "Tilsagn om tilskudd – Bergen & co",
                "tilsagn.pdf", "%PDF-1.4 innhold\r\n--ikke en grense".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-12-03T10:00:00Z"));
    }

    @Test
    void a_letter_is_one_message_with_its_arkivmelding_and_pdf_and_is_sent_once() {
        assertThat(client.send(message("m-1"))).isTrue();
        assertThat(client.send(message("m-1"))).as("asked first: already there").isFalse();

        DemoIntegrasjonspunkt.Received received = server.received().get("m-1");
        assertThat(server.posts()).isOne();
        assertThat(received.receiver()).isEqualTo("964338531");
        assertThat(received.sbd().at("/standardBusinessDocumentHeader/sender/0/identifier/value").asText())
                .isEqualTo("0192:999999999");
        assertThat(received.sbd().at("/standardBusinessDocumentHeader/businessScope/scope/0/identifier").asText())
                .isEqualTo("urn:no:difi:profile:arkivmelding:oppvekstOgUtdanning:ver1.0");
        assertThat(received.sbd().at("/arkivmelding/hoveddokument").asText()).isEqualTo("tilsagn.pdf");
        assertThat(new String(received.files().get("arkivmelding.xml"), StandardCharsets.UTF_8))
                .contains("<tittel>Tilsagn om tilskudd – Bergen &amp; co</tittel>")
                .contains("<referanseDokumentfil>tilsagn.pdf</referanseDokumentfil>");
        assertThat(received.files().get("tilsagn.pdf")).isEqualTo(message("m-1").pdf());
    }

    @Test
    void the_status_moves_on_to_delivered_or_to_failed() {
        client.send(message("m-2"));
        assertThat(client.status("m-2")).get().extracting(Integrasjonspunkt.Status::status).isEqualTo("MOTTATT");
        assertThat(client.status("m-2")).get().satisfies(s -> assertThat(s.delivered()).isTrue());
        assertThat(client.status("ukjent")).isEmpty();

        server.undeliverable("964338531");
        client.send(message("m-3"));
        client.status("m-3");
        assertThat(client.status("m-3")).get().satisfies(s -> {
            assertThat(s.failed()).isTrue();
            assertThat(s.description()).contains("kan ikke motta");
        });
    }

    @Test
    void a_server_that_refuses_or_does_not_answer_is_an_error_naming_the_cause() throws Exception {
        server.failNextSends(1);
        assertThatThrownBy(() -> client.send(message("m-4"))).isInstanceOf(Integrasjonspunkt.Unavailable.class)
                .hasMessageContaining("HTTP 503").hasMessageContaining("midlertidig nede");
        assertThat(server.received()).doesNotContainKey("m-4");

        server.stop();
        assertThatThrownBy(() -> client.send(message("m-5"))).isInstanceOf(Integrasjonspunkt.Unavailable.class)
                .hasMessageContaining("svarer ikke");
    }

    @Test
    void no_letter_leaves_without_the_senders_organisation_number() {
        LetterProperties noSender = new LetterProperties("", " ", Duration.ofMinutes(5), 288, Map.of());
        var send = new LetterDelegates().sendLetterDelegate(null, client, null, noSender, java.time.Clock.systemUTC());

        assertThatThrownBy(() -> send.execute(execution(Map.of("brevId", "b-1"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KOMPETANSEMIDLER_AVSENDER_ORGNR");
        assertThat(server.posts()).isZero();
    }
}
