package no.kompetansemidler.system;

import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.People;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/drift.md: health is open (status only), metrics in Prometheus format for administrators only. */
@ApplicationTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            People.basic(request, user, "demo");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_is_open_and_says_only_up_with_liveness_and_readiness() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");
        assertThat(get("/actuator/health/readiness", null).body()).contains("\"UP\"");
        assertThat(get("/actuator/health/liveness", null).body()).contains("\"UP\"");
    }

    @Test
    void prometheus_metrics_are_for_administrators_only() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "demo-eier-bergen").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", "demo-saksbehandler").statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = get("/actuator/prometheus", "demo-admin");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections_active",
                "http_server_requests_seconds_count", "application=\"kompetansemidler\"");
    }

    @Test
    void other_actuator_endpoints_are_not_exposed() throws Exception {
        assertThat(get("/actuator/env", "demo-admin").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/beans", "demo-admin").statusCode()).isEqualTo(404);
    }
}
