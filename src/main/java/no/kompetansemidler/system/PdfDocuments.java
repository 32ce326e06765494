package no.kompetansemidler.system;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import no.kompetansemidler.domain.validation.Texts;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Documents people read and keep (the audit trail, receipts), written as XHTML and rendered to PDF. */
public final class PdfDocuments {

    static {
        // the renderer's own notes (one per document: "Using fast-mode renderer") only at warning and above, so that a
        // year's letters do not fill the log
        for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
    }

    private PdfDocuments() {
    }

    /** The PDF of the XHTML (its own CSS sets paper, margins and page numbers). */
    public static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HTML-escaped, and readable whatever was stored (the PDF's XML refuses a NUL). */
    public static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : Texts.displayable(text), "UTF-8");
    }
}
