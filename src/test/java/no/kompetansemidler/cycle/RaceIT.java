package no.kompetansemidler.cycle;

import no.kompetansemidler.testkit.People;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people complete the same task at the same moment over /engine-rest: one succeeds, the other is told in
 * Norwegian that someone else got there first; the need report is stored once and the case moves on once.
 * Repeated for many owners, so that the two requests really overlap in some rounds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RaceIT {

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void two_people_completing_the_same_task_at_once_one_wins_the_other_gets_a_clear_answer_nothing_doubles() throws Exception {
        raceEveryNeedReport(context, port);
    }

    /** The races, against the application in the context (H2 here, PostgreSQL in RacePostgresIT). */
    static void raceEveryNeedReport(org.springframework.context.ApplicationContext context, int port) throws Exception {
        RuntimeService runtime = context.getBean(RuntimeService.class);
        TaskService tasks = context.getBean(TaskService.class);
        IdentityService identity = context.getBean(IdentityService.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        People.as(identity, "demo-saksbehandler", () -> runtime.startProcessInstanceByKey("arssyklus",
                Map.of("embete", "vestland", "ordning", "DEKOM", "aar", 2027, "ramme", "10 000 000")));
        List<Task> needReports = tasks.createTaskQuery().taskDefinitionKey("Task_SubmitNeedReport").list();
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> losers = new ArrayList<>();
        int rounds = 0;
        try {
            for (Task task : needReports) {
                String owner = (String) tasks.getVariable(task.getId(), "eier");
                String first = ensureUser(identity, "test-eier-a-" + owner, "eier-" + owner);
                String second = ensureUser(identity, "test-eier-b-" + owner, "eier-" + owner);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<HttpResponse<String>> a = pool.submit(() -> complete(client, port, together, task.getId(), first));
                Future<HttpResponse<String>> b = pool.submit(() -> complete(client, port, together, task.getId(), second));
                List<HttpResponse<String>> answers = List.of(a.get(), b.get());
                rounds++;

                assertThat(answers).filteredOn(r -> r.statusCode() == 204).hasSize(1);
                HttpResponse<String> loser = answers.stream().filter(r -> r.statusCode() != 204).findFirst().orElseThrow();
                assertThat(loser.statusCode()).as(loser.body()).isIn(404, 409);
                assertThat(loser.body()).containsAnyOf("Noen andre behandlet den samme saken samtidig", "finnes ikke");
                losers.add(loser.statusCode() + " " + loser.body());

                assertThat(jdbc.sql("select count(*) from km_need_report where organisation_number = ?").param(owner)
                        .query(Long.class).single()).isEqualTo(1);
                assertThat(jdbc.sql("select count(*) from km_participation where organisation_number = ?").param(owner)
                        .query(Long.class).single()).isEqualTo(1);
                assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rounds).isEqualTo(44);
        // every need report is kept once, with the winner as the one who sent it
        assertThat(jdbc.sql("select count(*) from km_need_report").query(Long.class).single()).isEqualTo(44);
        System.out.println("Races: " + rounds + " rounds; losing answers: "
                + losers.stream().map(l -> l.substring(0, 3)).sorted().distinct().toList());
    }

    private static HttpResponse<String> complete(HttpClient client, int port, CyclicBarrier together, String taskId,
                                                String user)
            throws Exception {
        HttpRequest request = People.basic(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/complete")), user, "demo")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"variables": {
                          %s,
                          "medvirkning": {"value": "Skoleledere og lærere deltok i kartleggingen, sendt av %s."},
                          "behov": {"value": "Lesing og inkluderende læringsmiljø."}}}""".formatted(
                        no.kompetansemidler.testkit.Applications.restMeasures("917641404"), user)))
                .build();
        together.await();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String ensureUser(IdentityService identity, String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword("demo");
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
        return id;
    }
}
