package no.kompetansemidler.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Scheme;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's year, small: the four schemes of Agder (where the forum does not agree, R7) and of the largest
 * embete, Østfold, Buskerud, Oslo og Akershus (whose distributions are longer than 4000 characters), driven through
 * the engine's API with the job executor on, on H2. Proves in every CI run that the benchmark's driver still fits
 * the models and forms, and that the year adds up: every cycle completed, every decision signed off by a leader,
 * paid once and its letter delivered, the payments equal to the frames to the øre.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.max-wait=500",
        "kompetansemidler.brev.status-intervall=PT1S"})
class NationalYearSmokeIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    GreenMail mail;
    @Autowired
    HistoryService history;

    @Test
    void two_embeters_year_runs_through_every_path_and_adds_up_to_the_ore() throws Exception {
        NationalYear year = new NationalYear(context, new NationalYear.Settings(
                List.of(Embete.AGDER, Embete.OSTFOLD_BUSKERUD_OSLO_OG_AKERSHUS), 1, 2027, 2));
        year.prepare();
        year.run();

        NationalYear.Totals totals = year.totals();
        List<NationalYear.Cycle> agder = year.cycles().subList(0, 5);
        // Agder: 25 municipalities, the county authority, 4 private school owners and 7 private kindergarten owners;
        // YRKESFAG is Agder fylkeskommune's cycle, with the 9 applicants its caseworker registered; OPPFOLGING asks
        // the three kommuner Udir selected, once their analysis was approved (and no other)
        assertThat(agder).extracting(c -> c.owners.size()).containsExactly(30, 32, 26, 9, 3);
        assertThat(agder.get(4).owners).extracting(NationalYear.Participant::organisationNumber)
                .containsExactlyInAnyOrderElementsOf(year.followUps().stream()
                        .filter(f -> f.embete() == Embete.AGDER).map(NationalYear.FollowUpCase::organisationNumber)
                        .toList());
        assertThat(agder.get(3).office.displayName()).isEqualTo("Agder fylkeskommune");
        assertThat(agder.get(3).caseworker()).isEqualTo("bench-sb-agder-fylkeskommune");
        // owners 8 and 28 of a cycle were late: 6 reminders; the 28th did not take part, the 8th got more time
        assertThat(agder).extracting(c -> c.late.size()).containsExactly(2, 2, 1, 1, 0);
        assertThat(agder).extracting(c -> c.notTakingPart.size()).containsExactly(1, 1, 0, 0, 0);
        // the largest embete: Oslo kommune (county role) in the three schemes the Statsforvalter runs, and the office
        // that runs YRKESFAG in Oslo, beside Østfold, Akershus and Buskerud fylkeskommune; DEKOM's distribution has a
        // row per owner
        NationalYear.Cycle dekom = year.cycles().get(5);
        assertThat(year.cycles().subList(5, 8)).allMatch(c -> c.owners.stream()
                .anyMatch(o -> o.organisationNumber().equals(NationalYear.OSLO)));
        assertThat(year.cycles().subList(8, 12)).extracting(c -> c.office.displayName()).containsExactly(
                "Oslo kommune", "Østfold fylkeskommune", "Akershus fylkeskommune", "Buskerud fylkeskommune");
        assertThat((String) history.createHistoricVariableInstanceQuery().processInstanceId(dekom.processInstanceId)
                .variableName("fordelingOppsummering").singleResult().getValue())
                .contains(" rader, til sammen ");

        assertThat(totals.cyclesCompleted()).isEqualTo(13);
        // six kommuner followed up: veileder, analysis, a decision in the OPPFOLGING cycle, three reports, ended
        assertThat(totals.followUps()).isEqualTo(6);
        assertThat(totals.followUpsEnded()).isEqualTo(6);
        long late = year.cycles().stream().mapToInt(c -> c.late.size()).sum();
        assertThat(totals.reminders()).isEqualTo(late);
        assertThat(mail.getReceivedMessages()).hasSizeGreaterThanOrEqualTo((int) late);
        assertThat(totals.decisions()).isEqualTo(year.expectedDecisions())
                .isEqualTo(year.cycles().stream().mapToLong(c -> c.owners.size() - c.notTakingPart.size() + 1
                        + (Scheme.YRKESFAG.equals(c.scheme) ? 1 : 0)).sum());
        // each county pays itself as a provider in its YRKESFAG cycle (R2), and nobody else is a provider
        assertThat(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql(
                        "select count(*) from km_decision where recipient_kind = 'PROVIDER'").query(Long.class).single())
                .isEqualTo(year.cycles().stream().filter(c -> Scheme.YRKESFAG.equals(c.scheme)).count());
        assertThat(totals.payments()).isEqualTo(totals.decisions());
        assertThat(totals.decisionsPaid()).isEqualTo(totals.decisions());
        assertThat(totals.paidOre()).isEqualTo(totals.frameOre());
        assertThat(year.phases).containsKeys("behovsmeldinger", "utbetalinger og brev ferdige", "årsrapporter sendt");
        // every recipient's letter written once and delivered, one message each at the integrasjonspunkt
        assertThat(year.lettersDelivered()).isEqualTo(totals.decisions());
        long[] claims = year.claimLettersAndClaims();
        assertThat(claims[1]).as("underspent owners are claimed back").isPositive();
        assertThat(claims[0]).as("one letter per claim").isEqualTo(claims[1]);
        var integrasjonspunkt = context.getBean(no.kompetansemidler.letters.DemoIntegrasjonspunkt.class);
        assertThat(integrasjonspunkt.received()).hasSizeGreaterThanOrEqualTo((int) (totals.decisions() + claims[0]));

        // the overview of Agder's year says the same as the run: all paid, nothing left, nothing standing still
        no.kompetansemidler.overview.CycleOverview.View overview = context.getBean(
                no.kompetansemidler.overview.CycleOverview.class).of(Embete.AGDER, 2027);
        assertThat(overview.sykluser()).hasSize(5);
        for (NationalYear.Cycle cycle : agder) {
            var shown = overview.sykluser().stream().filter(c -> c.ordning().equals(cycle.scheme.name())).findFirst()
                    .orElseThrow();
            assertThat(shown.fase()).isEqualTo("Avsluttet");
            assertThat(shown.summer().utbetaltOre()).isEqualTo(shown.summer().vedtattOre())
                    .isEqualTo(shown.summer().rammeOre());
            assertThat(shown.summer().ikkeFordeltOre()).isZero();
            assertThat(shown.blokkert()).isEmpty();
            assertThat(shown.soknader().get("Deltar ikke")).isEqualTo((long) cycle.notTakingPart.size());
            assertThat(shown.soknader().get("Sendt")).isEqualTo((long) (cycle.owners.size() - cycle.notTakingPart.size()));
        }
    }
}
