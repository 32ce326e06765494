package no.kompetansemidler.cycle;

import no.kompetansemidler.letters.DemoIntegrasjonspunkt;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.NodeProcess;
import no.kompetansemidler.testkit.PostgresSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static no.kompetansemidler.cycle.TwoNodesPostgresIT.waitUntil;

/**
 * A node is killed with SIGKILL in the middle of disbursing to and writing to 220 recipients (five DEKOM years for
 * all 44 owners in Vestland), then started again: every recipient is paid exactly once, the sums add up, every letter
 * is sent and journalled exactly once (one message and one post each at the integrasjonspunkt, which outlives the
 * node), and every cycle goes on to the self-evaluation. The cycles are driven in this JVM with its job executor off;
 * the payments and letters are made by the separate node, which is the one killed.
 */
class CrashPostgresIT {

    static final String DATABASE = "kompetansemidler_it_crash";
    static final int YEARS = 5;

    @Test
    void a_node_killed_while_paying_and_sending_letters_pays_and_sends_everything_exactly_once_after_a_restart()
            throws Exception {
        PostgresSupport.freshDatabase(DATABASE);
        try (ConfigurableApplicationContext driver = PostgresSupport.start(DATABASE, List.of("postgres", "demo"),
                "--camunda.bpm.job-execution.enabled=false")) {
            RuntimeService runtime = driver.getBean(RuntimeService.class);
            TaskService tasks = driver.getBean(TaskService.class);
            ManagementService management = driver.getBean(ManagementService.class);
            JdbcClient jdbc = driver.getBean(JdbcClient.class);
            CycleScenario scenario = new CycleScenario(driver);
            // the integrasjonspunkt outlives the nodes, as the real one does: the driver's demo one
            DemoIntegrasjonspunkt integrasjonspunkt = driver.getBean(DemoIntegrasjonspunkt.class);
            String[] nodeArguments = {"--kompetansemidler.brev.integrasjonspunkt-url=" + integrasjonspunkt.address(),
                    "--kompetansemidler.brev.status-intervall=PT1S"};

            List<String> cycles = new ArrayList<>();
            for (int year = 2027; year < 2027 + YEARS; year++) {
                cycles.add(cycleToDecisions(scenario, runtime, tasks, year).getId());
            }
            long decisions = jdbc.sql("select count(*) from km_decision").query(Long.class).single();
            assertThat(decisions).isEqualTo(44L * YEARS);
            assertThat(management.createJobQuery().activityId("Task_Pay").count()).isEqualTo(decisions);
            assertThat(management.createJobQuery().activityId("Task_WriteLetter").count()).isEqualTo(decisions);

            long paidBeforeCrash;
            long sentBeforeCrash;
            try (NodeProcess node = new NodeProcess("node-crash", DATABASE).start(nodeArguments)) {
                waitUntil(() -> paid(jdbc) >= 20 && sent(jdbc) >= 20, Duration.ofMinutes(3));
                node.kill();
                paidBeforeCrash = paid(jdbc);
                sentBeforeCrash = sent(jdbc);
            }
            System.out.println("Crash: SIGKILL after " + paidBeforeCrash + " of " + decisions + " payments and "
                    + sentBeforeCrash + " letters sent");
            assertThat(paidBeforeCrash + sentBeforeCrash).isLessThan(2 * decisions);

            // jobs the killed node had locked are taken again when their lock runs out (5 minutes, docs/drift.md);
            // an operator who knows the node is dead releases them at once, as here
            long released = jdbc.sql("update act_ru_job set lock_owner_ = null, lock_exp_time_ = null "
                    + "where lock_owner_ is not null").update();
            System.out.println("Crash: " + released + " jobs were locked by the killed node");
            try (NodeProcess restarted = new NodeProcess("node-restarted", DATABASE).start(nodeArguments)) {
                waitUntil(() -> management.createJobQuery().activityId("Task_Pay").count() == 0
                        && delivered(jdbc) == decisions, Duration.ofMinutes(6));
            }
            assertThat(paid(jdbc)).isEqualTo(decisions);
            assertThat(jdbc.sql("select count(distinct decision_id) from km_payment").query(Long.class).single())
                    .isEqualTo(decisions);
            assertThat(jdbc.sql("select count(*) from km_decision d where not exists "
                    + "(select 1 from km_payment p where p.decision_id = d.id)").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select sum(amount_ore) from km_payment").query(Long.class).single())
                    .isEqualTo(YEARS * 440_000_000L);
            // every letter written once, and sent and journalled once: one message per letter, one post per message
            assertThat(jdbc.sql("select count(*) from km_letter").query(Long.class).single()).isEqualTo(decisions);
            assertThat(integrasjonspunkt.received().keySet()).containsExactlyInAnyOrderElementsOf(
                    jdbc.sql("select message_id from km_letter").query(String.class).list());
            assertThat(integrasjonspunkt.posts()).isEqualTo(decisions);
            assertThat(jdbc.sql("select count(*) from km_payment where batch_id is null").query(Long.class).single())
                    .isZero();
            assertThat(jdbc.sql("select count(*) from km_payment_batch").query(Long.class).single()).isEqualTo(YEARS);
            assertThat(runtime.createIncidentQuery().count()).isZero();
            for (String cycle : cycles) {
                assertThat(runtime.getActiveActivityIds(cycle)).as("cycle " + cycle + " goes on")
                        .contains("Event_SelfEvaluationOpens");
            }
            System.out.println("Crash: after the restart " + paid(jdbc) + " payments, one per decision, and "
                    + integrasjonspunkt.received().size() + " letters, one message each");
        }
    }

    static long sent(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from km_letter where status in ('SENDT', 'LEVERT')").query(Long.class).single();
    }

    static long delivered(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from km_letter where status = 'LEVERT'").query(Long.class).single();
    }

    static long paid(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from km_payment").query(Long.class).single();
    }

    /** A cycle where all 44 owners report, and the forum gives each 100 000 kr (30 % co-financing). */
    static ProcessInstance cycleToDecisions(CycleScenario scenario, RuntimeService runtime, TaskService tasks, int year) {
        ProcessInstance cycle = scenario.start("DEKOM", year, "4 400 000");
        StringBuilder lines = new StringBuilder();
        for (Task report : tasks.createTaskQuery().taskDefinitionKey("Task_SubmitNeedReport").list()) {
            String owner = (String) tasks.getVariable(report.getId(), "eier");
            scenario.complete(report, "demo-admin", no.kompetansemidler.testkit.Applications.needReport(CycleScenario.HVL));
            scenario.complete(scenario.taskFor("Task_ConfirmPartnership", owner), no.kompetansemidler.testkit.People.UH_HVL,
                    Map.of("uhSvar", "BEKREFT"));
            lines.append(owner).append("; 100 000; 30 000; 0; 0; Lesing; etterutdanning; ").append(year).append("; ")
                    .append(year).append('\n');
        }
        scenario.countNeedReports();
        scenario.complete("Task_PrepareForum", "demo-saksbehandler", Map.of());
        scenario.saveDistribution(lines.toString().trim());
        scenario.complete("Task_RecordRecommendation", "demo-saksbehandler", Map.of("forumEnig", true,
                "prioriteringer", "Lesing", "begrunnelse", "Forumets innstilling."));
        scenario.approve();
        return cycle;
    }
}
