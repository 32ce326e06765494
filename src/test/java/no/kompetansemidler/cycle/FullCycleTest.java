package no.kompetansemidler.cycle;

import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.CycleScenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The whole application runs a complete cycle with several owners from frame to report, on H2. */
@ApplicationTest
class FullCycleTest {

    @Autowired
    ApplicationContext context;

    @Test
    void a_complete_cycle_pays_every_recipient_once_and_the_report_adds_up_to_the_ore() throws Exception {
        CycleScenario scenario = new CycleScenario(context);
        scenario.assertPaymentsAndReport(scenario.run(no.kompetansemidler.testkit.Years.next()));
    }
}
