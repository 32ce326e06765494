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
    final no.kompetansemidler.complaint.Complaints complaints = new no.kompetansemidler.complaint.Complaints(db, cycles,
            new no.kompetansemidler.funding.ProposalAssembler(masterData, TestDatabase.schemes()));
    final SignOffs signOffs = new SignOffs(db);
    final PaymentBatches batches = new PaymentBatches(db);
    final Claims claims = new Claims(db);
    final CaseAccess caseAccess = mock(CaseAccess.class);
    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    String cycleId;
    /**
     * The years of this class's cycles, in Nordland, which no other test of the shared delegate database uses: so
     * that the many small cycles here leave the common years ({@link Years}) to the others.
     */
    static final java.util.concurrent.atomic.AtomicInteger YEARS = new java.util.concurrent.atomic.AtomicInteger(2027);

    @BeforeEach
    void aCycle() {
        cycleId = cycles.createCycle(Embete.NORDLAND, Scheme.DEKOM, YEARS.getAndIncrement(), Money.ofKroner(10_000_000), null,
                "demo-saksbehandler", clock.instant());
    }

    /** A decision of the cycle to one recipient, with the (empty) proposal it rests on, as "Fatt vedtak" records it. */
    String decision(String organisationNumber, String name, String kind, long amountOre) {
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        String proposalId = proposals.save(new StoredProposal(null, cycle.embete(), cycle.scheme(), cycle.year(),
                cycle.frame(), List.of()), "demo-saksbehandler", clock.instant());
        if (signOffs.approval(cycleId).isEmpty()) {
            signOffs.record(cycleId, proposalId, "demo-saksbehandler", People.LEADER, true, null, clock.instant());
        }
        return cycles.saveDecision(new CycleRepository.Decision(null, cycleId, proposalId, organisationNumber, name,
                kind, Money.ofOre(amountOre), "INNSTILLING", "Vedtak for " + name, "demo-saksbehandler"), clock.instant());
    }

    PayDelegate pay() {
        return new PayDelegate(cycles, masterData, signOffs, clock, complaints);
    }

    RecordSignOffDelegate signOff() {
        return new RecordSignOffDelegate(signOffs, proposals, clock);
    }

    /** The leader's completion of «Godkjenn vedtakene», as the engine runs the step after it. */
    DelegateExecution signOffBy(String user, Map<String, Object> form) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("syklusId", cycleId, "forberedtAv",
                "demo-saksbehandler", "fordelingId", decisionProposal()));
        variables.putAll(form);
        return execution(variables, user, List.of("leder-vestland"));
    }

    @Test
    void unused_money_carried_over_is_added_to_the_next_years_frame_of_the_same_embete_and_scheme_only() {
        String decision = decision(BERGEN, "Bergen kommune", "OWNER", 100_000_000);
        cycles.saveSelfEvaluation(new CycleRepository.SelfEvaluation(decision, Money.ofOre(60_000_000),
                Money.ofOre(30_000_000), "Nettverk.", 12, "Bra.", null, null), "demo-eier-bergen", clock.instant());
        CycleRepository.Cycle thisYear = cycles.cycle(cycleId);
        String next = cycles.createCycle(Embete.NORDLAND, Scheme.DEKOM, thisYear.year() + 1,
                Money.ofKroner(2_000_000), null, "demo-saksbehandler", clock.instant());
        String otherScheme = cycles.createCycle(Embete.NORDLAND, Scheme.REKOM, thisYear.year() + 1,
                Money.ofKroner(2_000_000), null, "demo-saksbehandler", clock.instant());
        YEARS.incrementAndGet(); // the next year is taken here
        assertThat(cycles.carriedIn(cycles.cycle(next))).isEqualTo(Money.ZERO);

        cycles.recordSettlement(decision, "CARRY_OVER", Money.ofOre(40_000_000), "demo-saksbehandler", clock.instant());

        assertThat(cycles.carriedIn(cycles.cycle(next))).isEqualTo(Money.ofOre(40_000_000));
        assertThat(cycles.distributable(cycles.cycle(next))).isEqualTo(Money.ofOre(240_000_000));
        assertThat(cycles.cycle(next).frame()).as("Udir's frame as Udir sent it").isEqualTo(Money.ofKroner(2_000_000));
        assertThat(cycles.carriedIn(cycles.cycle(otherScheme))).isEqualTo(Money.ZERO);
        assertThat(cycles.carriedIn(thisYear)).isEqualTo(Money.ZERO);
    }

    @Test
    void the_preparer_cannot_sign_off_the_decisions_and_nothing_is_stored() {
        DelegateExecution byPreparer = signOffBy("demo-saksbehandler", Map.of("godkjenning", "GODKJENT"));

        var refusal = catchThrowableOfType(ValidationException.class, () -> signOff().execute(byPreparer));

        assertThat(refusal.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("godkjenning");
            assertThat(v.ruleId()).isEqualTo("TO_PERSONER");
            assertThat(v.message()).contains("kan derfor ikke godkjenne").contains("økonomiregelverket 6.3");
        });
        assertThat(signOffs.of(cycleId)).isEmpty();
        assertThat(byPreparer.getVariable("vedtakGodkjent")).isNull();
    }

    @Test
    void whoever_saved_a_version_of_the_distribution_cannot_sign_it_off_either() {
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        proposals.saveVersion(cycleId, new StoredProposal(null, cycle.embete(), cycle.scheme(), cycle.year(),
                cycle.frame(), List.of()), no.kompetansemidler.domain.funding.DistributionKey.AMOUNTS, ProposalRepository.ORIGIN_SAVED,
                "demo-leder-og-saksbehandler", clock.instant());

        assertThatThrownBy(() -> signOff().execute(signOffBy("demo-leder-og-saksbehandler",
                Map.of("godkjenning", "GODKJENT")))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("TO_PERSONER");
        assertThat(signOffs.of(cycleId)).isEmpty();
    }

    @Test
    void a_leader_approves_or_sends_back_with_a_comment_and_both_are_recorded_with_the_preparer() {
        assertThatThrownBy(() -> signOff().execute(signOffBy(People.LEADER, Map.of("godkjenning", "TILBAKE"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("lederMerknad");
        assertThatThrownBy(() -> signOff().execute(signOffBy(People.LEADER, Map.of())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("godkjenning");
        assertThat(signOffs.of(cycleId)).isEmpty();

        DelegateExecution back = signOffBy(People.LEADER, Map.of("godkjenning", "TILBAKE", "lederMerknad",
                "Halver raden til Askøy."));
        signOff().execute(back);
        assertThat(back.getVariable("vedtakGodkjent")).isEqualTo(false);
        assertThat(signOffs.approval(cycleId)).isEmpty();

        DelegateExecution approved = signOffBy(People.LEADER, Map.of("godkjenning", "GODKJENT"));
        new RecordSignOffDelegate(signOffs, proposals, Clock.offset(clock, java.time.Duration.ofHours(1)))
                .execute(approved);
        assertThat(approved.getVariable("vedtakGodkjent")).isEqualTo(true);
        assertThat(signOffs.of(cycleId)).extracting(SignOffs.SignOff::approved, SignOffs.SignOff::comment,
                SignOffs.SignOff::preparedBy, SignOffs.SignOff::decidedBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple(false, "Halver raden til Askøy.", "demo-saksbehandler", People.LEADER),
                org.assertj.core.groups.Tuple.tuple(true, null, "demo-saksbehandler", People.LEADER));
    }

    @Test
    void the_database_refuses_a_sign_off_by_its_preparer() {
        assertThatThrownBy(() -> signOffs.record(cycleId, decisionProposal(), "demo-leder", "demo-leder", true, null,
                clock.instant())).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    private String decisionProposal() {
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        return proposals.save(new StoredProposal(null, cycle.embete(), cycle.scheme(), cycle.year(), cycle.frame(),
                List.of()), "demo-saksbehandler", clock.instant());
    }

    @Test
    void no_payment_starts_before_a_leader_has_approved_the_decisions() {
        masterData.setAccountNumber(new OrganisationNumber(HVL), AccountNumber.parse("1234.56.78903"));
        String decision = decision(HVL, "Høgskulen på Vestlandet", "UH", 7_000_000);
        db.sql("delete from km_sign_off where cycle_id = ?").param(cycleId).update();

        assertThatThrownBy(() -> pay().execute(execution(Map.of("vedtakId", decision))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ikke før de er godkjent");
        assertThat(cycles.payments(cycleId)).isEmpty();
    }

    @Test
    void the_payments_become_one_file_once_with_the_decision_on_each_line_and_the_sums_add_up() {
        masterData.setAccountNumber(new OrganisationNumber(HVL), AccountNumber.parse("1234.56.78903"));
        masterData.setAccountNumber(new OrganisationNumber(BERGEN), AccountNumber.parse("1234.56.78903"));
        String first = decision(HVL, "Høgskulen på Vestlandet", "UH", 123_456_789);
        String second = decision(BERGEN, "Bergen; kommune", "OWNER", 1);
        pay().execute(execution(Map.of("vedtakId", first)));
        pay().execute(execution(Map.of("vedtakId", second)));

        var batch = batches.make(cycleId, "vestland-DEKOM-2099", "demo-saksbehandler", People.LEADER, clock.instant())
                .orElseThrow();

        assertThat(batch.lines()).isEqualTo(2);
        assertThat(batch.total()).isEqualTo(Money.ofOre(123_456_790));
        assertThat(batch.number()).isEqualTo(1);
        List<String> lines = List.of(batches.file(batch.id()).orElseThrow().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(PaymentBatches.HEADER);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith(second + ";vestland-DEKOM-2099/" + BERGEN + ";" + BERGEN
                + ";\"Bergen; kommune\";").contains(";1;0,01;");
        assertThat(lines.get(2)).startsWith(first + ";").contains(";12345678903;123456789;1234567,89;");
        assertThat(batches.batchOf(first)).contains(batch.id());
        assertThat(batches.batchOf(second)).contains(batch.id());

        assertThat(batches.make(cycleId, "vestland-DEKOM-2099", "demo-saksbehandler", People.LEADER,
                clock.instant())).isEmpty();
        assertThat(batches.of(cycleId)).hasSize(1);
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

        new PaymentFactsListener(cycles, complaints).notify(execution);

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

        new PrepareSelfEvaluationDelegate(cycles, TestDatabase.schemes(), caseAccess).execute(execution);

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

        DelegateExecution review = execution(Map.of("vedtakId", decision, "oppgjor", "REPAYMENT_CLAIM",
                "oppgjorBelop", 25_000_000L), "demo-saksbehandler", List.of("saksbehandler-vestland"));
        recordSettlement().execute(review);

        var settled = cycles.selfEvaluation(decision).orElseThrow();
        assertThat(settled.settlement()).isEqualTo("REPAYMENT_CLAIM");
        assertThat(settled.settlementAmount()).isEqualTo(Money.ofKroner(250_000));
        // the claim: a receivable with the embete's account and a due date, once, and a letter to the owner
        Claims.Claim claim = claims.ofDecision(decision).orElseThrow();
        assertThat(claim.amount()).isEqualTo(Money.ofKroner(250_000));
        assertThat(claim.accountNumber()).isEqualTo("76940512340");
        assertThat(claim.dueDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 31));
        assertThat(claim.createdBy()).isEqualTo("demo-saksbehandler");
        assertThat(review.getVariable("kravbrev")).isEqualTo(true);
        recordSettlement().execute(execution(Map.of("vedtakId", decision, "oppgjor", "REPAYMENT_CLAIM",
                "oppgjorBelop", 25_000_000L), "demo-saksbehandler", List.of("saksbehandler-vestland")));
        assertThat(claims.of(cycleId)).hasSize(1);
    }

    @Test
    void nothing_unused_or_carried_over_is_no_claim_and_no_letter() {
        String decision = decision(BERGEN, "Bergen kommune", "OWNER", 100_000_000);
        new SaveSelfEvaluationDelegate(cycles, clock).execute(execution(evaluation(decision, "750 000")));
        DelegateExecution review = execution(Map.of("vedtakId", decision, "oppgjor", "CARRY_OVER",
                "oppgjorBelop", 25_000_000L), "demo-saksbehandler", List.of("saksbehandler-vestland"));

        recordSettlement().execute(review);

        assertThat(claims.of(cycleId)).isEmpty();
        assertThat(review.getVariable("kravbrev")).isEqualTo(false);
    }

    @Test
    void a_claim_is_paid_back_whole_or_in_parts_never_more_and_refusals_store_nothing() {
        String decision = decision(BERGEN, "Bergen kommune", "OWNER", 100_000_000);
        Claims.Claim claim = claims.open(cycles.decision(decision), Money.ofKroner(250_000), "76940512340",
                java.time.LocalDate.of(2026, 12, 31), "demo-saksbehandler", clock.instant());
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 1);

        assertThatThrownBy(() -> claims.recordPaid(claim.id(), Money.ofKroner(250_001), today, today, "demo-saksbehandler",
                clock.instant())).isInstanceOf(ValidationException.class).hasMessageContaining("belop")
                .hasMessageContaining("mer enn det som står igjen av kravet, 250 000,00 kr");
        assertThatThrownBy(() -> claims.recordPaid(claim.id(), Money.ZERO, today, today, "demo-saksbehandler",
                clock.instant())).isInstanceOf(ValidationException.class).hasMessageContaining("belop");
        assertThatThrownBy(() -> claims.recordPaid(claim.id(), Money.ofKroner(250_000), today.plusDays(1), today,
                "demo-saksbehandler", clock.instant())).isInstanceOf(ValidationException.class).hasMessageContaining("dato");
        assertThat(claims.find(claim.id()).orElseThrow().paid()).isNull();
        assertThat(claims.payments(claim.id())).isEmpty();

        Claims.Claim part = claims.recordPaid(claim.id(), Money.ofOre(10_000_001L), today.minusDays(3), today,
                "demo-saksbehandler", clock.instant());
        assertThat(part.settled()).isFalse();
        assertThat(part.remaining()).isEqualTo(Money.ofKroner(250_000).minus(Money.ofOre(10_000_001L)));
        assertThatThrownBy(() -> claims.recordPaid(claim.id(), Money.ofKroner(250_000), today, today,
                "demo-saksbehandler", clock.instant())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("R15");

        Claims.Claim paid = claims.recordPaid(claim.id(), part.remaining(), today, today, "demo-saksbehandler",
                clock.instant());
        assertThat(paid.settled()).isTrue();
        assertThat(paid.paid()).isEqualTo(Money.ofKroner(250_000));
        assertThat(paid.paidOn()).isEqualTo(today);
        assertThat(claims.payments(claim.id())).extracting(Claims.Payment::amount)
                .containsExactly(Money.ofOre(10_000_001L), part.remaining());
        assertThatThrownBy(() -> claims.recordPaid(claim.id(), Money.ofOre(1), today, today, "demo-saksbehandler",
                clock.instant())).isInstanceOf(ValidationException.class).hasMessageContaining("OPPGJORT");
    }

    RecordSettlementDelegate recordSettlement() {
        return new RecordSettlementDelegate(cycles, claims, "7694.05.12340", 30, clock);
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

