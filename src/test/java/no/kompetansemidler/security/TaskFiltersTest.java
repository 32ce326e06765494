package no.kompetansemidler.security;

import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.Years;
import no.kompetansemidler.testkit.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kompetansemidler.testkit.People;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasklist shows people their tasks through shared filters, sorted by due date; caseworkers also per scheme. */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskFiltersTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;

    /** This test's cycles have a year of their own: a filter's list is narrowed to them, as a person narrows it. */
    final int year = Years.next();

    @BeforeAll
    void cyclesAreRunning() throws Exception {
        // YRKESFAG is the county's (its applicants are schools and training offices, not the county itself)
        People.as(identity, People.COUNTY_CASEWORKER, () -> runtime.startProcessInstanceByKey("arssyklus",
                Map.of("embete", "vestland-fylkeskommune", "ordning", "YRKESFAG", "aar", year, "ramme", "1 000")));
        People.as(identity, "demo-saksbehandler", () -> runtime.startProcessInstanceByKey("arssyklus",
                Map.of("embete", "vestland", "ordning", "DEKOM", "aar", year, "ramme", "1 000")));
    }

    JsonNode json(String user, String method, String path) throws Exception {
        var response = Http.call(port, user, method, path, method.equals("POST")
                ? new ObjectMapper().writeValueAsString(Map.of("processInstanceBusinessKeyLike", "vestland-%-" + year)) : null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    Map<String, String> filters(String user) throws Exception {
        Map<String, String> byName = new java.util.LinkedHashMap<>();
        json(user, "GET", "/engine-rest/filter").forEach(f -> byName.put(f.get("name").asText(), f.get("id").asText()));
        return byName;
    }

    List<String> taskNames(String user, String filterId) throws Exception {
        List<String> names = new ArrayList<>();
        json(user, "POST", "/engine-rest/filter/" + filterId + "/list").forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    @Test
    void an_owner_has_the_shared_filters_and_sees_its_own_tasks_in_its_groups_filter() throws Exception {
        Map<String, String> filters = filters("demo-eier-vestlandfk");
        assertThat(filters.keySet()).containsExactly("Mine oppgaver", "Min gruppes oppgaver", "Forfalt",
                "Forfaller innen en uke");
        assertThat(taskNames("demo-eier-vestlandfk", filters.get("Min gruppes oppgaver")))
                .singleElement().satisfies(name -> assertThat(name).startsWith(
                        "Send behovsmelding – Vestland fylkeskommune (DEKOM "));
        assertThat(taskNames(People.OWNER_OPPLAERINGSKONTOR, filters("demo-eier-opplaeringskontor")
                .get("Min gruppes oppgaver"))).singleElement().satisfies(name -> assertThat(name)
                .startsWith("Send behovsmelding – Opplæringskontoret for bygg- og anleggsfag i Vestland (demo) (YRKESFAG "));
        assertThat(taskNames("demo-eier-vestlandfk", filters.get("Mine oppgaver"))).isEmpty();
        assertThat(taskNames("demo-eier-vestlandfk", filters.get("Forfalt"))).isEmpty();
        assertThat(taskNames("demo-eier-bergen", filters.get("Min gruppes oppgaver"))).singleElement()
                .satisfies(name -> assertThat(name).matches("Send behovsmelding – Bergen kommune \\(DEKOM \\d{4}\\)"));
    }

    @Test
    void a_caseworker_also_has_a_filter_per_scheme_and_an_owner_does_not() throws Exception {
        assertThat(filters("demo-saksbehandler").keySet()).contains("DEKOM: min gruppes oppgaver",
                "REKOM: min gruppes oppgaver", "KOMPETANSELOFTET: min gruppes oppgaver", "YRKESFAG: min gruppes oppgaver");
        assertThat(filters(People.COUNTY_CASEWORKER).keySet()).contains("YRKESFAG: min gruppes oppgaver");
        assertThat(filters("demo-eier-bergen").keySet()).noneMatch(name -> name.contains(":"));
    }

    @Test
    void the_filters_sort_by_due_date() throws Exception {
        JsonNode filter = json("demo-eier-bergen", "GET", "/engine-rest/filter/"
                + filters("demo-eier-bergen").get("Min gruppes oppgaver"));
        assertThat(filter.get("query").get("sorting").get(0).get("sortBy").asText()).isEqualTo("dueDate");
    }
}
