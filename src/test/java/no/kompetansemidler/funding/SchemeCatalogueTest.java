package no.kompetansemidler.funding;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import no.kompetansemidler.domain.application.Goal;
import no.kompetansemidler.domain.application.TargetGroup;
import no.kompetansemidler.domain.funding.SchemeDefinition;
import no.kompetansemidler.domain.funding.UnusedMoneyPolicy;
import no.kompetansemidler.domain.money.Percentage;
import no.kompetansemidler.domain.organisation.OwnerKind;
import no.kompetansemidler.domain.organisation.Scheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schemes are configuration: one file each, read and checked at start. A wrong file stops the start with a
 * Norwegian message naming the file and the key; a file in the operator's folder adds a scheme or replaces one.
 */
class SchemeCatalogueTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @TempDir
    Path folder;

    static String dekomFile() throws IOException {
        return new ClassPathResource("ordninger/1-dekom.yml").getContentAsString(StandardCharsets.UTF_8);
    }

    /** DEKOM's file as another scheme («NY»), with one line changed. */
    Path changed(String from, String to) throws IOException {
        String text = dekomFile().replace("code: DEKOM", "code: NY");
        assertThat(text).as("the line to change").contains(from);
        Path file = folder.resolve("ny.yml");
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    SchemeCatalogue withFolder() {
        return new SchemeCatalogue(VALIDATOR, folder.toString());
    }

    @Test
    void the_five_schemes_of_the_sources_with_their_rules_and_calendar() {
        SchemeCatalogue catalogue = new SchemeCatalogue(VALIDATOR, "");
        assertThat(catalogue.schemes()).containsExactly(Scheme.DEKOM, Scheme.REKOM, Scheme.KOMPETANSELOFTET,
                Scheme.YRKESFAG, Scheme.OPPFOLGING);
        assertThat(catalogue.name(Scheme.REKOM)).isEqualTo("Regional ordning for kompetanseutvikling i barnehagen");
        assertThat(catalogue.rules(Scheme.DEKOM).coFinancingRate()).isEqualTo(Percentage.ofPercent(30));
        assertThat(catalogue.rules(Scheme.REKOM).coFinancingRate()).isEqualTo(Percentage.ZERO);
        assertThat(catalogue.rules(Scheme.DEKOM).maxMeasureYears()).isEqualTo(3);
        assertThat(catalogue.rules(Scheme.DEKOM).unusedMoney()).isEqualTo(UnusedMoneyPolicy.REPAYMENT_CLAIM);
        var calendar = catalogue.calendar(Scheme.DEKOM);
        assertThat(calendar.needMappingOpens(2026)).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(calendar.needReportDeadline(2026)).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(calendar.needReportReminder(2026)).isEqualTo(LocalDate.of(2026, 1, 18));
        assertThat(calendar.recommendationDeadline(2026)).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(calendar.decisionDeadline(2026)).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(calendar.selfEvaluationOpens(2026)).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(calendar.selfEvaluationReminder(2026)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(calendar.reportDeadline(2026)).isEqualTo(LocalDate.of(2027, 1, 15));
    }

    @Test
    void who_takes_part_in_which_scheme_is_the_schemes_configuration() {
        SchemeCatalogue catalogue = new SchemeCatalogue(VALIDATOR, "");
        assertThat(catalogue.schemesFor(OwnerKind.KOMMUNE))
                .containsExactly(Scheme.DEKOM, Scheme.KOMPETANSELOFTET, Scheme.REKOM);
        assertThat(catalogue.schemesFor(OwnerKind.FYLKESKOMMUNE))
                .containsExactly(Scheme.DEKOM, Scheme.KOMPETANSELOFTET);
        assertThat(catalogue.schemesFor(OwnerKind.KOMMUNE_MED_FYLKESROLLE)).hasSize(3);
        // Oppfølgingsordningen: the kommuner Udir selects, not every kommune by its kind
        assertThat(catalogue.definition(Scheme.OPPFOLGING).selectedByUdir()).isTrue();
        assertThat(catalogue.definition(Scheme.OPPFOLGING).participants()).contains(OwnerKind.KOMMUNE);
        assertThat(catalogue.definition(Scheme.OPPFOLGING).takesPart(OwnerKind.KOMMUNE)).isFalse();
        assertThat(catalogue.definition(Scheme.DEKOM).selectedByUdir()).isFalse();
        // YRKESFAG: the fylkeskommune runs it, and its schools, training offices, companies and boards apply
        for (OwnerKind kind : new OwnerKind[]{OwnerKind.VIDEREGAENDE_SKOLE, OwnerKind.OPPLAERINGSKONTOR,
                OwnerKind.LAEREBEDRIFT, OwnerKind.PROVENEMND}) {
            assertThat(catalogue.schemesFor(kind)).containsExactly(Scheme.YRKESFAG);
        }
        assertThat(catalogue.definition(Scheme.YRKESFAG).runBy())
                .isEqualTo(no.kompetansemidler.domain.funding.CycleRunner.FYLKESKOMMUNE);
        assertThat(catalogue.definition(Scheme.DEKOM).runBy())
                .isEqualTo(no.kompetansemidler.domain.funding.CycleRunner.STATSFORVALTER);
        // Kompetanseløftet's measures name the kindergartens, schools and PPT taking part; the others' need not
        assertThat(catalogue.rules(Scheme.KOMPETANSELOFTET).unitsRequired()).isTrue();
        assertThat(catalogue.rules(Scheme.DEKOM).unitsRequired()).isFalse();
        assertThat(catalogue.schemesFor(OwnerKind.PRIVAT_SKOLEEIER)).containsExactly(Scheme.DEKOM);
        assertThat(catalogue.schemesFor(OwnerKind.PRIVAT_BARNEHAGEEIER)).containsExactly(Scheme.REKOM);
        assertThat(catalogue.rules(Scheme.REKOM).targetGroups()).containsExactlyInAnyOrder(
                TargetGroup.BARNEHAGELEDERE, TargetGroup.BARNEHAGEANSATTE, TargetGroup.PPT);
        assertThat(catalogue.rules(Scheme.YRKESFAG).targetGroups()).containsExactlyInAnyOrder(
                TargetGroup.YRKESFAGLAERERE, TargetGroup.INSTRUKTORER, TargetGroup.PROVENEMNDER);
        assertThat(catalogue.rules(Scheme.KOMPETANSELOFTET).goals()).contains(Goal.LAG_RUNDT_BARNET);
        assertThat(catalogue.rules(Scheme.DEKOM).goals()).doesNotContain(Goal.LAG_RUNDT_BARNET);
        assertThat(catalogue.definition(Scheme.REKOM).forumMembers())
                .contains("Kommunene som barnehagemyndighet og barnehageeiere", "Private barnehageeiere (PBL)");
        // R2: the providers each scheme may pay besides its owners and UH
        assertThat(catalogue.definition(Scheme.YRKESFAG).providers()).containsExactlyInAnyOrder(OwnerKind.FAGSKOLE,
                OwnerKind.BEDRIFT, OwnerKind.BRANSJEORGANISASJON, OwnerKind.FYLKESKOMMUNE,
                OwnerKind.KOMMUNE_MED_FYLKESROLLE);
        assertThat(catalogue.definition(Scheme.KOMPETANSELOFTET).providers()).containsExactly(OwnerKind.STATPED);
        assertThat(catalogue.definition(Scheme.DEKOM).providers()).isEmpty();
        // Statped only for what UH cannot deliver; YRKESFAG's providers without that condition
        assertThat(catalogue.rules(Scheme.KOMPETANSELOFTET).providersOnlyWhereUhCannot()).isTrue();
        assertThat(catalogue.rules(Scheme.YRKESFAG).providersOnlyWhereUhCannot()).isFalse();
        assertThat(catalogue.rules(Scheme.DEKOM).recipients()).doesNotContain(
                no.kompetansemidler.domain.funding.RecipientKind.PROVIDER);
        for (OwnerKind provider : new OwnerKind[]{OwnerKind.FAGSKOLE, OwnerKind.BEDRIFT, OwnerKind.STATPED}) {
            assertThat(catalogue.schemesFor(provider)).as("a provider applies in no scheme").isEmpty();
        }
        assertThat(catalogue.find("dekom")).isEmpty();
        assertThat(catalogue.find("SKOLE")).isEmpty();
        assertThat(catalogue.codes()).isEqualTo("DEKOM, REKOM, KOMPETANSELOFTET, YRKESFAG eller OPPFOLGING");
    }

    @Test
    void a_file_in_the_operators_folder_adds_a_scheme_or_replaces_a_built_in_one() throws IOException {
        Files.writeString(folder.resolve("grunnopplaering.yml"), dekomFile().replace("code: DEKOM",
                "code: GRUNNOPPLAERING").replace("co-financing-rate-percent: 30", "co-financing-rate-percent: 20")
                .replace("participants: [KOMMUNE, FYLKESKOMMUNE, KOMMUNE_MED_FYLKESROLLE, PRIVAT_SKOLEEIER]",
                        "participants: [KOMMUNE, FYLKESKOMMUNE, PRIVAT_BARNEHAGEEIER]"));
        Files.writeString(folder.resolve("rekom.yml"), new ClassPathResource("ordninger/2-rekom.yml")
                .getContentAsString(StandardCharsets.UTF_8).replace("co-financing-rate-percent: 0",
                        "co-financing-rate-percent: 12.5"));
        Files.writeString(folder.resolve("LES-MEG.txt"), "not a scheme");
        SchemeCatalogue catalogue = withFolder();
        Scheme added = new Scheme("GRUNNOPPLAERING");
        // the replaced REKOM keeps its place; the added scheme comes after the built-in ones
        assertThat(catalogue.schemes()).containsExactly(Scheme.DEKOM, Scheme.REKOM, Scheme.KOMPETANSELOFTET,
                Scheme.YRKESFAG, Scheme.OPPFOLGING, added);
        assertThat(catalogue.rules(added).coFinancingRate()).isEqualTo(Percentage.ofPercent(20));
        assertThat(catalogue.schemesFor(OwnerKind.PRIVAT_BARNEHAGEEIER)).containsExactly(added, Scheme.REKOM);
        assertThat(catalogue.rules(Scheme.REKOM).coFinancingRate().basisPoints()).isEqualTo(1250);
        assertThat(catalogue.all()).extracting(SchemeDefinition::scheme).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "co-financing-rate-percent: 30|co-financing-rate-percent: 130|ordning.co-financing-rate-percent kan ikke være over 100 %",
            "co-financing-rate-percent: 30|co-financing-rate-percent: -1|ordning.co-financing-rate-percent kan ikke være under 0 %",
            "co-financing-rate-percent: 30|co-financing-rate-percent: 12.345|ordning.co-financing-rate-percent kan ha høyst to desimaler",
            "co-financing-rate-percent: 30|co-financing-procent: 30|ordning.co-financing-procent er ikke en nøkkel i en ordningsfil",
            "third-party-cap-percent: 30|third-party-cap-percent: 100.01|ordning.third-party-cap-percent kan ikke være over 100 %",
            "max-measure-years: 3|max-measure-years: 4|ordning.max-measure-years kan være høyst 3 år (R14)",
            "max-measure-years: 3|max-measure-years: 0|ordning.max-measure-years må være minst 1 år",
            "reminder-days-before-deadline: 14|reminder-days-before-deadline: 0|ordning.calendar.reminder-days-before-deadline må være minst 1 dag",
            "recommendation-deadline: \"03-15\"|recommendation-deadline: \"01-15\"|ordning.calendar fristene må komme i årshjulets rekkefølge",
            "need-report-deadline: \"02-01\"|need-report-deadline: \"13-45\"|ordning.calendar.need-report-deadline «13-45» er ikke en dato på formen MM-DD",
            "unused-money: REPAYMENT_CLAIM|unused-money: KANSKJE|ordning.unused-money «KANSKJE» er ikke en lovlig verdi",
            "run-by: STATSFORVALTER|run-by: KOMMUNEN|ordning.run-by «KOMMUNEN» er ikke en lovlig verdi",
            "PRIVAT_SKOLEEIER]|PRIVAT_SKOLEEIER, SKOLE]|ordning.participants",
            "recipients: [OWNER, UH]|recipients: [OWNER, UH, COMMERCIAL]|ordning.recipients kan bare være OWNER, UH og PROVIDER",
            "recipients: [OWNER, UH]|recipients: [OWNER, UH, PROVIDER]|ordning.providers må nevne minst én tilbyder når recipients har PROVIDER",
            "recipients: [OWNER, UH]|recipients: [OWNER, UH]\\n  providers: [FAGSKOLE]|ordning.providers må nevne minst én tilbyder når recipients har PROVIDER, og kan bare angis da",
            "recipients: [OWNER, UH]|recipients: [OWNER, UH, PROVIDER]\\n  providers: [PRIVAT_BARNEHAGEEIER]|ordning.providers kan bare være FAGSKOLE, BEDRIFT, BRANSJEORGANISASJON, STATPED",
            "recipients: [OWNER, UH]|recipients: [OWNER, UH, PROVIDER]\\n  providers: [FYLKESKOMMUNE]|ordning.providers kan ikke også stå i participants",
            "recipients: [OWNER, UH]|recipients: [OWNER, UH, PROVIDER]\\n  providers: [SKOLEKONSULENT]|ordning.providers",
            "recipients: [OWNER, UH]|recipients: [OWNER, UH]\\n  providers-only-where-uh-cannot: true|ordning.providers-only-where-uh-cannot kan bare angis når ordningen har tilbydere (providers), R2",
            "recipients: [OWNER, UH]|recipients: [UH]|ordning.recipients må inneholde OWNER",
            "code: NY|code: ny|ordning.code må være store bokstaver, sifre og _",
            "  name: Desentralisert ordning for kompetanseutvikling i skolen|  name: ''|ordning.name må angis",
            "  goals: [INKLUDERENDE_LAERINGSMILJO, GRUNNLEGGENDE_FERDIGHETER, GJENNOMFORING]|  goals: []|ordning.goals må nevne minst ett mål (R12)"})
    void a_wrong_file_stops_the_start_naming_the_file_and_the_key(String from, String to, String message)
            throws IOException {
        Path file = changed(from, to.replace("\\n", "\n")); // a line added after the changed one
        assertThatThrownBy(this::withFolder).isInstanceOf(SchemeCatalogue.SchemeFileException.class)
                .hasMessageStartingWith("Ordningsfilen " + file.toAbsolutePath() + ": " + message);
    }

    @Test
    void two_files_of_one_scheme_in_the_folder_and_a_folder_that_is_not_there_stop_the_start() throws IOException {
        Files.writeString(folder.resolve("a.yml"), dekomFile().replace("code: DEKOM", "code: NY"));
        Files.writeString(folder.resolve("b.yml"), dekomFile().replace("code: DEKOM", "code: NY"));
        assertThatThrownBy(this::withFolder).hasMessage("Ordningsfilen " + folder.resolve("b.yml").toAbsolutePath()
                + ": code ordningen NY står også i " + folder.resolve("a.yml").toAbsolutePath() + "; hver ordning har én fil");
        assertThatThrownBy(() -> new SchemeCatalogue(VALIDATOR, folder.resolve("mangler").toString()))
                .hasMessageContaining("kompetansemidler.ordninger.katalog mappen finnes ikke");
    }

    @Test
    void a_file_that_is_not_yaml_is_named() throws IOException {
        Files.writeString(folder.resolve("feil.yml"), "ordning: [uavsluttet");
        assertThatThrownBy(this::withFolder).hasMessageStartingWith("Ordningsfilen "
                + folder.resolve("feil.yml").toAbsolutePath() + ": (hele filen) er ikke gyldig YAML");
    }
}
