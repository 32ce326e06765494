package no.kompetansemidler.webapps;

import no.kompetansemidler.testkit.ApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.testkit.WebappSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Norwegian translation of the Camunda webapps is served by the application and is complete: every label of
 * Camunda's own English file (read from the webjar on the classpath) has a Norwegian text with the same
 * placeholders and markup. A Camunda upgrade that adds labels fails here until they are translated.
 */
@ApplicationTest
class WebappLanguageTest {

    private static final Pattern PLACEHOLDERS = Pattern.compile("\\{\\{\\s*\\w+\\s*}}|</?(a|br|strong|b|i|em|span|code|p|ul|li)\\b[^>]*>|%[sd]|\\{}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void every_english_label_has_a_norwegian_text_with_the_same_placeholders(String app) throws Exception {
        HttpResponse<String> served = new WebappSession("http://localhost:" + port)
                .get("/camunda/app/" + app + "/locales/nb.json");
        assertThat(served.statusCode()).isEqualTo(200);
        JsonNode norwegian = JSON.readTree(served.body()).get("labels");
        JsonNode english;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/camunda/app/" + app
                + "/locales/en.json")) {
            english = JSON.readTree(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\uFEFF", "")).get("labels");
        }
        assertThat(new TreeSet<>(fieldNames(norwegian))).isEqualTo(new TreeSet<>(fieldNames(english)));
        List<String> mismatched = new ArrayList<>();
        english.fields().forEachRemaining(label -> {
            String nb = norwegian.get(label.getKey()).asText();
            if (!placeholders(label.getValue().asText()).equals(placeholders(nb))) {
                mismatched.add(label.getKey() + ": " + label.getValue().asText() + " → " + nb);
            }
        });
        assertThat(mismatched).isEmpty();
        // and it is Norwegian: the common words are translated
        assertThat(norwegian.toString()).doesNotContain(":\"Cancel\"", ":\"Save\"", ":\"Delete\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void each_webapp_takes_its_language_from_the_shared_choice(String app) throws Exception {
        WebappSession browser = new WebappSession("http://localhost:" + port);
        String config = browser.get("/camunda/app/" + app + "/scripts/config.js").body();
        assertThat(config).contains("import {", "from '../../kompetansemidler/sprak.js'", "locales");
        HttpResponse<String> language = browser.get("/camunda/app/kompetansemidler/sprak.js");
        assertThat(language.statusCode()).isEqualTo(200);
        assertThat(language.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(language.body()).contains("const DEFAULT_LANGUAGE = 'nb';", "availableLocales: [language]");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDERS.matcher(text);
        while (m.find()) {
            found.add(m.group().replaceAll("\\s", ""));
        }
        found.sort(String::compareTo);
        return found;
    }
}
