package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.funding.DistributionKey;
import no.kompetansemidler.domain.funding.ProposalLines;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.County;
import no.kompetansemidler.domain.organisation.Embete;
import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.domain.organisation.OwnerKind;
import no.kompetansemidler.identity.DemoData;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.funding.SchemeCatalogue;
import no.kompetansemidler.funding.FundingVariables;
import no.kompetansemidler.funding.ProposalRepository;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.security.CaseAccess;
import no.kompetansemidler.testkit.TestDatabase;
import no.kompetansemidler.testkit.Tiers;
import no.kompetansemidler.testkit.Years;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
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
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The cycle's own delegates against a mocked DelegateExecution, over the real tables: start, the forum's overview,
 * the distribution recorded, the decisions, the report.
 */
@Tag(Tiers.DELEGATE)
class CycleDelegatesTest {

    static final List<String> VESTLAND_CASEWORKERS = List.of("saksbehandler-vestland");

    final JdbcClient db = TestDatabase.withReferenceData();
    final CycleRepository cycles = new CycleRepository(db);
    final ProposalRepository proposals = new ProposalRepository(db);
    final MasterDataRepository masterData = new MasterDataRepository(db);
    final SchemeCatalogue parameters = TestDatabase.schemes();
    final CaseAccess caseAccess = mock(CaseAccess.class);
    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    final CycleCollections collections = new CycleCollections(cycles, masterData);
    /** What the delegates published (the decisions made). */
    final List<Object> published = new java.util.ArrayList<>();

    final StartCycleDelegate start = new StartCycleDelegate(cycles, parameters, caseAccess, clock);

    DelegateExecution started(String scheme, int year, String frame) {
        DelegateExecution execution = execution(Map.of("embete", "vestland", "ordning", scheme, "aar", year,
                "ramme", frame), "demo-saksbehandler", VESTLAND_CASEWORKERS);
        start.execute(execution);
        return execution;
    }

    @Test
    void a_cycle_starts_once_per_embete_scheme_and_year_with_the_schemes_calendar() {
        int year = Years.fromTheEnd();
        DelegateExecution execution = started("DEKOM", year, "12 000 000");

        String cycleId = (String) execution.getVariable("syklusId");
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        assertThat(cycle.embete()).isEqualTo(Embete.VESTLAND);
        assertThat(cycle.frame()).isEqualTo(Money.ofKroner(12_000_000));
        assertThat(execution.getProcessBusinessKey()).isEqualTo("vestland-DEKOM-" + year);
        assertThat(execution.getVariable("rammeOre")).isEqualTo(1_200_000_000L);
        assertThat(execution.getVariable("rammeTekst")).isEqualTo("12 000 000,00 kr");
        assertThat(execution.getVariable("saksbehandlerGruppe")).isEqualTo("saksbehandler-vestland");
        assertThat(execution.getVariable("embeteNavn")).isEqualTo("Statsforvalteren i Vestland");
        assertThat(day((Date) execution.getVariable("behovsmeldingFrist"))).isEqualTo(LocalDate.of(year, 2, 1));
        assertThat(day((Date) execution.getVariable("paminnelseDato"))).isEqualTo(LocalDate.of(year, 1, 18));
        assertThat(day((Date) execution.getVariable("innstillingFrist"))).isEqualTo(LocalDate.of(year, 3, 15));
        assertThat(day((Date) execution.getVariable("vedtakFrist"))).isEqualTo(LocalDate.of(year, 6, 30));
        assertThat(day((Date) execution.getVariable("egenvurderingApner"))).isEqualTo(LocalDate.of(year, 11, 15));
        assertThat(day((Date) execution.getVariable("rapportFrist"))).isEqualTo(LocalDate.of(year + 1, 1, 15));
        verify(caseAccess).caseworkers(execution.getProcessInstanceId(), "saksbehandler-vestland");

        assertThatThrownBy(() -> started("DEKOM", year, "1 000"))
                .hasMessageContaining("aar [DUPLIKAT]: Det finnes allerede en syklus for DEKOM " + year);
    }

    static LocalDate day(Date date) {
        return date.toInstant().atZone(ProcessSupport.OSLO).toLocalDate();
    }

    @Test
    void an_integration_gives_the_frame_in_ore() {
        int year = Years.fromTheEnd();
        DelegateExecution execution = execution(Map.of("embete", "vestland", "ordning", "REKOM", "aar", year,
                "rammeOre", 123_456_789L), "integrasjon", VESTLAND_CASEWORKERS);
        start.execute(execution);
        assertThat(cycles.cycle((String) execution.getVariable("syklusId")).frame().format()).isEqualTo("1 234 567,89 kr");
    }

    @Test
    void every_bad_start_value_is_named_and_nothing_is_stored() {
        int year = Years.fromTheEnd();
        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> start.execute(execution(
                Map.of("embete", "oslo", "ordning", "SKOLE", "aar", 1999, "ramme", "12,345"),
                "demo-saksbehandler", VESTLAND_CASEWORKERS)));
        assertThat(refused.violations()).extracting(v -> v.field() + " " + v.ruleId())
                .containsExactlyInAnyOrder("embete PÅKREVD", "ordning PÅKREVD", "aar ÅR", "ramme BELØP");
        // the schemes are those the scheme files configure, and the refusal says which they are
        assertThat(refused.violations()).filteredOn(v -> v.field().equals("ordning")).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo(
                        "Velg en ordning: DEKOM, REKOM, KOMPETANSELOFTET, YRKESFAG eller OPPFOLGING."));

        assertThatThrownBy(() -> start.execute(execution(Map.of("embete", "vestland", "ordning", "REKOM", "aar", year,
                "rammeOre", -1L), "demo-saksbehandler", VESTLAND_CASEWORKERS)))
                .hasMessageContaining("Rammen må være større enn 0 kr");
        assertThatThrownBy(() -> start.execute(execution(Map.of("embete", "vestland", "ordning", "REKOM", "aar", year,
                "rammeOre", 1.5), "demo-saksbehandler", VESTLAND_CASEWORKERS)))
                .hasMessageContaining("rammeOre [BELØP]");
        assertThat(cycles.findCycle(Embete.VESTLAND, Scheme.REKOM, year)).isEmpty();
        verifyNoInteractions(caseAccess);
    }

    static final List<String> COUNTY_CASEWORKERS = List.of("saksbehandler-vestland-fylkeskommune");

    /** An applicant in YRKESFAG registered in the county (an invented number that passes MOD11). */
    String vocationalApplicant(String county, OwnerKind kind) {
        String number = DemoData.inventedOrganisationNumber(county + "99").value();
        masterData.saveOwner(new Owner(new OrganisationNumber(number), "Søker i fylke " + county, kind,
                County.find(county).orElseThrow().embete(), java.util.Set.of(Scheme.YRKESFAG), "soker@example.org"),
                null, county, true, "test", clock.instant());
        return number;
    }

    @Test
    void yrkesfag_is_started_and_worked_by_the_fylkeskommune_and_read_by_the_statsforvalter() {
        int year = Years.fromTheEnd();
        Map<String, Object> inEmbete = Map.of("embete", "vestland", "ordning", "YRKESFAG", "aar", year, "ramme", "1 000");
        Map<String, Object> inCounty = Map.of("embete", "vestland-fylkeskommune", "ordning", "YRKESFAG", "aar", year,
                "ramme", "3 000 000");
        ValidationException bySf = catchThrowableOfType(ValidationException.class, () -> start.execute(execution(
                inEmbete, "demo-saksbehandler", VESTLAND_CASEWORKERS)));
        assertThat(bySf.violations()).singleElement().satisfies(v -> {
            assertThat(v.field() + " " + v.ruleId()).isEqualTo("embete ORDNING");
            assertThat(v.message()).isEqualTo("Desentralisert ordning for fag- og yrkesopplæringen kjøres av"
                    + " fylkeskommunen: velg fylkeskommunen som skal kjøre syklusen, ikke Statsforvalteren i Vestland.");
        });
        ValidationException sfInCounty = catchThrowableOfType(ValidationException.class, () -> start.execute(
                execution(inCounty, "demo-saksbehandler", VESTLAND_CASEWORKERS)));
        assertThat(sfInCounty.violations()).extracting(v -> v.field() + " " + v.ruleId())
                .containsExactly("embete TILGANG");
        Map<String, Object> dekom = new HashMap<>(inCounty);
        dekom.put("ordning", "DEKOM");
        ValidationException dekomByCounty = catchThrowableOfType(ValidationException.class, () -> start.execute(
                execution(dekom, "demo-saksbehandler-fk", COUNTY_CASEWORKERS)));
        assertThat(dekomByCounty.violations()).singleElement().satisfies(v -> assertThat(v.message())
                .isEqualTo("Desentralisert ordning for kompetanseutvikling i skolen kjøres av Statsforvalteren: velg"
                        + " embetet, ikke Vestland fylkeskommune."));
        verifyNoInteractions(caseAccess);

        DelegateExecution started = execution(inCounty, "demo-saksbehandler-fk", COUNTY_CASEWORKERS);
        start.execute(started);
        CycleRepository.Cycle cycle = cycles.cycle((String) started.getVariable("syklusId"));
        assertThat(cycle.office()).isEqualTo(County.find("46").orElseThrow());
        assertThat(cycle.embete()).isEqualTo(Embete.VESTLAND);
        assertThat(started.getVariable("saksbehandlerGruppe")).isEqualTo("saksbehandler-vestland-fylkeskommune");
        assertThat(started.getVariable("lederGruppe")).isEqualTo("leder-vestland-fylkeskommune");
        assertThat(started.getVariable("embeteNavn")).isEqualTo("Vestland fylkeskommune");
        verify(caseAccess).caseworkers(started.getProcessInstanceId(), "saksbehandler-vestland-fylkeskommune");
        verify(caseAccess).owner(started.getProcessInstanceId(), "saksbehandler-vestland");
        // a second start of the county's year is refused; the Statsforvalter's cycle of another scheme is not the same
        assertThatThrownBy(() -> start.execute(execution(inCounty, "demo-saksbehandler-fk", COUNTY_CASEWORKERS)))
                .hasMessageContaining("aar [DUPLIKAT]").hasMessageContaining("hos Vestland fylkeskommune");

        // the county's applicants are asked: not the county itself, the kommuner or another county's applicants
        String trainingOffice = vocationalApplicant("46", OwnerKind.OPPLAERINGSKONTOR);
        vocationalApplicant("11", OwnerKind.LAEREBEDRIFT);
        assertThat(collections.owners(cycle.id())).containsExactly(trainingOffice);

        // the decision is the county's, also when its forum does not agree (R7)
        saved(cycle.id(), trainingOffice + "; 1 500 000; 0; 0; 0; Hospitering; etterutdanning; " + year + "; " + year);
        Map<String, Object> variables = recommendation(cycle.id());
        variables.put("forumEnig", false);
        DelegateExecution deciding = execution(variables, "demo-saksbehandler-fk", COUNTY_CASEWORKERS);
        new RecordProposalDelegate(proposals).execute(deciding);
        new MakeDecisionsDelegate(cycles, proposals, new no.kompetansemidler.funding.ProposalAssembler(masterData, parameters), clock, parameters, published::add).execute(deciding);
        assertThat(cycles.decisions(cycle.id())).singleElement().satisfies(d -> assertThat(d.reasons())
                .startsWith("Vestland fylkeskommune vedtar tilskudd fra Desentralisert ordning for fag- og"
                        + " yrkesopplæringen for " + year)
                .contains("fylkeskommunens reservevedtak, fordi samarbeidsforumet ikke ble enig")
                .doesNotContain("Statsforvalter"));
        // and says so to whoever waits for it (a follow-up case in Oppfølgingsordningen)
        assertThat(published).containsExactly(new DecisionsMade(cycle.id(), Scheme.YRKESFAG, year,
                java.util.Set.of(trainingOffice)));
    }

    @Test
    void only_a_caseworker_of_the_embete_or_an_administrator_starts_its_cycle() {
        int year = Years.fromTheEnd();
        assertThatThrownBy(() -> start.execute(execution(Map.of("embete", "vestland", "ordning", "REKOM", "aar", year,
                "ramme", "1 000"), "demo-saksbehandler-rogaland", List.of("saksbehandler-rogaland"))))
                .hasMessageContaining("embete [TILGANG]: Bare saksbehandlere hos Statsforvalteren i Vestland");
        start.execute(execution(Map.of("embete", "vestland", "ordning", "REKOM", "aar", year, "ramme", "1 000"),
                "demo-admin", List.of("camunda-admin")));
        assertThat(cycles.findCycle(Embete.VESTLAND, Scheme.REKOM, year)).isPresent();
    }

    @Test
    void the_cycle_asks_every_owner_of_the_embete_in_the_scheme() {
        String dekom = (String) started("DEKOM", Years.fromTheEnd(), "1 000").getVariable("syklusId");
        String rekom = (String) started("REKOM", Years.fromTheEnd(), "1 000").getVariable("syklusId");
        assertThat(collections.owners(dekom)).containsExactlyInAnyOrder(BERGEN, VESTLAND_FK);
        assertThat(collections.owners(rekom)).containsExactly(BERGEN);
    }

    @Test
    void the_forum_is_prepared_with_every_need_report_and_who_does_not_take_part() {
        String cycleId = (String) started("DEKOM", Years.fromTheEnd(), "1 000").getVariable("syklusId");
        cycles.saveNeedReport(cycleId, new CycleRepository.NeedReport(BERGEN, HVL, "Lærerne deltok.",
                "Lesing\nog skriving.", "demo-eier-bergen"), clock.instant());
        var applications = new no.kompetansemidler.application.ApplicationRepository(db);
        int year = cycles.cycle(cycleId).year();
        applications.replace(cycleId, BERGEN, year, no.kompetansemidler.domain.application.MeasureRows.read(
                List.of(no.kompetansemidler.testkit.Applications.measure(HVL)), parameters.rules(Scheme.DEKOM),
                HVL::equals));
        applications.answer(cycleId, BERGEN, HVL, no.kompetansemidler.application.ApplicationRepository.UhAnswer.AVSLATT,
                "Ikke kapasitet i år.", "demo-uh", clock.instant());
        cycles.recordParticipation(cycleId, VESTLAND_FK, false, "Meldte avbud.", "demo-saksbehandler", clock.instant());
        DelegateExecution execution = execution(Map.of("syklusId", cycleId));

        new SummariseNeedReportsDelegate(cycles, collections, applications, masterData, parameters).execute(execution);

        assertThat((String) execution.getVariable("behovsmeldingOversikt"))
                .startsWith("1 behovsmeldinger, 1 eiere deltar ikke.")
                .contains("• Bergen kommune (964338531), UH-partner 917641404: Lesing og skriving.\n   Tiltak 1 «Lesing i"
                        + " alle fag»: 1 000 000,00 kr i " + year + " (2 år, til sammen 1 500 000,00 kr), UH Høgskulen på"
                        + " Vestlandet avslått av UH («Ikke kapasitet i år.»)")
                .contains("• Vestland fylkeskommune (821311632): deltar ikke (R5)");
        // who sits in the forum is the scheme's configuration (ordninger/1-dekom.yml)
        assertThat((String) execution.getVariable("forumMedlemmer")).isEqualTo("Samarbeidsforumet i Desentralisert"
                + " ordning for kompetanseutvikling i skolen: Kommunene som skoleeiere, Fylkeskommunen, Private"
                + " skoleeiere, UH-institusjonene, KS, Lærerorganisasjonene. Statsforvalteren i Vestland er sekretariat og har"
                + " ikke stemme.");
    }

    Map<String, Object> recommendation(String cycleId) {
        return new HashMap<>(Map.of("syklusId", cycleId, "forumEnig", true, "prioriteringer", "Lesing",
                "begrunnelse", "Forumets innstilling."));
    }

    /** The distribution page without its engine: the rows checked and shared, never a task asked for. */
    Distributions distributions() {
        var applications = new no.kompetansemidler.application.ApplicationRepository(db);
        return new Distributions(cycles, applications, proposals, masterData, null, null, null, null,
                new no.kompetansemidler.application.Networks(db, cycles, masterData, applications, null, clock), clock);
    }

    /** Saves the spreadsheet lines as the cycle's next version, as the distribution page does. */
    ProposalRepository.Version saved(String cycleId, String lines) {
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        return proposals.saveVersion(cycleId, distributions().distributed(cycle, DistributionKey.AMOUNTS,
                        ProposalLines.split(lines, DistributionKey.AMOUNTS)), DistributionKey.AMOUNTS,
                ProposalRepository.ORIGIN_SAVED, "demo-saksbehandler", clock.instant());
    }

    @Test
    void the_newest_version_is_recorded_with_names_and_opted_out_owners_marked_and_an_earlier_one_stays_as_it_was() {
        int year = Years.fromTheEnd();
        String cycleId = (String) started("DEKOM", year, "1 000 000").getVariable("syklusId");
        cycles.recordParticipation(cycleId, VESTLAND_FK, false, "Meldte avbud.", "demo-saksbehandler", clock.instant());
        RecordProposalDelegate record = new RecordProposalDelegate(proposals);
        ProposalRepository.Version first = saved(cycleId, String.join("\n",
                BERGEN + "; 600 000; 150 000; 30 000; 0; Lesing; etterutdanning; " + year + "; " + year,
                "# en kommentar",
                VESTLAND_FK + "; 400 000; 120 000; 0; 0; Yrkesfag; etterutdanning; " + year + "; " + year));
        DelegateExecution execution = execution(recommendation(cycleId), "demo-saksbehandler", VESTLAND_CASEWORKERS);

        record.execute(execution);

        assertThat(first.number()).isEqualTo(1);
        assertThat(execution.getVariable(FundingVariables.PROPOSAL_ID)).isEqualTo(first.id());
        var grants = proposals.find(first.id()).orElseThrow().grants();
        assertThat(grants).extracting(g -> g.name() + " " + g.amount().format() + " " + g.optedOut())
                .containsExactly("Bergen kommune 600 000,00 kr false", "Vestland fylkeskommune 400 000,00 kr true");
        assertThat(execution.getVariable("vedtaksgrunnlag")).isEqualTo("INNSTILLING");
        assertThat(execution.getVariable(FundingVariables.DISTRIBUTION_KEY)).isEqualTo("AMOUNTS");

        ProposalRepository.Version second = saved(cycleId,
                BERGEN + "; 1 000 000; 300 000; 0; 0; Lesing; etterutdanning; " + year + "; " + year);
        execution.setVariable("forumEnig", false);
        record.execute(execution);
        assertThat(second.number()).isEqualTo(2);
        assertThat(execution.getVariable(FundingVariables.PROPOSAL_ID)).isEqualTo(second.id());
        assertThat(proposals.find(second.id()).orElseThrow().grants()).singleElement()
                .satisfies(g -> assertThat(g.amount()).isEqualTo(Money.ofKroner(1_000_000)));
        assertThat(proposals.find(first.id()).orElseThrow().grants()).hasSize(2);
        assertThat(proposals.versions(cycleId)).extracting(ProposalRepository.Version::number).containsExactly(2, 1);
        assertThat(execution.getVariable("vedtaksgrunnlag")).isEqualTo("RESERVEVEDTAK");
    }

    @Test
    void completing_without_a_saved_distribution_is_refused_and_nothing_is_recorded() {
        int year = Years.fromTheEnd();
        String cycleId = (String) started("DEKOM", year, "1 000 000").getVariable("syklusId");
        DelegateExecution execution = execution(recommendation(cycleId), "demo-saksbehandler", VESTLAND_CASEWORKERS);

        assertThatThrownBy(() -> new RecordProposalDelegate(proposals).execute(execution))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("rader [PÅKREVD]: Fordelingen er ikke lagret.");
        assertThat(execution.getVariable(FundingVariables.PROPOSAL_ID)).isNull();
    }

    @Test
    void bad_rows_are_refused_by_row_and_field_and_the_frame_is_kept() {
        int year = Years.fromTheEnd();
        String cycleId = (String) started("DEKOM", year, "1 000 000").getVariable("syklusId");
        List<Map<String, String>> rows = ProposalLines.split(String.join("\n",
                VESTLAND_FK + "; tusen; 0; 0; 0; Tiltak; etterutdanning; " + year + "; " + year,
                "974767881; 5; 0; 0; 0; Tiltak; kurs; 20x6; " + year), DistributionKey.AMOUNTS);

        assertThatThrownBy(() -> distributions().check(cycleId, "AMOUNTS", rows))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("rader[0].belop [BELØP]: Rad 1: beløp: «tusen» er ikke et beløp")
                .hasMessageContaining("rader[1].organisasjonsnummer [ORGNR]: Rad 2: Organisasjonsnummeret 974767881 er ugyldig")
                .hasMessageContaining("rader[1].art [FORMAT]: Rad 2: «kurs» må være etterutdanning eller videreutdanning")
                .hasMessageContaining("rader[1].fraAar [ÅR]: Rad 2: fra år: «20x6» er ikke et årstall");
        assertThatThrownBy(() -> distributions().check(cycleId, "AMOUNTS", ProposalLines.split(
                BERGEN + "; 1 000 000,01; 0; 0; 0; Lesing; etterutdanning; " + year + "; " + year, DistributionKey.AMOUNTS)))
                .hasMessageContaining("rader [R6]");
        assertThat(proposals.versions(cycleId)).isEmpty();
    }

    @Test
    void a_check_applies_the_key_and_sums_against_the_frame() {
        int year = Years.fromTheEnd();
        String cycleId = (String) started("DEKOM", year, "1 000 000").getVariable("syklusId");
        String lines = BERGEN + "; ; 0; 0; 0; Lesing; etterutdanning; " + year + "; " + year + "\n"
                + VESTLAND_FK + "; ; 0; 0; 0; Yrkesfag; etterutdanning; " + year + "; " + year + "\n"
                + HVL + "; ; 0; 0; 0; Partnerskap; etterutdanning; " + year + "; " + year;

        Distributions.Preview equal = distributions().check(cycleId, "EQUAL", ProposalLines.split(lines, DistributionKey.EQUAL));

        assertThat(equal.rader()).extracting(Distributions.Row::belopOre).containsExactlyInAnyOrder(33_333_334L,
                33_333_333L, 33_333_333L);
        assertThat(equal.rader()).extracting(Distributions.Row::navn).containsExactly("Bergen kommune",
                "Vestland fylkeskommune", "Høgskulen på Vestlandet");
        assertThat(equal.summer().sumOre()).isEqualTo(100_000_000L);
        assertThat(equal.summer().igjenOre()).isZero();
    }

    @Test
    void one_decision_per_recipient_with_its_reasons_and_who_decided() {
        int year = Years.fromTheEnd();
        String cycleId = (String) started("DEKOM", year, "1 000 000").getVariable("syklusId");
        saved(cycleId, String.join("\n",
                BERGEN + "; 700 000; 210 000; 0; 0; Lesing; etterutdanning; " + year + "; " + (year + 1),
                HVL + "; 300 000; 0; 0; 50 000; Partnerskap; etterutdanning; " + year + "; " + year));
        DelegateExecution execution = execution(recommendation(cycleId), "demo-saksbehandler", VESTLAND_CASEWORKERS);
        new RecordProposalDelegate(proposals).execute(execution);

        new MakeDecisionsDelegate(cycles, proposals, new no.kompetansemidler.funding.ProposalAssembler(masterData, parameters), clock, parameters, published::add).execute(execution);

        assertThat(execution.getVariable("antallVedtak")).isEqualTo(2);
        List<CycleRepository.Decision> decisions = cycles.decisions(cycleId);
        assertThat(decisions).extracting(CycleRepository.Decision::recipientKind).containsExactly("UH", "OWNER");
        assertThat(decisions).extracting(CycleRepository.Decision::decidedBy).containsOnly("demo-saksbehandler");
        assertThat(decisions.get(1).reasons())
                .startsWith("Statsforvalteren i Vestland vedtar tilskudd fra Desentralisert ordning for"
                        + " kompetanseutvikling i skolen for " + year + ": Bergen kommune (964338531) får 700 000,00 kr"
                        + " til tiltaket «Lesing» (" + year + "–" + (year + 1) + ", etterutdanning).")
                .contains("Egenfinansiering: 210 000,00 kr").contains("Vedtaket bygger på samarbeidsforumets innstilling.")
                .contains("Prioriteringer: Lesing.").endsWith("Begrunnelse: Forumets innstilling.");
        assertThat(decisions.get(0).reasons()).doesNotContain("Egenfinansiering");
    }

    @Test
    void a_fallback_decision_says_so_in_its_reasons() {
        int year = Years.fromTheEnd();
        String cycleId = (String) started("REKOM", year, "2 000 000").getVariable("syklusId");
        saved(cycleId, BERGEN + "; 1 500 000; 0; 0; 0; Språk; etterutdanning; " + year + "; " + year);
        Map<String, Object> variables = recommendation(cycleId);
        variables.put("forumEnig", false);
        DelegateExecution execution = execution(variables, "demo-saksbehandler", VESTLAND_CASEWORKERS);
        new RecordProposalDelegate(proposals).execute(execution);
        new MakeDecisionsDelegate(cycles, proposals, new no.kompetansemidler.funding.ProposalAssembler(masterData, parameters), clock, parameters, published::add).execute(execution);

        CycleRepository.Decision decision = cycles.decisions(cycleId).get(0);
        assertThat(decision.basis()).isEqualTo("RESERVEVEDTAK");
        assertThat(decision.reasons()).contains("Statsforvalterens reservevedtak")
                .contains("ikke ble enig om fordelingen (R7)").contains("1 500 000,00 kr");
    }

    @Test
    void the_report_is_written_from_the_tables_and_linked_from_the_case() {
        int year = Years.fromTheEnd();
        String cycleId = (String) started("DEKOM", year, "1 000").getVariable("syklusId");
        DelegateExecution execution = execution(Map.of("syklusId", cycleId));

        new WriteReportDelegate(cycles, clock, parameters).execute(execution);

        assertThat(execution.getVariable("rapportLenke")).isEqualTo("/api/rapporter/" + cycleId);
        assertThat(cycles.report(cycleId).orElseThrow()).contains("Årsrapport til Utdanningsdirektoratet")
                .contains("<th>Ramme fra Udir</th><td class=n>1 000,00 kr</td>");
    }
}
