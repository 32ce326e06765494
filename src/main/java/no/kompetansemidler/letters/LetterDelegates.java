package no.kompetansemidler.letters;

import no.kompetansemidler.cycle.CycleRepository;
import no.kompetansemidler.engine.EnginePlugin;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The steps of the model vedtaksbrev, one letter each: write it ({@code writeLetterDelegate}), send and journal it
 * through the integrasjonspunkt ({@code sendLetterDelegate}, asynchronous and retried; sent once), ask for its
 * delivery ({@code checkLetterStatusDelegate}), and make it ready to be sent anew after a failed delivery
 * ({@code resendLetterDelegate}).
 */
@Configuration
class LetterDelegates {

    static final String RECIPIENT = "brevMottaker";
    /** {@code KRAV} for a repayment claim; otherwise the decision letter (grant or refusal). */
    static final String KIND = "brevType";
    static final String LETTER_ID = "brevId";
    static final String RECIPIENT_NAME = "mottakerNavn";
    static final String TITLE = "brevTittel";
    static final String STATUS = "brevStatus";
    static final String CHECKS = "brevSjekk";
    static final String INTERVAL = "brevStatusIntervall";

    @Bean
    JavaDelegate writeLetterDelegate(LetterWriter writer, LetterProperties properties) {
        return execution -> {
            var letter = "KLAGE".equals(text(execution, KIND))
                    ? writer.writeComplaint(text(execution, no.kompetansemidler.cycle.CycleVariables.COMPLAINT_ID), execution.getProcessDefinitionId())
                    : "KRAV".equals(text(execution, KIND))
                    ? writer.writeClaim(text(execution, no.kompetansemidler.cycle.CycleVariables.CYCLE_ID), text(execution, RECIPIENT),
                    execution.getProcessDefinitionId())
                    : writer.write(text(execution, no.kompetansemidler.cycle.CycleVariables.CYCLE_ID), text(execution, RECIPIENT),
                    execution.getProcessDefinitionId(), new LetterWriter.Reasons(text(execution, "vedtaksgrunnlag"),
                            text(execution, "prioriteringer"), text(execution, "begrunnelse")));
            execution.setVariable(LETTER_ID, letter.id());
            execution.setVariable(RECIPIENT_NAME, letter.name());
            execution.setVariable(TITLE, letter.title());
            execution.setVariable(INTERVAL, properties.statusIntervall().toString());
            execution.setVariable(CHECKS, 0);
        };
    }

    @Bean
    JavaDelegate sendLetterDelegate(LetterRepository letters, Integrasjonspunkt integrasjonspunkt,
                                    CycleRepository cycles, LetterProperties properties, Clock clock) {
        return execution -> {
            if (properties.avsender() == null || !properties.avsender().matches("\\d{9}")) {
                throw new IllegalStateException("Avsenderens organisasjonsnummer er ikke satt: sett"
                        + " KOMPETANSEMIDLER_AVSENDER_ORGNR (ni siffer) til organisasjonsnummeret integrasjonspunktet"
                        + " sender fra (docs/drift.md).");
            }
            var letter = letters.letter(text(execution, LETTER_ID));
            if (letter.status() == LetterRepository.Status.SKREVET) {
                var cycle = cycles.cycle(letter.cycleId());
                integrasjonspunkt.send(new Integrasjonspunkt.Message(letter.messageId(), letter.cycleId(),
                        sender(cycle.office(), properties), letter.organisationNumber(), letter.title() + " – " + letter.name(),
                        fileName(letter, cycle), letters.pdf(letter.id()).orElseThrow(), clock.instant()));
                letters.markSent(letter.id(), clock.instant());
            }
            execution.setVariable(STATUS, LetterRepository.Status.SENDT.name());
        };
    }

    /**
     * Who a letter is from, by organisation number: the fylkeskommune that runs the cycle (YRKESFAG), else the
     * configured sender (the Statsforvalter's).
     */
    static String sender(no.kompetansemidler.domain.organisation.Office office, LetterProperties properties) {
        return office instanceof no.kompetansemidler.domain.organisation.County county
                ? county.organisationNumber().value() : properties.avsender();
    }

    @Bean
    JavaDelegate checkLetterStatusDelegate(LetterRepository letters, Integrasjonspunkt integrasjonspunkt,
                                           LetterProperties properties, Clock clock) {
        return execution -> {
            var letter = letters.letter(text(execution, LETTER_ID));
            int checks = ((Number) execution.getVariable(CHECKS)).intValue() + 1;
            execution.setVariable(CHECKS, checks);
            var status = integrasjonspunkt.status(letter.messageId());
            if (status.isPresent() && status.get().delivered()) {
                letters.markDelivered(letter.id(), clock.instant());
                execution.setVariable(STATUS, LetterRepository.Status.LEVERT.name());
            } else if (status.isPresent() && status.get().failed() || checks >= properties.statusForsok()) {
                String why = status.isPresent() && status.get().failed()
                        ? "Integrasjonspunktet meldte at leveringen feilet (" + status.get().status() + ")"
                        + (status.get().description().isBlank() ? "." : ": " + status.get().description())
                        : "Ingen leveringskvittering etter " + checks + " oppslag (siste status: "
                        + status.map(Integrasjonspunkt.Status::status).orElse("ingen") + ").";
                letters.markFailed(letter.id(), why);
                execution.setVariable(EnginePlugin.FAILURE_MESSAGE, why);
                execution.setVariable(STATUS, LetterRepository.Status.FEILET.name());
            } else {
                execution.setVariable(STATUS, LetterRepository.Status.SENDT.name());
            }
        };
    }

    @Bean
    JavaDelegate resendLetterDelegate(LetterRepository letters) {
        return execution -> {
            letters.readyAgain(text(execution, LETTER_ID));
            execution.setVariable(CHECKS, 0);
        };
    }

    static String fileName(LetterRepository.Letter letter, CycleRepository.Cycle cycle) {
        return letter.kind().name().toLowerCase(java.util.Locale.ROOT) + "-"
                + cycle.scheme().name().toLowerCase(java.util.Locale.ROOT) + "-" + cycle.year() + "-"
                + letter.organisationNumber() + ".pdf";
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
