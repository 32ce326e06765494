package no.kompetansemidler.cycle;

import no.kompetansemidler.testkit.PostgresSupport;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

/** The same races as RaceIT, on PostgreSQL: its row locks and MVCC decide differently from H2's. */
class RacePostgresIT {

    @Test
    void two_people_completing_the_same_task_at_once_on_postgresql_one_wins_nothing_doubles() throws Exception {
        PostgresSupport.freshDatabase("kompetansemidler_it_race");
        try (ConfigurableApplicationContext app = PostgresSupport.start("kompetansemidler_it_race",
                List.of("postgres", "demo"), "--camunda.bpm.job-execution.enabled=false")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            RaceIT.raceEveryNeedReport(app, port);
        }
    }
}
