package no.kompetansemidler.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.Years;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static no.kompetansemidler.testkit.Organisations.BERGEN;
import static org.assertj.core.api.Assertions.assertThat;

/** After its need report, the owner finds its receipt as a PDF, again and again; no other owner sees it. */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiptTest {

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;
    final int year = Years.next();
    String cycleId;

    @BeforeAll
    void bergenHasApplied() {
        CycleScenario scenario = new CycleScenario(context);
        scenario.upTo(year, "Task_PrepareForum");
        cycleId = scenario.cycleId();
    }

    HttpResponse<byte[]> get(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(People.basic(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)), user, "demo").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void the_owner_lists_its_receipts_and_opens_the_pdf_of_what_was_sent() throws Exception {
        JsonNode mine = new ObjectMapper().readTree(get("demo-eier-bergen", "/api/kvitteringer").body());
        JsonNode entry = null;
        for (JsonNode receipt : mine) {
            if (receipt.get("syklusId").asText().equals(cycleId)) {
                entry = receipt;
            }
        }
        assertThat(entry).as(mine.toString()).isNotNull();
        assertThat(entry.get("eierNavn").asText()).isEqualTo("Bergen kommune");
        assertThat(entry.get("ordning").asText() + " " + entry.get("aar").asInt()).isEqualTo("DEKOM " + year);
        assertThat(entry.get("sendtAv").asText()).contains("demo-eier-bergen");

        HttpResponse<byte[]> pdf = get("demo-eier-bergen", entry.get("lenke").asText());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        // kept for a person to look at, as the owner would
        java.nio.file.Files.write(java.nio.file.Path.of("target", "kvittering-behovsmelding.pdf"), pdf.body());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Kvittering for behovsmelding")
                    .contains("Eier Bergen kommune (" + BERGEN + ")")
                    .contains("Ordning og år Desentralisert ordning for kompetanseutvikling i skolen (DEKOM) " + year)
                    .contains("Tiltak 1: Lesing i alle fag")
                    .contains(year + ": 1 000 000,00 kr; " + (year + 1) + ": 500 000,00 kr – til sammen 1 500 000,00 kr")
                    .contains("Planlagt egenfinansiering (R1) 450 000,00 kr, herav lønn eller frikjøp 100 000,00 kr")
                    .contains("UH-partner Høgskulen på Vestlandet (917641404)")
                    .contains("Side 1 av " + document.getNumberOfPages());
            assertThat(document.getPage(0).getMediaBox().getHeight()).as("portrait")
                    .isGreaterThan(document.getPage(0).getMediaBox().getWidth());
        }
        // the same receipt again, later
        assertThat(get("demo-eier-bergen", entry.get("lenke").asText()).body()).isNotEmpty();
    }

    @Test
    void another_owner_never_sees_it_and_the_caseworkers_of_the_embete_do() throws Exception {
        String path = "/api/kvitteringer/" + cycleId + "/" + BERGEN + ".pdf";
        assertThat(get("demo-eier-vestlandfk", path).statusCode()).isEqualTo(403);
        assertThat(new ObjectMapper().readTree(get("demo-eier-vestlandfk", "/api/kvitteringer").body()).toString())
                .doesNotContain(BERGEN);
        assertThat(get("demo-saksbehandler-rogaland", path).statusCode()).isEqualTo(403);
        assertThat(get("demo-saksbehandler", path).statusCode()).isEqualTo(200);
        assertThat(get("demo-eier-bergen", "/api/kvitteringer/" + cycleId + "/964338531x.pdf").statusCode())
                .isIn(403, 404);
        assertThat(get(People.ANONYMOUS, path).statusCode()).isEqualTo(401);
    }
}
