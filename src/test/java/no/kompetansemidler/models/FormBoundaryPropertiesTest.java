package no.kompetansemidler.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.forms.Refusal;
import no.kompetansemidler.testkit.ModelTest;
import no.kompetansemidler.testkit.Property;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every form in forms/ as the contract of what a person may send, whatever they send, on an engine of its own: each
 * task form behind a user task, each start form on a start event, and a person (authenticated, in the task's
 * candidate group) who sends random cases through the engine's API:
 * <ul>
 *   <li>variables no field of the form has (random names and values): refused, each named, rule SKJEMA;</li>
 *   <li>a read-only field with another value than it was shown with: refused, rule LESEFELT;</li>
 *   <li>a text with a character from each class no person can read (control characters, bidirectional overrides
 *   and isolates, zero-width and other format characters, lone surrogates, noncharacters) anywhere in it, or a
 *   required text of nothing visible: refused, rule TEGN or PÅKREVD.</li>
 * </ul>
 * After every refusal nothing is stored: the task is still open, its variables and the history are as they were, and
 * a refused start leaves no instance. (The start forms' texts are checked by their processes' first service task,
 * with the domain's rules: NewPrivateOwnerTest, CycleDelegatesTest.)
 */
@ModelTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormBoundaryPropertiesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PERSON = "person";
    static final String GROUP = "prove";
    static final int TRIES = 25;
    /** The forms whose process starts with them; every other form is a task's. */
    static final List<String> START_FORMS = List.of("arssyklus-start", "registrer-privat-eier");
    /** One character of each class a person cannot read, by class. */
    static final Map<String, String[]> UNREADABLE = new LinkedHashMap<>();

    static {
        UNREADABLE.put("kontrolltegn", new String[]{"\u0000", "\u0007", "\u001B", "\u007F", "\u0085"});
        UNREADABLE.put("retningsoverstyring", new String[]{"\u202A", "\u202B", "\u202C", "\u202D", "\u202E"});
        UNREADABLE.put("retningsisolat", new String[]{"\u2066", "\u2067", "\u2068", "\u2069", "\u061C", "\u200E", "\u200F"});
        UNREADABLE.put("nullbredde", new String[]{"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"});
        UNREADABLE.put("ensom surrogat", new String[]{"\uD800", "\uDBFF", "\uDC00", "\uDFFF"});
        UNREADABLE.put("ikke-tegn", new String[]{"\uFFFE", "\uFFFF"});
    }

    static final String[] NOTHING_VISIBLE = {" ", "\u00A0", "\u2003", "\u3000", "\u200B", "\u2060"};

    ProcessEngine engine;
    RuntimeService runtime;
    TaskService tasks;
    HistoryService history;
    IdentityService identity;
    final Map<String, JsonNode> forms = new TreeMap<>();
    final List<String> deployments = new ArrayList<>();
    final List<String> authorizations = new ArrayList<>();

    @BeforeAll
    void everyFormBehindATaskOrAStart() throws IOException {
        engine = no.kompetansemidler.testkit.ModelEngine.shared();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        history = engine.getHistoryService();
        identity = engine.getIdentityService();
        RepositoryService repository = engine.getRepositoryService();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                JsonNode form = JSON.readTree(file.toFile());
                String id = form.path("id").asText();
                forms.put(id, form);
                deployments.add(repository.createDeployment().name("skjema-" + id)
                        .addString("skjema-" + id + ".bpmn", model(id, START_FORMS.contains(id)))
                        .addInputStream(file.getFileName().toString(), Files.newInputStream(file))
                        .deploy().getId());
            }
        }
        // the person may start the processes, as a caseworker may start the cycle
        AuthorizationService grants = engine.getAuthorizationService();
        for (Resources resource : new Resources[]{Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE}) {
            Authorization grant = grants.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setUserId(PERSON);
            grant.setResource(resource);
            grant.setResourceId("*");
            grant.addPermission(resource == Resources.PROCESS_DEFINITION ? Permissions.CREATE_INSTANCE : Permissions.CREATE);
            authorizations.add(grants.saveAuthorization(grant).getId());
        }
    }

    @AfterAll
    void removeThem() {
        deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
        authorizations.forEach(id -> engine.getAuthorizationService().deleteAuthorization(id));
        identity.clearAuthentication();
    }

    static String model(String formId, boolean startForm) {
        String form = "camunda:formRef=\"" + formId + "\" camunda:formRefBinding=\"deployment\"";
        String flow = startForm
                ? "<bpmn:startEvent id=\"s\" " + form + " /><bpmn:sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"e\" />"
                : "<bpmn:startEvent id=\"s\" /><bpmn:sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"t\" />"
                + "<bpmn:userTask id=\"t\" name=\"Oppgave\" " + form + " camunda:candidateGroups=\"" + GROUP + "\" />"
                + "<bpmn:sequenceFlow id=\"f\" sourceRef=\"t\" targetRef=\"e\" />";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
                  <bpmn:process id="skjema-%s" isExecutable="true" camunda:historyTimeToLive="1">%s<bpmn:endEvent id="e" />
                  </bpmn:process>
                </bpmn:definitions>""".formatted(formId, flow);
    }

    // --- the fields of a form ------------------------------------------------------------------------------------

    static List<JsonNode> fields(JsonNode form) {
        List<JsonNode> all = new ArrayList<>();
        collect(form.path("components"), all);
        return all;
    }

    /**
     * The fields, a dynamic list's as the fields of its first row: key "tiltak[1].tittel", with the list's path
     * ("rowOf") and the field's key in the row ("rowKey").
     */
    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            if (c.path("type").asText().equals("dynamiclist")) {
                String path = c.path("path").asText();
                c.path("components").forEach(child -> into.add(((com.fasterxml.jackson.databind.node.ObjectNode)
                        child.deepCopy()).put("key", path + "[1]." + child.path("key").asText()).put("rowOf", path)
                        .put("rowKey", child.path("key").asText())));
            } else if (c.has("components")) {
                collect(c.path("components"), into);
            } else if (c.hasNonNull("key")) {
                into.add(c);
            }
        }
    }

    static boolean readOnly(JsonNode field) {
        return field.path("readonly").asBoolean(false) || field.path("disabled").asBoolean(false);
    }

    static boolean text(JsonNode field) {
        return field.path("type").asText().equals("textfield") || field.path("type").asText().equals("textarea");
    }

    // --- the cases ------------------------------------------------------------------------------------------------

    /** A name no field of the form has: letters, digits, '_' and '-', sometimes a name the process itself uses. */
    static Property.Gen<String> undeclaredName(JsonNode form) {
        List<String> keys = fields(form).stream().map(f -> f.path("key").asText()).toList();
        Property.Gen<String> random = r -> {
            String alphabet = "abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
            StringBuilder name = new StringBuilder().append((char) ('a' + r.nextInt(26)));
            for (int i = r.nextInt(30); i > 0; i--) {
                name.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            return name.toString();
        };
        Property.Gen<String> processOwned = Property.oneOf("eier", "syklusId", "rammeOre", "tildeltBelop", "vedtakId",
                "fordelingId", "saksbehandlerGruppe", "eierGruppe", "registrertAv", "antallVedtak", "embeteGruppe");
        return r -> {
            String name;
            do {
                name = (r.nextBoolean() ? processOwned : random).next(r);
            } while (keys.contains(name));
            return name;
        };
    }

    /** Any value a client could send: text (up to 2 000 characters), numbers, booleans, a date, null. */
    static final Property.Gen<Object> ANY_VALUE = r -> switch (r.nextInt(7)) {
        case 0 -> "x".repeat(r.nextInt(2_000));
        case 1 -> "<script>alert(" + r.nextInt() + ")</script>";
        case 2 -> r.nextLong();
        case 3 -> r.nextInt();
        case 4 -> r.nextBoolean();
        case 5 -> new java.util.Date(r.nextLong() >>> 20);
        default -> null;
    };

    /** A readable text with one unreadable character of the class put anywhere in it. */
    static Property.Gen<String> withUnreadable(String[] characters) {
        return r -> {
            String text = "Lærerne deltok i kartleggingen på hver skole.";
            int at = r.nextInt(text.length() + 1);
            return text.substring(0, at) + characters[r.nextInt(characters.length)] + text.substring(at);
        };
    }

    /** Between 1 and 30 characters of which none is visible. */
    static final Property.Gen<String> INVISIBLE = r -> {
        StringBuilder text = new StringBuilder();
        for (int i = 1 + r.nextInt(30); i > 0; i--) {
            text.append(NOTHING_VISIBLE[r.nextInt(NOTHING_VISIBLE.length)]);
        }
        return text.toString();
    };

    // --- the properties -------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> undeclared_variables_are_refused_on_every_form() {
        return forms.entrySet().stream().map(form -> DynamicTest.dynamicTest(form.getKey(), () -> {
            Property.Gen<Map<String, Object>> cases = Property.maps(undeclaredName(form.getValue()), ANY_VALUE, 1, 4);
            Property.forAll(form.getKey() + ": undeclared variables", TRIES, cases, Property.maps(Property.Shrink.none(), 1),
                    sent -> assertRefused(form.getKey(), sent, sent.keySet().stream().map(n -> n + ":SKJEMA").toList()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> changed_read_only_fields_are_refused_on_every_task_form() {
        return taskForms().filter(form -> fields(form.getValue()).stream().anyMatch(f -> readOnly(f)))
                .map(form -> DynamicTest.dynamicTest(form.getKey(), () -> {
                    List<String> readOnly = fields(form.getValue()).stream().filter(f -> readOnly(f))
                            .map(f -> f.path("key").asText()).toList();
                    Property.Gen<Map<String, Object>> cases = r -> {
                        Map<String, Object> sent = new HashMap<>();
                        sent.put(readOnly.get(r.nextInt(readOnly.size())), "endret " + r.nextInt(1_000_000));
                        return sent;
                    };
                    Property.forAll(form.getKey() + ": read-only fields", TRIES, cases, Property.Shrink.none(),
                            sent -> assertRefused(form.getKey(), sent, sent.keySet().stream().map(n -> n + ":LESEFELT").toList()));
                }));
    }

    @TestFactory
    Stream<DynamicTest> unreadable_texts_are_refused_in_every_text_field_of_every_task_form() {
        List<DynamicTest> all = new ArrayList<>();
        taskForms().forEach(form -> fields(form.getValue()).stream().filter(f -> text(f) && !readOnly(f)).forEach(field -> {
            String key = field.path("key").asText();
            UNREADABLE.forEach((kind, characters) -> all.add(DynamicTest.dynamicTest(form.getKey() + "." + key + ": " + kind,
                    () -> Property.forAll(form.getKey() + "." + key + ": " + kind, TRIES / 4, withUnreadable(characters),
                            Property.Shrink.none(), text -> assertRefused(form.getKey(), sent(field, text),
                                    List.of(key + ":TEGN"))))));
            if (field.path("validate").path("required").asBoolean(false)) {
                all.add(DynamicTest.dynamicTest(form.getKey() + "." + key + ": ingenting synlig", () -> Property.forAll(
                        form.getKey() + "." + key + ": nothing visible", TRIES / 4, INVISIBLE, Property.Shrink.none(),
                        text -> assertRefused(form.getKey(), sent(field, text), List.of(key + ":TEGN", key + ":PÅKREVD")))));
            }
        }));
        return all.stream();
    }

    /** The text in the field: on its own, or in a valid first row of its dynamic list. */
    static Map<String, Object> sent(JsonNode field, String text) {
        if (!field.has("rowOf")) {
            return Map.of(field.path("key").asText(), text);
        }
        Map<String, Object> row = no.kompetansemidler.testkit.Applications.measure("917641404");
        row.put(field.path("rowKey").asText(), text);
        return Map.of(field.path("rowOf").asText(), no.kompetansemidler.testkit.Applications.rows(List.of(row)));
    }

    Stream<Map.Entry<String, JsonNode>> taskForms() {
        return forms.entrySet().stream().filter(form -> !START_FORMS.contains(form.getKey()));
    }

    // --- one case --------------------------------------------------------------------------------------------------

    /**
     * Sends the values as the person (completing a task of the form, or starting with it) and checks that they are
     * refused with the expected violations (with several expected, at least one of them per field), and that nothing
     * is stored.
     */
    void assertRefused(String formId, Map<String, Object> sent, List<String> expected) {
        if (START_FORMS.contains(formId)) {
            long before = history.createHistoricProcessInstanceQuery().processDefinitionKey("skjema-" + formId).count();
            Refusal refusal = as(() -> catchThrowableOfType(Refusal.class,
                    () -> runtime.startProcessInstanceByKey("skjema-" + formId, new HashMap<>(sent))));
            assertViolations(refusal, sent, expected);
            assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("skjema-" + formId).count())
                    .isEqualTo(before);
            return;
        }
        Task task = openTask(formId);
        Map<String, Object> variables = runtime.getVariables(task.getProcessInstanceId());
        long details = history.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId()).count();
        Refusal refusal = as(() -> catchThrowableOfType(Refusal.class,
                () -> tasks.complete(task.getId(), new HashMap<>(sent))));
        assertViolations(refusal, sent, expected);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isOne();
        assertThat(runtime.getVariables(task.getProcessInstanceId())).as("the case's variables").isEqualTo(variables);
        assertThat(history.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId()).count())
                .as("the history").isEqualTo(details);
    }

    private static void assertViolations(Refusal refusal, Map<String, Object> sent, List<String> expected) {
        assertThat(refusal).as("refused: " + sent.keySet()).isNotNull();
        List<String> found = refusal.violations().stream().map(v -> v.field() + ":" + v.ruleId()).toList();
        for (String field : expected.stream().map(e -> e.substring(0, e.indexOf(':'))).distinct().toList()) {
            assertThat(found).as(refusal.getMessage()).containsAnyElementsOf(
                    expected.stream().filter(e -> e.startsWith(field + ":")).toList());
        }
        refusal.violations().stream().map(Violation::message).forEach(m -> assertThat(m).isNotBlank());
    }

    /** The form's one open task: started by the system, with each read-only field holding what the person saw. */
    private Task openTask(String formId) {
        Task task = tasks.createTaskQuery().processDefinitionKey("skjema-" + formId).singleResult();
        if (task == null) {
            Map<String, Object> shown = new HashMap<>();
            fields(forms.get(formId)).stream().filter(f -> readOnly(f))
                    .forEach(f -> shown.put(f.path("key").asText(), "vist verdi"));
            runtime.startProcessInstanceByKey("skjema-" + formId, shown);
            task = tasks.createTaskQuery().processDefinitionKey("skjema-" + formId).singleResult();
        }
        return task;
    }

    private <T> T as(java.util.concurrent.Callable<T> action) {
        identity.setAuthentication(PERSON, List.of(GROUP));
        try {
            return action.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            identity.clearAuthentication();
        }
    }
}
