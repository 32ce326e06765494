package no.kompetansemidler.cycle;

import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.PostgresSupport;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

/** The same complete cycle as FullCycleTest, on a real PostgreSQL. */
class FullCyclePostgresIT {

    @Test
    void a_complete_cycle_on_postgresql_pays_every_recipient_once_and_the_report_adds_up() throws Exception {
        PostgresSupport.freshDatabase("kompetansemidler_it_cycle");
        try (ConfigurableApplicationContext app = PostgresSupport.start("kompetansemidler_it_cycle",
                List.of("postgres", "demo"), "--camunda.bpm.job-execution.enabled=false")) {
            CycleScenario scenario = new CycleScenario(app);
            scenario.assertPaymentsAndReport(scenario.run(2027));
        }
    }
}
