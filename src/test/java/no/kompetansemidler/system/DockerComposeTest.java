package no.kompetansemidler.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so docker-compose.yml and the Dockerfile are checked against what the application
 * reads: the same variables, the postgres profile, the database the PostgreSQL service creates, the jar it builds.
 */
class DockerComposeTest {

    static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String name) {
        return (Map<String, String>) service(name).get("environment");
    }

    @Test
    @SuppressWarnings("unchecked")
    void postgres_and_the_application_image_built_from_this_repository() {
        assertThat(services).containsOnlyKeys("postgres", "app", "app2");
        assertThat(service("postgres").get("image")).isEqualTo("postgres:15");
        assertThat(service("app").get("build")).isEqualTo(".");
        assertThat(service("app").get("depends_on").toString()).contains("postgres").contains("service_healthy");
        assertThat(service("postgres")).containsKey("healthcheck");
        assertThat((List<Object>) service("app").get("ports")).containsExactly("8080:8080");
    }

    @Test
    void the_application_gets_every_variable_the_postgres_profile_reads() throws IOException {
        Map<String, String> env = environment("app");
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
        String profile = Files.readString(Path.of("src/main/resources/application-postgres.yml"));
        Matcher placeholders = Pattern.compile("\\$\\{(KOMPETANSEMIDLER_[A-Z_]+)").matcher(profile);
        int count = 0;
        while (placeholders.find()) {
            assertThat(env).containsKey(placeholders.group(1));
            count++;
        }
        assertThat(count).isEqualTo(3);
        assertThat(env).containsKeys("KOMPETANSEMIDLER_ADMIN_USER", "KOMPETANSEMIDLER_ADMIN_PASSWORD");
    }

    @Test
    void the_application_connects_to_the_database_the_postgres_service_creates() {
        Map<String, String> db = environment("postgres");
        Map<String, String> app = environment("app");
        assertThat(app.get("KOMPETANSEMIDLER_DB_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + db.get("POSTGRES_DB"));
        assertThat(app.get("KOMPETANSEMIDLER_DB_USER")).isEqualTo(db.get("POSTGRES_USER"));
        assertThat(app.get("KOMPETANSEMIDLER_DB_PASSWORD")).isEqualTo(db.get("POSTGRES_PASSWORD"));
    }

    @Test
    void secrets_are_required_from_the_environment_never_written_in_the_file() {
        assertThat(environment("app").get("KOMPETANSEMIDLER_ADMIN_PASSWORD")).startsWith("${KOMPETANSEMIDLER_ADMIN_PASSWORD:?");
        assertThat(environment("app").get("KOMPETANSEMIDLER_DB_PASSWORD")).startsWith("${KOMPETANSEMIDLER_DB_PASSWORD:?");
    }

    @Test
    void the_dockerfile_builds_the_jar_that_maven_names_and_runs_it_without_root() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<finalName>kompetansemidler</finalName>");
        assertThat(dockerfile).contains("./mvnw -B -q package -DskipTests")
                .contains("COPY bpmn bpmn").contains("COPY forms forms")
                .contains("/src/target/kompetansemidler.jar")
                .contains("USER kompetansemidler")
                .contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/kompetansemidler.jar\"]");
        assertThat(Path.of(".mvn/wrapper/maven-wrapper.properties")).exists();
    }

    @Test
    void a_second_node_runs_the_same_image_on_the_same_database_when_asked_for() {
        assertThat(service("app2").get("profiles").toString()).isEqualTo("[flere-noder]");
        assertThat(service("app2").get("build")).isEqualTo(".");
        assertThat(environment("app2")).isEqualTo(environment("app"));
        assertThat((List<Object>) service("app2").get("ports")).containsExactly("8082:8080");
    }
}
