package no.kompetansemidler.funding;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.testkit.ModelTest;
import no.kompetansemidler.testkit.TestDatabase;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/**
 * A breach is a BPMN error that a model routes to a correction task, whose form gets the breaches; then it loops back.
 * The real rule check, over the real tables, in a test model on the model engine.
 */
@ModelTest
@Deployment(resources = "bpmn-test/regelkontroll-ruting.bpmn")
class BreachRoutingTest {

    final JdbcClient jdbc = TestDatabase.withReferenceData();
    final ProposalRepository proposals = new ProposalRepository(jdbc);

    @BeforeEach
    void theRealRuleCheck() {
        Mocks.register("checkFundingRulesDelegate", new CheckFundingRulesDelegate(proposals,
                new ProposalAssembler(new MasterDataRepository(jdbc), TestDatabase.schemes()), TestDatabase.schemes(),
                Clock.systemUTC(), new no.kompetansemidler.application.ApplicationRepository(jdbc)));
    }

    @Test
    void a_breach_goes_to_the_correction_task_with_the_rule_named_and_a_corrected_proposal_passes() {
        String id = proposals.save(new StoredProposal(null, Embete.VESTLAND, Scheme.DEKOM, 2026, Money.ofKroner(1_000_000),
                List.of(FundingDelegatesTest.line(FundingDelegatesTest.BERGEN, "Bergen kommune", 100_000_000,
                        29_999_999, null, false))), "demo-saksbehandler", Instant.now());

        ProcessInstance instance = runtimeService().startProcessInstanceByKey("regelkontroll-ruting",
                Map.of(FundingVariables.PROPOSAL_ID, id));

        assertThat(instance).isWaitingAt("Task_CorrectBreaches").hasPassed("BoundaryEvent_Breach");
        assertThat(task()).hasCandidateGroup("saksbehandler-vestland");
        assertThat(instance).variables()
                .containsEntry(FundingVariables.BREACH_COUNT, 1)
                .containsEntry(FundingVariables.BREACH_RULES, "R1");
        org.assertj.core.api.Assertions.assertThat((String) runtimeService().getVariable(instance.getId(), FundingVariables.BREACH_TEXT))
                .startsWith("R1 Egenfinansiering: Bergen kommune (964338531) bidrar med 299 999,99 kr");

        // still wrong: the correction loops back to the correction task
        complete(task());
        assertThat(instance).isWaitingAt("Task_CorrectBreaches");

        runtimeService().setVariable(instance.getId(), FundingVariables.PROPOSAL_ID, proposals.saveNext(id,
                List.of(FundingDelegatesTest.line(FundingDelegatesTest.BERGEN, "Bergen kommune", 100_000_000, 30_000_000,
                        null, false)), ProposalRepository.ORIGIN_SAVED, "demo-saksbehandler", Instant.now()));
        complete(task());

        assertThat(instance).isEnded().hasPassed("EndEvent_RulesKept");
        assertThat(instance).variables().containsEntry(FundingVariables.BREACH_COUNT, 0);
    }
}
