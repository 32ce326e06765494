package no.kompetansemidler.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Every error the server answers is an {@link ErrorAnswer}, also where no controller is involved: an unknown path
 * (Spring's /error), a body over {@value ErrorAnswer#MAX_BODY_BYTES} bytes (413, before anything reads it), a
 * refusal a filter answers with a status and no body (401 from a login filter, 403), and what Tomcat itself refuses
 * before any application code runs (a path with an encoded NUL). Never Tomcat's or Spring's HTML or English page.
 */
@Configuration
class ErrorPages {

    /** Spring Boot's /error, as the project answers it (replaces the whitelabel page and its English JSON). */
    @RestController
    static class ErrorAnswers implements ErrorController {

        @RequestMapping("/error")
        ResponseEntity<String> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer i && i >= 400 ? i : 500;
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            ErrorAnswer answer = ErrorAnswer.of(status).logged(request.getMethod(), String.valueOf(uri));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(answer.json());
        }
    }

    @Bean
    FilterRegistrationBean<BodiesAndErrors> bodiesAndErrors() {
        FilterRegistrationBean<BodiesAndErrors> registration = new FilterRegistrationBean<>(new BodiesAndErrors());
        registration.setName("kompetansemidler-error-answers");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** What Tomcat itself answers (before any filter runs) in the same JSON, instead of its HTML page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatErrorsAsJson() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                // after Spring Boot's own customizer, which adds Tomcat's ErrorReportValve to the host
                factory.addContextCustomizers(context -> {
                    var pipeline = context.getParent().getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                            pipeline.removeValve(valve);
                        }
                    }
                    pipeline.addValve(new JsonErrorReportValve());
                    if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                        host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                    }
                });
            }
        };
    }

    /** Tomcat's error report, as JSON. */
    public static class JsonErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(ErrorAnswer.of(status).logged(request.getMethod(), "(avvist av Tomcat)").json());
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client has gone, or the response was already sent: nothing more to say
            }
        }
    }

    /**
     * Refuses a body over the limit (413) before anything reads it, and gives a refusal that has a status but no
     * body (a filter's 401 or 403) the JSON answer.
     */
    static class BodiesAndErrors extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpServletRequest read = request;
            long declared = request.getContentLengthLong();
            if (declared > ErrorAnswer.MAX_BODY_BYTES) {
                ErrorAnswer.of(413).logged(request.getMethod(), request.getRequestURI()).writeTo(response);
                return;
            }
            if (declared < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"))) {
                byte[] body = request.getInputStream().readNBytes(ErrorAnswer.MAX_BODY_BYTES + 1);
                if (body.length > ErrorAnswer.MAX_BODY_BYTES) {
                    ErrorAnswer.of(413).logged(request.getMethod(), request.getRequestURI()).writeTo(response);
                    return;
                }
                read = new ReadBody(request, body);
            }
            Tracking tracking = new Tracking(response);
            chain.doFilter(read, tracking);
            if (tracking.status >= 400 && !tracking.bodyStarted && !tracking.errorSent && !response.isCommitted()) {
                ErrorAnswer.of(tracking.status).logged(request.getMethod(), request.getRequestURI()).writeTo(response);
            }
        }

        /** Notes the status set and whether anything of a body was written. */
        static final class Tracking extends HttpServletResponseWrapper {
            int status = 200;
            boolean bodyStarted;
            boolean errorSent;

            Tracking(HttpServletResponse response) {
                super(response);
            }

            @Override
            public void setStatus(int sc) {
                status = sc;
                super.setStatus(sc);
            }

            @Override
            public void sendError(int sc) throws IOException {
                status = sc;
                errorSent = true;
                super.sendError(sc);
            }

            @Override
            public void sendError(int sc, String msg) throws IOException {
                status = sc;
                errorSent = true;
                super.sendError(sc, msg);
            }

            @Override
            public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
                bodyStarted = true;
                return super.getOutputStream();
            }

            @Override
            public java.io.PrintWriter getWriter() throws IOException {
                bodyStarted = true;
                return super.getWriter();
            }
        }

        /** A chunked body, read (up to the limit) before the application reads it. */
        static final class ReadBody extends HttpServletRequestWrapper {
            private final byte[] body;

            ReadBody(HttpServletRequest request, byte[] body) {
                super(request);
                this.body = body;
            }

            @Override
            public ServletInputStream getInputStream() {
                ByteArrayInputStream in = new ByteArrayInputStream(body);
                return new ServletInputStream() {
                    @Override
                    public int read() {
                        return in.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        return in.read(b, off, len);
                    }

                    @Override
                    public boolean isFinished() {
                        return in.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new UnsupportedOperationException("the body was read before the application got it");
                    }
                };
            }

            @Override
            public java.io.BufferedReader getReader() {
                return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                        getCharacterEncoding() == null ? StandardCharsets.UTF_8
                                : java.nio.charset.Charset.forName(getCharacterEncoding())));
            }

            @Override
            public int getContentLength() {
                return body.length;
            }

            @Override
            public long getContentLengthLong() {
                return body.length;
            }
        }
    }
}
