package no.kompetansemidler.testkit;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The application as a separate operating-system process (java -jar target/kompetansemidler.jar, as packaged) on a
 * PostgreSQL database, with its job executor on: a second node, or a node to kill.
 */
public final class NodeProcess implements AutoCloseable {

    private final String name;
    private final String database;
    private final int port;
    private Process process;

    public NodeProcess(String name, String database) throws IOException {
        this.name = name;
        this.database = database;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** Starts the node and waits until /actuator/health answers UP; the arguments are added to the command line. */
    public NodeProcess start(String... arguments) throws Exception {
        File jar = Path.of("target", "kompetansemidler.jar").toFile();
        if (!jar.isFile()) {
            throw new IllegalStateException("Package first: " + jar + " is missing");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.getPath(),
                "--spring.profiles.active=postgres,demo",
                "--server.port=" + port,
                "--camunda.bpm.job-execution.enabled=true",
                // the job executor looks for due jobs at least every second (not the default back-off of minutes)
                "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.generic-properties.properties.hostname=" + name));
        command.addAll(PostgresSupport.databaseArguments(database));
        command.addAll(List.of(arguments));
        File log = Path.of("target", name + ".log").toFile();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not start within 3 minutes; see " + log);
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
