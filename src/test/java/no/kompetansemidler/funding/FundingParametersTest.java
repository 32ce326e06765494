package no.kompetansemidler.funding;

import no.kompetansemidler.testkit.OwnJvmTest;
import no.kompetansemidler.domain.funding.UnusedMoneyPolicy;
import no.kompetansemidler.domain.money.Percentage;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.testkit.Starts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheme parameters come from the configuration and a nonsensical value stops the start, naming the property. */
@OwnJvmTest
@ExtendWith(OutputCaptureExtension.class)
class FundingParametersTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> {
                try {
                    new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                            .forEach(source -> context.getEnvironment().getPropertySources().addLast(source));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                    ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(FundingParameters.class, MonthDayConverter.class);

    @Test
    void the_defaults_are_dekom_30_percent_and_the_calendar_of_the_domain() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            FundingParameters parameters = context.getBean(FundingParameters.class);
            assertThat(parameters.rules(Scheme.DEKOM).coFinancingRate()).isEqualTo(Percentage.ofPercent(30));
            assertThat(parameters.rules(Scheme.REKOM).coFinancingRate()).isEqualTo(Percentage.ZERO);
            assertThat(parameters.rules(Scheme.DEKOM).maxMeasureYears()).isEqualTo(3);
            assertThat(parameters.rules(Scheme.DEKOM).unusedMoney()).isEqualTo(UnusedMoneyPolicy.REPAYMENT_CLAIM);
            var calendar = parameters.calendar(Scheme.DEKOM);
            assertThat(calendar.needMappingOpens(2026)).isEqualTo(LocalDate.of(2025, 10, 1));
            assertThat(calendar.needReportDeadline(2026)).isEqualTo(LocalDate.of(2026, 2, 1));
            assertThat(calendar.needReportReminder(2026)).isEqualTo(LocalDate.of(2026, 1, 18));
            assertThat(calendar.recommendationDeadline(2026)).isEqualTo(LocalDate.of(2026, 3, 15));
            assertThat(calendar.decisionDeadline(2026)).isEqualTo(LocalDate.of(2026, 6, 30));
            assertThat(calendar.selfEvaluationOpens(2026)).isEqualTo(LocalDate.of(2026, 11, 15));
            assertThat(calendar.selfEvaluationReminder(2026)).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(calendar.reportDeadline(2026)).isEqualTo(LocalDate.of(2027, 1, 15));
        });
    }

    @Test
    void a_decimal_rate_is_exact() {
        runner.withPropertyValues("kompetansemidler.schemes.REKOM.co-financing-rate-percent=12.5").run(context ->
                assertThat(context.getBean(FundingParameters.class).rules(Scheme.REKOM).coFinancingRate().basisPoints())
                        .isEqualTo(1250));
    }

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @CsvSource(delimiter = '|', value = {
            "DEKOM.co-financing-rate-percent|130|coFinancingRatePercent|kan ikke være over 100 %",
            "DEKOM.co-financing-rate-percent|-1|coFinancingRatePercent|kan ikke være under 0 %",
            "REKOM.co-financing-rate-percent|12.345|coFinancingRatePercent|kan ha høyst to desimaler",
            "DEKOM.third-party-cap-percent|-0.01|thirdPartyCapPercent|kan ikke være under 0 %",
            "YRKESFAG.third-party-cap-percent|100.01|thirdPartyCapPercent|kan ikke være over 100 %",
            "DEKOM.max-measure-years|4|maxMeasureYears|kan være høyst 3 år (R14)",
            "DEKOM.max-measure-years|0|maxMeasureYears|må være minst 1 år",
            "KOMPETANSELOFTET.calendar.reminder-days-before-deadline|0|reminderDaysBeforeDeadline|må være minst 1 dag",
            "DEKOM.calendar.recommendation-deadline|01-15|inCycleOrder|fristene må komme i årshjulets rekkefølge",
            "REKOM.calendar.self-evaluation-opens|06-01|inCycleOrder|fristene må komme i årshjulets rekkefølge"})
    void a_nonsensical_value_stops_the_start_naming_the_property(String property, String value, String field,
                                                                 String message) {
        runner.withPropertyValues("kompetansemidler.schemes." + property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootMessage(context.getStartupFailure())).contains(field).contains(message);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"DEKOM.unused-money|KANSKJE", "DEKOM.calendar.need-report-deadline|13-45"})
    void a_value_of_the_wrong_form_stops_the_start(String property, String value) {
        runner.withPropertyValues("kompetansemidler.schemes." + property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(fullMessage(context.getStartupFailure())).containsIgnoringCase("kompetansemidler.schemes." + property);
        });
    }

    @Test
    void the_whole_application_refuses_to_start_and_says_which_property(CapturedOutput output) {
        assertThatThrownBy(() -> Starts.demo("jdbc:h2:mem:params-" + java.util.UUID.randomUUID(),
                "--kompetansemidler.schemes.DEKOM.co-financing-rate-percent=130")).isInstanceOf(Exception.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("Property: kompetansemidler.schemes[DEKOM].coFinancingRatePercent")
                .contains("kan ikke være over 100 %");
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static String fullMessage(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
