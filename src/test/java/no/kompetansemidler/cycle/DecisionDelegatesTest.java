package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.domain.organisation.AccountNumber;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.funding.ProposalRepository;
import no.kompetansemidler.funding.StoredProposal;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.security.CaseAccess;
import no.kompetansemidler.testkit.People;
import no.kompetansemidler.testkit.TestDatabase;
import no.kompetansemidler.testkit.Tiers;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static no.kompetansemidler.testkit.Executions.execution;
import static no.kompetansemidler.testkit.Organisations.BERGEN;
import static no.kompetansemidler.testkit.Organisations.HVL;
import static no.kompetansemidler.testkit.Organisations.VESTLAND_FK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** After the decisions: each paid exactly once (R9), then the owner's self-evaluation (R11) and its settlement. */
@Tag(Tiers.DELEGATE)
class DecisionDelegatesTest {

    final JdbcClient db = TestDatabase.withReferenceData();
    final CycleRepository cycles = new CycleRepository(db);
    final ProposalRepository proposals = new ProposalRepository(db);
    final MasterDataRepository masterData = new MasterDataRepository(db);
    final CaseAccess caseAccess = mock(CaseAccess.class);
    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    String cycleId;

    @BeforeEach
    void aCycle() {
        cycleId = cycles.createCycle(Embete.VESTLAND, Scheme.DEKOM, Years.next(), Money.ofKroner(10_000_000), null,
                "demo-saksbehandler", clock.instant());
    }

    /** A decision of the cycle to one recipient, with the (empty) proposal it rests on, as "Fatt vedtak" records it. */
    String decision(String organisationNumber, String name, String kind, long amountOre) {
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        String proposalId = proposals.save(new StoredProposal(null, cycle.embete(), cycle.scheme(), cycle.year(),
                cycle.frame(), List.of()), "demo-saksbehandler", clock.instant());
        return cycles.saveDecision(new CycleRepository.Decision(null, cycleId, proposalId, organisationNumber, name,
                kind, Money.ofOre(amountOre), "INNSTILLING", "Vedtak for " + name, "demo-saksbehandler"), clock.instant());
    }

    PayDelegate pay() {
        return new PayDelegate(cycles, masterData, clock);
    }

    @Test
    void a_decision_is_paid_to_the_recipients_account() {
        masterData.setAccountNumber(new OrganisationNumber(HVL), AccountNumber.parse("1234.56.78903"));
        String decision = decision(HVL, "Høgskulen på Vestlandet", "UH", 123_456_789);
        DelegateExecution execution = execution(Map.of("syklusId", cycleId, "vedtakId", decision));

        pay().execute(execution);

        var payment = cycles.paymentFor(decision).orElseThrow();
        assertThat(payment.amount()).isEqualTo(Money.ofOre(123_456_789));
        assertThat(payment.accountNumber()).isEqualTo("12345678903");
        assertThat(execution.getVariable("utbetalingId")).isEqualTo(payment.id());
    }

    @Test
    void a_payment_that_runs_twice_pays_once_r9() {
        masterData.setAccountNumber(new OrganisationNumber(HVL), AccountNumber.parse("1234.56.78903"));
        String decision = decision(HVL, "Høgskulen på Vestlandet", "UH", 7_000_000);
        pay().execute(execution(Map.of("vedtakId", decision)));
        DelegateExecution again = execution(Map.of("vedtakId", decision));

        pay().execute(again);

        assertThat(cycles.payments(cycleId)).hasSize(1);
        assertThat(again.getVariable("utbetalingId")).isEqualTo(cycles.paymentFor(decision).orElseThrow().id());
    }

    @Test
    void the_database_refuses_a_second_payment_for_a_decision() {
        String decision = decision(BERGEN, "Bergen kommune", "OWNER", 100);
        cycles.insertPayment(decision, BERGEN, Money.ofOre(100), "12345678903", clock.instant());
        assertThatThrownBy(() -> cycles.insertPayment(decision, BERGEN, Money.ofOre(100), "12345678903",
                clock.instant())).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void a_recipient_without_an_account_stops_the_payment_for_the_caseworker_with_who_and_how_much() {
        db.sql("update km_owner set account_number = null where organisation_number = ?").param(VESTLAND_FK).update();
        String decision = decision(VESTLAND_FK, "Vestland fylkeskommune", "OWNER", 50_000_000);
        DelegateExecution execution = execution(Map.of("vedtakId", decision));

        assertThatThrownBy(() -> pay().execute(execution)).isInstanceOf(org.camunda.bpm.engine.delegate.BpmnError.class)
                .hasFieldOrPropertyWithValue("errorCode", "KONTONUMMER_MANGLER")
                .hasMessageContaining("Vestland fylkeskommune (821311632)").hasMessageContaining("500 000,00 kr")
                .hasMessageContaining("har ikke registrert kontonummer");
        assertThat(cycles.paymentFor(decision)).isEmpty();
    }

    @Test
    void a_payment_starts_with_who_and_how_much_as_the_cases_facts() {
        String decision = decision(VESTLAND_FK, "Vestland fylkeskommune", "OWNER", 50_000_000);
        DelegateExecution execution = execution(Map.of("vedtakId", decision));

        new PaymentFactsListener(cycles).notify(execution);

        assertThat(execution.getVariable("mottakerNavn")).isEqualTo("Vestland fylkeskommune");
        assertThat(execution.getVariable("mottaker")).isEqualTo(VESTLAND_FK);
        assertThat(execution.getVariable("belopTekst")).isEqualTo("500 000,00 kr");
    }

    @Test
    void a_failed_step_is_retried_only_when_the_caseworker_says_the_cause_is_fixed() {
        for (Map<String, Object> unconfirmed : List.<Map<String, Object>>of(Map.of(), Map.of("arsakRettet", false))) {
            assertThatThrownBy(() -> new RetryFailedStepDelegate().execute(execution(unconfirmed)))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("arsakRettet");
        }
    }

    RegisterAccountDelegate registerAccount() {
        return new RegisterAccountDelegate(masterData);
    }

    @Test
    void the_caseworkers_account_number_is_checked_and_registered_for_the_owner() {
        db.sql("update km_owner set account_number = null where organisation_number = ?").param(VESTLAND_FK).update();
        for (String bad : new String[]{"", "1234.56.78901", "1234"}) {
            assertThatThrownBy(() -> registerAccount().execute(execution(Map.of("mottaker", VESTLAND_FK,
                    "kontonummer", bad)))).isInstanceOf(ValidationException.class).hasMessageContaining("kontonummer");
            assertThat(masterData.accountNumber(new OrganisationNumber(VESTLAND_FK))).isEmpty();
        }

        registerAccount().execute(execution(Map.of("mottaker", VESTLAND_FK, "kontonummer", "1234.56.78903")));

        assertThat(masterData.accountNumber(new OrganisationNumber(VESTLAND_FK))).contains("12345678903");
    }

    @Test
    void a_uh_institutions_account_is_registered_by_an_administrator_only() {
        db.sql("update km_uh_institution set account_number = null where organisation_number = ?").param(HVL).update();

        assertThatThrownBy(() -> registerAccount().execute(execution(Map.of("mottaker", HVL,
                "kontonummer", "1234.56.78903")))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("administrator");
        assertThat(masterData.accountNumber(new OrganisationNumber(HVL))).isEmpty();

        registerAccount().execute(execution(Map.of("mottaker", HVL, "kontonummer", "1234 56 78903"), People.ADMIN,
                List.of("camunda-admin")));

        assertThat(masterData.accountNumber(new OrganisationNumber(HVL))).contains("12345678903");
    }

    @Test
    void the_owner_gets_what_was_decided_its_group_and_read_access() {
        String decision = decision(BERGEN, "Bergen kommune", "OWNER", 100_000_000);
        DelegateExecution execution = execution(Map.of("syklusId", cycleId, "vedtakId", decision, "ordning", "DEKOM"));

        new PrepareSelfEvaluationDelegate(cycles, TestDatabase.fundingParameters(), caseAccess).execute(execution);

        assertThat(execution.getVariable("eier")).isEqualTo(BERGEN);
        assertThat(execution.getVariable("eierNavn")).isEqualTo("Bergen kommune");
        assertThat(execution.getVariable("tildeltTekst")).isEqualTo("1 000 000,00 kr");
        assertThat(execution.getVariable("vedtakTekst")).isEqualTo("Vedtak for Bergen kommune");
        assertThat(execution.getVariable("overforingVedtatt")).isEqualTo(false);
        verify(caseAccess).owner(execution.getProcessInstanceId(), "eier-964338531");
    }

    Map<String, Object> evaluation(String decision, String used) {
        return Map.of("syklusId", cycleId, "vedtakId", decision, "brukt", used, "egenfinansiering", "300 000",
                "gjennomforteTiltak", "Lesenettverk på 12 skoler.", "deltakere", 240, "vurdering", "Godt gjennomført.");
    }

    @Test
    void the_self_evaluation_is_stored_with_who_sent_it_r11() {
        String decision = decision(BERGEN, "Bergen kommune", "OWNER", 100_000_000);
        DelegateExecution execution = execution(evaluation(decision, "750 000,50"), People.OWNER_BERGEN,
                List.of("eier-964338531"));

        new SaveSelfEvaluationDelegate(cycles, clock).execute(execution);

        var stored = cycles.selfEvaluation(decision).orElseThrow();
        assertThat(stored.used()).isEqualTo(Money.ofOre(75_000_050));
        assertThat(stored.coFinancing()).isEqualTo(Money.ofKroner(300_000));
        assertThat(stored.participants()).isEqualTo(240);
    }

    @Test
    void a_self_evaluation_with_bad_values_names_each_field_and_stores_nothing() {
        String decision = decision(BERGEN, "Bergen kommune", "OWNER", 100_000_000);
        ValidationException refused = catchThrowableOfType(ValidationException.class, () ->
                new SaveSelfEvaluationDelegate(cycles, clock).execute(execution(Map.of("vedtakId", decision,
                        "brukt", "mye", "egenfinansiering", "-5", "gjennomforteTiltak", "", "deltakere", -3,
                        "vurdering", "<b>x</b>"))));

        assertThat(refused.violations()).extracting(v -> v.field() + " " + v.ruleId()).containsExactlyInAnyOrder(
                "brukt R11", "egenfinansiering R11", "gjennomforteTiltak PÅKREVD", "deltakere R11", "vurdering TEGN");
        assertThat(cycles.selfEvaluation(decision)).isEmpty();
    }

    @Test
    void the_settlement_is_recorded_with_who_reviewed_it_r15() {
        String decision = decision(BERGEN, "Bergen kommune", "OWNER", 100_000_000);
        new SaveSelfEvaluationDelegate(cycles, clock).execute(execution(evaluation(decision, "750 000")));

        new RecordSettlementDelegate(cycles, clock).execute(execution(Map.of("vedtakId", decision,
                "oppgjor", "REPAYMENT_CLAIM", "oppgjorBelop", 25_000_000L), "demo-saksbehandler",
                List.of("saksbehandler-vestland")));

        var settled = cycles.selfEvaluation(decision).orElseThrow();
        assertThat(settled.settlement()).isEqualTo("REPAYMENT_CLAIM");
        assertThat(settled.settlementAmount()).isEqualTo(Money.ofKroner(250_000));
    }

    @Test
    void the_decisions_are_paid_and_only_owners_evaluate_themselves() {
        String toOwner = decision(BERGEN, "Bergen kommune", "OWNER", 100);
        String toUh = decision(HVL, "Høgskulen på Vestlandet", "UH", 100);
        CycleCollections collections = new CycleCollections(cycles, masterData);
        assertThat(collections.decisions(cycleId)).containsExactlyInAnyOrder(toOwner, toUh);
        assertThat(collections.ownerDecisions(cycleId)).containsExactly(toOwner);
    }
}
