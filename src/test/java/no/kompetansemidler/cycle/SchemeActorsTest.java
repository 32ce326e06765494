package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.funding.RecipientKind;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.OwnerKind;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.funding.ProposalAssembler;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.forms.Refusal;
import no.kompetansemidler.testkit.ApplicationTest;
import no.kompetansemidler.testkit.Applications;
import no.kompetansemidler.testkit.CycleScenario;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static no.kompetansemidler.testkit.Organisations.BERGEN;
import static no.kompetansemidler.testkit.Organisations.HVL;
import static no.kompetansemidler.testkit.Organisations.VESTLAND_FK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * REKOM and Kompetanseløftet end to end with their own actors: the kindergarten owners (a kommune and a private owner
 * the caseworker registers) and the kindergarten's forum in REKOM; the kommune and the fylkeskommune applying on
 * behalf of their kindergartens, schools and PPT, with the units named, in Kompetanseløftet. Each from Udir's frame to
 * the decisions paid to the øre.
 */
@ApplicationTest
class SchemeActorsTest {

    /** A private kindergarten owner in Vestland that only this test registers. */
    static final String KINDERGARTEN = "912345602";
    /** Statped as the caseworker registers it, a provider in Kompetanseløftet (an invented organisation number). */
    static final String STATPED = "912345629";

    @Autowired
    ApplicationContext context;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    CycleRepository cycles;
    @Autowired
    MasterDataRepository masterData;
    @Autowired
    ProposalAssembler recipients;

    @Test
    void rekom_the_kindergarten_owners_apply_and_the_kindergartens_forum_recommends() {
        People.as(identity, People.CASEWORKER, () -> runtime.startProcessInstanceByKey("registrer-privat-eier",
                Map.of("organisasjonsnummer", KINDERGARTEN, "navn", "Fjordtun barnehage AS",
                        "eiertype", "PRIVAT_BARNEHAGEEIER", "embete", "vestland",
                        "kontaktEpost", "post@fjordtun.example")));
        People.ensureUser(identity, "test-eier-fjordtun", "eier-" + KINDERGARTEN);
        int year = Years.next();
        CycleScenario rekom = new CycleScenario(context);
        rekom.start("REKOM", year, "3 000 000");
        List<String> asked = rekom.taskQuery().taskDefinitionKey("Task_SubmitNeedReport").list().stream()
                .map(t -> (String) tasks.getVariable(t.getId(), "eier")).toList();
        // the kommuner as kindergarten owners and the private kindergarten owner; not the fylkeskommune
        assertThat(asked).contains(BERGEN, KINDERGARTEN).doesNotContain(VESTLAND_FK);

        Task fjordtun = rekom.taskFor("Task_SubmitNeedReport", KINDERGARTEN);
        assertThat((String) tasks.getVariable(fjordtun.getId(), "medvirkere")).isEqualTo("barnehagens ledere og ansatte");
        // a measure for the school's teachers is not a kindergarten measure
        assertThatThrownBy(() -> rekom.complete(fjordtun, "test-eier-fjordtun", Applications.needReport(HVL)))
                .isInstanceOf(Refusal.class).hasMessageContaining("malgrupper");
        applies(rekom, KINDERGARTEN, "test-eier-fjordtun", Applications.kindergarten(HVL));
        applies(rekom, BERGEN, People.OWNER_BERGEN, Applications.kindergarten(HVL));
        othersDoNotTakePart(rekom);

        // the kindergarten's forum: the kommune as barnehagemyndighet, PBL for the private owners
        Task forum = rekom.taskQuery().taskDefinitionKey("Task_PrepareForum").singleResult();
        assertThat((String) tasks.getVariable(forum.getId(), "forumMedlemmer"))
                .contains("Kommunene som barnehagemyndighet og barnehageeiere", "Private barnehageeiere (PBL)");
        rekom.complete(forum, People.CASEWORKER, Map.of());
        recommendedAndApproved(rekom, "Språkmiljø",
                BERGEN + "; 1 500 000; 0; 0; 0; Språkløyper i barnehagen; etterutdanning; " + year + "; " + year,
                KINDERGARTEN + "; 1 000 000; 0; 0; 0; Språkløyper i barnehagen; etterutdanning; " + year + "; " + year,
                HVL + "; 500 000; 0; 0; 0; Språkløyper i barnehagen; etterutdanning; " + year + "; " + year);
        paidToTheOre(rekom, 3, "3 000 000,00 kr", "Regional ordning for kompetanseutvikling i barnehagen");
    }

    @Test
    void kompetanseloftet_the_kommune_and_the_fylkeskommune_apply_for_their_units_with_ppt() {
        int year = Years.forKompetanseloftet();
        CycleScenario loftet = new CycleScenario(context).inScheme("KOMPETANSELOFTET");
        loftet.start("KOMPETANSELOFTET", year, "2 500 000");
        Task bergen = loftet.taskFor("Task_SubmitNeedReport", BERGEN);
        assertThat((String) tasks.getVariable(bergen.getId(), "medvirkere"))
                .isEqualTo("ledere og ansatte i barnehagene, skolene og PPT");
        assertThat(loftet.taskFor("Task_SubmitNeedReport", VESTLAND_FK)).isNotNull();

        // a measure that does not name its kindergartens, schools and PPT is refused on the field
        Map<String, Object> unnamed = teamAroundTheChild();
        unnamed.remove("enheter");
        assertThatThrownBy(() -> loftet.complete(bergen, People.OWNER_BERGEN, needReport(unnamed)))
                .isInstanceOf(Refusal.class).hasMessageContaining("enheter")
                .hasMessageContaining("skriv hvilke barnehager, skoler og PPT som deltar");
        applies(loftet, BERGEN, People.OWNER_BERGEN, needReport(teamAroundTheChild()));
        // the county's measure on visual and hearing impairments: UH declines it, so Statped may deliver it
        Map<String, Object> impairments = teamAroundTheChild();
        impairments.put("tittel", "Veiledning om syns- og hørselsvansker");
        loftet.complete(loftet.taskFor("Task_SubmitNeedReport", VESTLAND_FK), People.OWNER_VESTLAND_FK,
                needReport(impairments));
        loftet.complete(loftet.taskFor("Task_ConfirmPartnership", VESTLAND_FK), People.UH_HVL, Map.of("uhSvar", "AVSLA",
                "uhBegrunnelse", "Vi har ikke fagfolk på syns- og hørselsvansker i år."));
        othersDoNotTakePart(loftet);

        // the forum has PPT, and Statped when UH cannot contribute
        Task forum = loftet.taskQuery().taskDefinitionKey("Task_PrepareForum").singleResult();
        assertThat((String) tasks.getVariable(forum.getId(), "forumMedlemmer"))
                .contains("PPT", "Statped (når UH ikke kan bidra)");
        loftet.complete(forum, People.CASEWORKER, Map.of());
        // Statped, registered by the caseworker as a provider, is paid for what UH cannot deliver (R2); it applies
        // for nothing, and in a scheme that does not name it, it is a third party
        if (masterData.findOwner(new OrganisationNumber(STATPED)).isEmpty()) {
            People.as(identity, People.CASEWORKER, () -> runtime.startProcessInstanceByKey("registrer-privat-eier",
                    Map.of("organisasjonsnummer", STATPED, "navn", "Statped", "eiertype", "STATPED",
                            "embete", "vestland", "kontaktEpost", "post@statped.example")));
        }
        assertThat(masterData.findOwner(new OrganisationNumber(STATPED)).orElseThrow().kind())
                .isEqualTo(OwnerKind.STATPED);
        assertThat(recipients.kindOf(STATPED, Scheme.KOMPETANSELOFTET)).isEqualTo(RecipientKind.PROVIDER);
        assertThat(recipients.kindOf(STATPED, Scheme.DEKOM)).isEqualTo(RecipientKind.THIRD_PARTY);
        // Statped only for what UH cannot deliver (R2): a measure UH confirmed is refused, with the rule named
        String owners = String.join("\n",
                BERGEN + "; 1 000 000; 0; 0; 0; Et godt lag rundt barnet; etterutdanning; " + year + "; " + year,
                VESTLAND_FK + "; 800 000; 0; 0; 0; Veiledning om syns- og hørselsvansker; etterutdanning; " + year + "; "
                        + year,
                HVL + "; 500 000; 0; 0; 0; Et godt lag rundt barnet; etterutdanning; " + year + "; " + year);
        loftet.saveDistribution(owners + "\n" + STATPED + "; 200 000; 0; 0; 0; Et godt lag rundt barnet; etterutdanning; "
                + year + "; " + year);
        loftet.complete("Task_RecordRecommendation", People.CASEWORKER, Map.of("forumEnig", true,
                "prioriteringer", "Lag rundt barnet", "begrunnelse", "Forumets innstilling."));
        Task correction = loftet.taskQuery().taskDefinitionKey("Task_CorrectBreaches").singleResult();
        assertThat((String) tasks.getVariable(correction.getId(), "regelbruddTekst"))
                .contains("Statped (" + STATPED + ") er en tilbyder som i KOMPETANSELOFTET bare kan få midler til et"
                        + " tiltak UH ikke kan levere, men ingen UH har avslått eller latt være å bekrefte tiltaket «Et"
                        + " godt lag rundt barnet»");
        // the measure UH declined (the title as the county wrote it, case and spaces aside) passes
        loftet.saveDistribution(owners + "\n" + STATPED + "; 200 000; 0; 0; 0; veiledning om syns-  og hørselsvansker;"
                + " etterutdanning; " + year + "; " + year);
        loftet.complete(correction, People.CASEWORKER, Map.of("begrunnelse",
                "UH avslo tiltaket om syns- og hørselsvansker; forumet ba om Statped."));
        loftet.approve();
        paidToTheOre(loftet, 4, "2 500 000,00 kr", "Kompetanseløftet for spesialpedagogikk og inkluderende praksis");
        assertThat(cycles.decisions(loftet.cycleId())).filteredOn(d -> d.organisationNumber().equals(STATPED))
                .singleElement().satisfies(d -> {
                    assertThat(d.recipientKind()).isEqualTo("PROVIDER");
                    assertThat(d.reasons()).contains("Statped (" + STATPED + ") får 200 000,00 kr")
                            .doesNotContain("Egenfinansiering");
                });
    }

    /** A measure for the team around the child: kindergarten, school and PPT together, with the scheme's own goal. */
    static Map<String, Object> teamAroundTheChild() {
        Map<String, Object> row = new HashMap<>(Applications.measure(HVL));
        row.put("tittel", "Et godt lag rundt barnet");
        row.put("mal", List.of("LAG_RUNDT_BARNET", "INKLUDERENDE_LAERINGSMILJO"));
        row.put("malgrupper", List.of("BARNEHAGEANSATTE", "LAERERE", "PPT"));
        row.put("enheter", "Nordby skole, Solbakken barnehage og PPT");
        return row;
    }

    static Map<String, Object> needReport(Map<String, Object> measure) {
        return Map.of("medvirkning", "Styrerne, rektorene og PPT deltok i kartleggingen.",
                "behov", "Tidlig innsats og inkluderende praksis.", "tiltak", Applications.rows(List.of(measure)));
    }

    /** The owner sends its need report and the UH partner confirms it. */
    private static void applies(CycleScenario cycle, String owner, String user, Map<String, Object> needReport) {
        cycle.complete(cycle.taskFor("Task_SubmitNeedReport", owner), user, needReport);
        cycle.complete(cycle.taskFor("Task_ConfirmPartnership", owner), People.UH_HVL, Map.of("uhSvar", "BEKREFT"));
    }

    /** The other owners miss the deadline, and the caseworker records that they do not take part (R5). */
    private static void othersDoNotTakePart(CycleScenario cycle) {
        cycle.executeJobsOf("BoundaryEvent_DeadlinePassed");
        cycle.taskQuery().taskDefinitionKey("Task_HandleMissedDeadline").list().forEach(cycle::doesNotTakePart);
        cycle.countNeedReports();
    }

    /** The caseworker saves the forum's distribution and records its innstilling; the leader approves. */
    private static void recommendedAndApproved(CycleScenario cycle, String priorities, String... lines) {
        cycle.saveDistribution(String.join("\n", lines));
        cycle.complete("Task_RecordRecommendation", People.CASEWORKER, Map.of("forumEnig", true,
                "prioriteringer", priorities, "begrunnelse", "Forumets innstilling."));
        cycle.approve();
    }

    private void paidToTheOre(CycleScenario cycle, int decisions, String total, String schemeName) {
        String cycleId = cycle.cycleId();
        assertThat(cycles.decisions(cycleId)).hasSize(decisions).allSatisfy(d ->
                assertThat(d.reasons()).startsWith("Statsforvalteren i Vestland vedtar tilskudd fra " + schemeName));
        cycle.executeJobsOf("Task_Pay");
        // a recipient without an account number waits for the caseworker to register one (the private owner)
        for (Task account : cycle.taskQuery().taskDefinitionKey("Task_RegisterAccount").list()) {
            String owner = (String) tasks.getVariable(account.getId(), "mottaker");
            cycle.complete(account, People.CASEWORKER, Map.of("kontonummer",
                    no.kompetansemidler.testkit.Organisations.inventedAccountNumber(owner)));
        }
        cycle.executeJobsOf("Task_Pay");
        assertThat(cycles.payments(cycleId)).hasSize(decisions);
        assertThat(Money.sum(cycles.payments(cycleId).stream().map(CycleRepository.Payment::amount).toList()).format())
                .isEqualTo(total);
    }
}
