package no.kompetansemidler.cycle;

import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.letters.DemoIntegrasjonspunkt;
import no.kompetansemidler.testkit.NodeProcess;
import no.kompetansemidler.testkit.PostgresSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL database, both with their job executors on: node A in this JVM, node B
 * as a separate process (the packaged jar). The cycle's timers are made due at once, as the calendar would make
 * them due, and both nodes race for the jobs: every reminder is sent once, every missed deadline becomes one task,
 * every payment is made once, and the self-evaluations open once per owner.
 */
class TwoNodesPostgresIT {

    static final String DATABASE = "kompetansemidler_it_nodes";

    @Test
    void two_nodes_fire_every_timer_once_and_make_every_payment_once() throws Exception {
        PostgresSupport.freshDatabase(DATABASE);
        try (ConfigurableApplicationContext nodeA = PostgresSupport.start(DATABASE, List.of("postgres", "demo"),
                "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.generic-properties.properties.hostname=node-a", "--kompetansemidler.brev.status-intervall=PT1S");
             // both nodes send letters to the one integrasjonspunkt (node A's demo one), as production does
             NodeProcess nodeB = new NodeProcess("node-b", DATABASE).start("--kompetansemidler.brev.integrasjonspunkt-url="
                     + nodeA.getBean(DemoIntegrasjonspunkt.class).address(), "--kompetansemidler.brev.status-intervall=PT1S")) {
            RuntimeService runtime = nodeA.getBean(RuntimeService.class);
            TaskService tasks = nodeA.getBean(TaskService.class);
            ManagementService management = nodeA.getBean(ManagementService.class);
            JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
            CycleScenario scenario = new CycleScenario(nodeA);

            scenario.start("DEKOM", 2027, "10 000 000");
            assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_SubmitNeedReport").count()).isEqualTo(44);

            // the reminders fall due: 44 timers, two nodes
            dueNow(management, "BoundaryEvent_ReminderDue");
            waitUntil(() -> jobs(management, "BoundaryEvent_ReminderDue") + jobs(management, "Task_SendNeedReportReminder") == 0);
            assertThat(jdbc.sql("select count(*) from km_reminder").query(Long.class).single()).isEqualTo(44);
            assertThat(jdbc.sql("select count(distinct organisation_number) from km_reminder").query(Long.class).single())
                    .isEqualTo(44);

            // two owners report; the deadline passes for the other 42: one task each
            scenario.submitNeedReport(CycleScenario.BERGEN, "demo-eier-bergen");
            scenario.submitNeedReport(CycleScenario.VESTLAND_FK, "demo-eier-vestlandfk");
            dueNow(management, "BoundaryEvent_DeadlinePassed");
            waitUntil(() -> jobs(management, "BoundaryEvent_DeadlinePassed") == 0);
            waitUntil(() -> tasks.createTaskQuery().taskDefinitionKey("Task_HandleMissedDeadline").count() == 42);
            assertThat(jdbc.sql("select count(*) from act_hi_taskinst where task_def_key_ = 'Task_HandleMissedDeadline'")
                    .query(Long.class).single()).isEqualTo(42);
            tasks.createTaskQuery().taskDefinitionKey("Task_HandleMissedDeadline").list().forEach(scenario::doesNotTakePart);
            // the 44 ended need reports are counted into the cycle by jobs, on both nodes
            waitUntil(() -> tasks.createTaskQuery().taskDefinitionKey("Task_PrepareForum").count() == 1);

            // forum and innstilling; the two payments are asynchronous jobs for both nodes
            scenario.complete("Task_PrepareForum", "demo-saksbehandler", Map.of());
            scenario.saveDistribution(CycleScenario.BERGEN + "; 7 000 000; 2 100 000; 0; 0; Lesing; etterutdanning; 2027; 2027\n"
                    + CycleScenario.VESTLAND_FK + "; 3 000 000; 900 000; 0; 0; Lesing; etterutdanning; 2027; 2027");
            scenario.complete("Task_RecordRecommendation", "demo-saksbehandler", Map.of("forumEnig", true, "prioriteringer", "Lesing",
                    "begrunnelse", "Forumets innstilling."));
            scenario.approve();
            waitUntil(() -> jobs(management, "Task_Pay") == 0
                    && jdbc.sql("select count(*) from km_payment").query(Long.class).single() == 2);

            // the two letters: each sent and journalled once, whichever node sends it, and delivered
            waitUntil(() -> jdbc.sql("select count(*) from km_letter where status = 'LEVERT'").query(Long.class)
                    .single() == 2);
            DemoIntegrasjonspunkt integrasjonspunkt = nodeA.getBean(DemoIntegrasjonspunkt.class);
            assertThat(integrasjonspunkt.received().values()).extracting(DemoIntegrasjonspunkt.Received::receiver)
                    .containsExactlyInAnyOrder(CycleScenario.BERGEN, CycleScenario.VESTLAND_FK);
            assertThat(integrasjonspunkt.received().keySet()).containsExactlyInAnyOrderElementsOf(
                    jdbc.sql("select message_id from km_letter").query(String.class).list());
            assertThat(integrasjonspunkt.posts()).isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from km_payment_batch").query(Long.class).single()).isOne();
            assertThat(jdbc.sql("select count(distinct decision_id) from km_payment").query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("select sum(amount_ore) from km_payment").query(Long.class).single()).isEqualTo(1_000_000_000L);

            // the self-evaluation opens: one task per owner paid
            dueNow(management, "Event_SelfEvaluationOpens");
            waitUntil(() -> tasks.createTaskQuery().taskDefinitionKey("Task_SubmitSelfEvaluation").count() == 2);
            Thread.sleep(2000);
            assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_SubmitSelfEvaluation").count()).isEqualTo(2);
            assertThat(runtime.createIncidentQuery().count()).isZero();

            List<Map<String, Object>> byNode = jdbc.sql("select hostname_, count(*) as jobs from act_hi_job_log "
                    + "where job_state_ = 2 group by hostname_ order by hostname_").query().listOfRows();
            System.out.println("Two nodes: successful jobs per node " + byNode);
            assertThat(byNode).extracting(row -> row.get("hostname_")).isSubsetOf("node-a", "node-b");
        }
    }

    static void dueNow(ManagementService management, String activityId) {
        for (Job job : management.createJobQuery().activityId(activityId).list()) {
            management.setJobDuedate(job.getId(), new Date(System.currentTimeMillis() - 1000));
        }
    }

    static long jobs(ManagementService management, String activityId) {
        return management.createJobQuery().activityId(activityId).count();
    }

    /** Waits for what the job executors do, at most two minutes. */
    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        waitUntil(condition, Duration.ofMinutes(2));
    }

    static void waitUntil(BooleanSupplier condition, Duration limit) throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not reached within " + limit);
            }
            Thread.sleep(100);
        }
    }
}
