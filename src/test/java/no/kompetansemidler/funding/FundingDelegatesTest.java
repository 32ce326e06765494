package no.kompetansemidler.funding;

import no.kompetansemidler.domain.funding.Measure;
import no.kompetansemidler.domain.funding.MeasureKind;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.Scheme;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.testkit.Years;
import no.kompetansemidler.testkit.TestDatabase;
import no.kompetansemidler.testkit.Tiers;
import org.junit.jupiter.api.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Each funding delegate against a mocked DelegateExecution, over the real master data and tables. */
@Tag(Tiers.DELEGATE)
class FundingDelegatesTest {

    static final Measure LESING = new Measure("Lesing i alle fag", MeasureKind.ETTERUTDANNING, 2026, 2027);
    static final String BERGEN = "964338531";
    static final String HVL = "917641404";
    static final String VESTLAND_FK = "821311632";
    /** A valid organisation number that is neither an owner nor a UH institution. */
    static final String UNKNOWN = "987654325";

    final JdbcClient jdbc = TestDatabase.withReferenceData();
    final ProposalRepository proposals = new ProposalRepository(jdbc);
    final SchemeCatalogue parameters = TestDatabase.schemes();
    final CheckFundingRulesDelegate check = new CheckFundingRulesDelegate(proposals,
            new ProposalAssembler(new MasterDataRepository(jdbc), parameters), parameters, Clock.systemUTC(),
            new no.kompetansemidler.application.ApplicationRepository(jdbc));
    final DistributeFrameDelegate distribute = new DistributeFrameDelegate(proposals, Clock.systemUTC());
    final SettleUnusedMoneyDelegate settle = new SettleUnusedMoneyDelegate(parameters, new CycleRepository(jdbc));

    static StoredGrant line(String orgnr, String name, long amountOre, long cashOre, Long weight, boolean optedOut) {
        return new StoredGrant(orgnr, name, false, optedOut, weight, Money.ofOre(amountOre), Money.ofOre(cashOre),
                Money.ZERO, Money.ZERO, LESING);
    }

    String save(long frameOre, List<StoredGrant> lines) {
        return proposals.save(new StoredProposal(null, Embete.VESTLAND, Scheme.DEKOM, 2026, Money.ofOre(frameOre), lines),
                "demo-saksbehandler", Instant.now());
    }

    static DelegateExecution execution(Map<String, ?> variables) {
        return no.kompetansemidler.testkit.Executions.execution(variables);
    }

    @Test
    void a_proposal_that_keeps_every_rule_passes_and_the_check_is_recorded_with_its_parameters() {
        String id = save(100_000_000, List.of(line(BERGEN, "Bergen kommune", 60_000_000, 18_000_000, null, false),
                line(HVL, "Høgskulen på Vestlandet", 40_000_000, 0, null, false)));
        DelegateExecution execution = execution(Map.of(FundingVariables.PROPOSAL_ID, id));

        check.execute(execution);

        verify(execution).setVariable(FundingVariables.BREACH_COUNT, 0);
        verify(execution).setVariable(FundingVariables.BREACH_TEXT, "");
        verify(execution).setVariable(eq(FundingVariables.RULE_CHECK_ID), anyString());
        assertThat(jdbc.sql("select parameters from km_rule_check where proposal_id = ?").param(id)
                .query(String.class).single()).contains("R1 egenandel=30 %").contains("R3 tredjepartstak=30 %");
    }

    @Test
    void breaches_become_the_bpmn_error_with_every_breach_for_the_correction_task() {
        String id = save(100_000_000, List.of(
                line(BERGEN, "Bergen kommune", 60_000_000, 17_999_999, null, false),
                line(UNKNOWN, "Kurs og Konsulent AS", 30_000_000, 9_000_000, null, false),
                line(VESTLAND_FK, "Vestland fylkeskommune", 10_000_001, 3_000_001, null, true)));
        DelegateExecution execution = execution(Map.of(FundingVariables.PROPOSAL_ID, id));

        BpmnError error = catchThrowableOfType(BpmnError.class, () -> check.execute(execution));

        assertThat(error.getErrorCode()).isEqualTo(FundingVariables.BREACH_ERROR_CODE);
        assertThat(error.getMessage()).contains("4 regelbrudd (R1,R2,R5,R6)");
        verify(execution).setVariable(FundingVariables.BREACH_COUNT, 4);
        verify(execution).setVariable(FundingVariables.BREACH_RULES, "R1,R2,R5,R6");
        verify(execution).setVariable(eq(FundingVariables.BREACH_TEXT),
                startsWith("R1 Egenfinansiering: Bergen kommune (964338531) bidrar med 179 999,99 kr"));
        verify(execution).setVariable(eq(FundingVariables.BREACH_TEXT),
                org.mockito.ArgumentMatchers.contains("R2 Mottakere: Kurs og Konsulent AS (987654325) er en tredjepart"));
        verify(execution).setVariable(eq(FundingVariables.BREACH_TEXT),
                org.mockito.ArgumentMatchers.contains("R5 Eier som ikke deltar: Vestland fylkeskommune (821311632) deltar ikke i DEKOM"));
        verify(execution).setVariable(eq(FundingVariables.BREACH_TEXT),
                org.mockito.ArgumentMatchers.contains("R6 Innenfor rammen: Summen av fordelingen er 1 000 000,01 kr"));
        assertThat(jdbc.sql("select count(*) from km_rule_breach b join km_rule_check c on c.id = b.check_id"
                + " where c.proposal_id = ?").param(id).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void an_owner_of_another_embete_gets_nothing_from_this_embetes_cycle_r5() {
        // finding 5 of the trust-boundary review: a Vestland DEKOM distribution could give money to Oslo kommune
        String id = save(100_000_000, List.of(line("958935420", "Oslo kommune", 50_000_000, 15_000_000, null, false),
                line(BERGEN, "Bergen kommune", 50_000_000, 15_000_000, null, false)));
        DelegateExecution execution = execution(Map.of(FundingVariables.PROPOSAL_ID, id));

        BpmnError error = catchThrowableOfType(BpmnError.class, () -> check.execute(execution));

        assertThat(error.getMessage()).contains("1 regelbrudd (R5)");
        verify(execution).setVariable(FundingVariables.BREACH_TEXT, "R5 Eier som ikke deltar: Oslo kommune (958935420)"
                + " hører til Statsforvalteren i Østfold, Buskerud, Oslo og Akershus, ikke Statsforvalteren i Vestland,"
                + " og kan ikke få midler fra DEKOM her (500 000,00 kr foreslått).");
    }

    @Test
    void a_uh_institution_is_never_an_owner_and_a_municipality_outside_the_scheme_does_not_take_part() {
        String id = proposals.save(new StoredProposal(null, Embete.VESTLAND, Scheme.YRKESFAG, 2026,
                Money.ofKroner(100), List.of(line(BERGEN, "Bergen kommune", 5_000, 0, null, false),
                line(HVL, "Høgskulen på Vestlandet", 5_000, 0, null, false))), "demo-saksbehandler", Instant.now());
        DelegateExecution execution = execution(Map.of(FundingVariables.PROPOSAL_ID, id));

        BpmnError error = catchThrowableOfType(BpmnError.class, () -> check.execute(execution));

        assertThat(error.getMessage()).contains("1 regelbrudd (R5)");
    }

    @Test
    void equal_shares_are_written_to_the_proposal_and_add_up_to_the_frame() {
        String id = save(100, List.of(line(VESTLAND_FK, "Vestland fylkeskommune", 0, 0, null, false),
                line(BERGEN, "Bergen kommune", 0, 0, null, false), line(HVL, "Høgskulen på Vestlandet", 0, 0, null, false)));
        DelegateExecution execution = execution(Map.of(FundingVariables.PROPOSAL_ID, id,
                FundingVariables.DISTRIBUTION_KEY, "EQUAL"));

        distribute.execute(execution);

        String shared = (String) execution.getVariable(FundingVariables.PROPOSAL_ID);
        assertThat(shared).as("the shares are a new proposal; the one recorded stays as it was").isNotEqualTo(id);
        assertThat(proposals.find(shared).orElseThrow().grants()).extracting(g -> g.amount().ore())
                .containsExactly(34L, 33L, 33L);
        assertThat(proposals.find(id).orElseThrow().grants()).extracting(g -> g.amount().ore())
                .containsExactly(0L, 0L, 0L);
        verify(execution).setVariable(FundingVariables.DISTRIBUTED, 100L);
        verify(execution).setVariable(FundingVariables.UNDISTRIBUTED, 0L);
    }

    @Test
    void weights_split_the_frame_by_arsverk() {
        String id = save(1_000_000, List.of(line(BERGEN, "Bergen kommune", 0, 0, 300L, false),
                line(VESTLAND_FK, "Vestland fylkeskommune", 0, 0, 100L, false)));
        DelegateExecution execution = execution(Map.of(FundingVariables.PROPOSAL_ID, id,
                FundingVariables.DISTRIBUTION_KEY, "WEIGHTS"));
        distribute.execute(execution);
        assertThat(proposals.find((String) execution.getVariable(FundingVariables.PROPOSAL_ID)).orElseThrow().grants())
                .extracting(g -> g.amount().ore())
                .containsExactly(750_000L, 250_000L);
    }

    @Test
    void a_key_that_cannot_be_applied_is_an_r6_breach_and_the_proposal_is_unchanged() {
        String missingWeight = save(1_000, List.of(line(BERGEN, "Bergen kommune", 7, 0, null, false)));
        DelegateExecution weights = execution(Map.of(FundingVariables.PROPOSAL_ID, missingWeight,
                FundingVariables.DISTRIBUTION_KEY, "WEIGHTS"));
        BpmnError error = catchThrowableOfType(BpmnError.class, () -> distribute.execute(weights));
        assertThat(error.getErrorCode()).isEqualTo(FundingVariables.BREACH_ERROR_CODE);
        verify(weights).setVariable(FundingVariables.BREACH_TEXT,
                "R6 Innenfor rammen: Bergen kommune (964338531) mangler vekt (årsverk).");
        assertThat(proposals.find(missingWeight).orElseThrow().grants().get(0).amount()).isEqualTo(Money.ofOre(7));

        String overFrame = save(1_000, List.of(line(BERGEN, "Bergen kommune", 600, 0, null, false),
                line(HVL, "Høgskulen på Vestlandet", 401, 0, null, false)));
        DelegateExecution amounts = execution(Map.of(FundingVariables.PROPOSAL_ID, overFrame,
                FundingVariables.DISTRIBUTION_KEY, "AMOUNTS"));
        catchThrowableOfType(BpmnError.class, () -> distribute.execute(amounts));
        verify(amounts).setVariable(FundingVariables.BREACH_TEXT,
                "R6 Innenfor rammen: Summen 10,01 kr er 0,01 kr over rammen på 10,00 kr.");
        verify(amounts, never()).setVariable(eq(FundingVariables.DISTRIBUTED), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void explicit_amounts_keep_the_innstilling_and_report_what_is_left() {
        String id = save(1_000, List.of(line(BERGEN, "Bergen kommune", 600, 0, null, false),
                line(HVL, "Høgskulen på Vestlandet", 399, 0, null, false)));
        DelegateExecution execution = execution(Map.of(FundingVariables.PROPOSAL_ID, id,
                FundingVariables.DISTRIBUTION_KEY, "AMOUNTS"));
        distribute.execute(execution);
        assertThat(execution.getVariable(FundingVariables.PROPOSAL_ID)).as("amounts unchanged: no new proposal").isEqualTo(id);
        verify(execution).setVariable(FundingVariables.DISTRIBUTED, 999L);
        verify(execution).setVariable(FundingVariables.UNDISTRIBUTED, 1L);
    }

    /** A decision of 1 000 000 øre to Bergen in a cycle of the scheme, with a stored self-evaluation. */
    String decidedAndEvaluated(Scheme scheme, long usedOre) {
        CycleRepository cycles = new CycleRepository(jdbc);
        String cycleId = cycles.createCycle(Embete.VESTLAND, scheme, Years.next(), Money.ofKroner(10_000_000), null,
                "demo-saksbehandler", Instant.now());
        String proposalId = save(1_000_000, List.of());
        String decision = cycles.saveDecision(new CycleRepository.Decision(null, cycleId, proposalId, BERGEN,
                "Bergen kommune", "OWNER", Money.ofOre(1_000_000), "INNSTILLING", "Vedtak.", "demo-saksbehandler"),
                Instant.now());
        cycles.saveSelfEvaluation(new CycleRepository.SelfEvaluation(decision, Money.ofOre(usedOre), Money.ZERO,
                "Tiltak.", 10, "Bra.", null, null), "demo-eier-bergen", Instant.now());
        return decision;
    }

    @Test
    void unused_money_is_claimed_back_by_default_or_carried_over_by_decision() {
        DelegateExecution byDefault = execution(Map.of("vedtakId", decidedAndEvaluated(Scheme.DEKOM, 750_000L)));
        settle.execute(byDefault);
        verify(byDefault).setVariable(FundingVariables.SETTLEMENT, "REPAYMENT_CLAIM");
        verify(byDefault).setVariable(FundingVariables.SETTLEMENT_AMOUNT, 250_000L);

        DelegateExecution decided = execution(Map.of("vedtakId", decidedAndEvaluated(Scheme.DEKOM, 750_000L),
                FundingVariables.CARRY_OVER_DECIDED, true));
        settle.execute(decided);
        verify(decided).setVariable(FundingVariables.SETTLEMENT, "CARRY_OVER");

        DelegateExecution allUsed = execution(Map.of("vedtakId", decidedAndEvaluated(Scheme.REKOM, 1_000_000L)));
        settle.execute(allUsed);
        verify(allUsed).setVariable(FundingVariables.SETTLEMENT, "NONE");
        verify(allUsed).setVariable(FundingVariables.SETTLEMENT_AMOUNT, 0L);
    }

    @Test
    void what_was_granted_comes_from_the_decision_not_from_a_variable_the_owner_could_have_sent() {
        // finding 1 of the trust-boundary review: tildeltBelop=20000000 sent with the self-evaluation made 250 000 øre
        // unused look like none; the settlement now reads the decision and the stored report
        DelegateExecution execution = execution(Map.of("vedtakId", decidedAndEvaluated(Scheme.DEKOM, 750_000L),
                "tildeltBelop", 20_000_000L, "bruktBelop", 20_000_000L));
        settle.execute(execution);
        verify(execution).setVariable(FundingVariables.SETTLEMENT, "REPAYMENT_CLAIM");
        verify(execution).setVariable(FundingVariables.SETTLEMENT_AMOUNT, 250_000L);
    }

    @Test
    void more_used_than_granted_is_an_r15_breach() {
        DelegateExecution execution = execution(Map.of("vedtakId", decidedAndEvaluated(Scheme.DEKOM, 1_000_001L)));
        BpmnError error = catchThrowableOfType(BpmnError.class, () -> settle.execute(execution));
        assertThat(error.getErrorCode()).isEqualTo(FundingVariables.BREACH_ERROR_CODE);
        verify(execution).setVariable(FundingVariables.BREACH_TEXT, "R15 Ubrukte midler: Bergen kommune rapporterer"
                + " 10 000,01 kr brukt, mer enn de 10 000,00 kr som ble tildelt.");
        verify(execution, never()).setVariable(eq(FundingVariables.SETTLEMENT), org.mockito.ArgumentMatchers.any());
    }
}
