package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.organisation.OrganisationNumber;
import no.kompetansemidler.domain.organisation.Owner;
import no.kompetansemidler.masterdata.MasterDataRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Service task "Send påminnelse" (asynchronous): e-mails the owner before a deadline, to its contact address or
 * else to its users, and records the reminder in the case (km_reminder and the task's history).
 */
@Component("sendReminderDelegate")
class SendReminderDelegate implements JavaDelegate {

    static final String NEED_REPORT = "BEHOVSMELDING";
    static final String SELF_EVALUATION = "EGENVURDERING";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("nb"));

    private final CycleRepository cycles;
    private final MasterDataRepository masterData;
    private final Mailer mailer;
    private final Clock clock;
    private final no.kompetansemidler.funding.SchemeCatalogue schemes;

    SendReminderDelegate(CycleRepository cycles, MasterDataRepository masterData, Mailer mailer, Clock clock,
                         no.kompetansemidler.funding.SchemeCatalogue schemes) {
        this.schemes = schemes;
        this.cycles = cycles;
        this.masterData = masterData;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String cycleId = ProcessSupport.caseVariable(execution, CycleVariables.CYCLE_ID);
        CycleRepository.Cycle cycle = cycles.cycle(cycleId);
        String owner = ProcessSupport.caseVariable(execution, CycleVariables.OWNER);
        boolean needReport = execution.getVariable(CycleVariables.DECISION_ID) == null;
        String kind = needReport ? NEED_REPORT : SELF_EVALUATION;
        Date deadline = (Date) execution.getVariable(needReport ? CycleVariables.NEED_REPORT_DEADLINE
                : CycleVariables.REPORT_DEADLINE);
        String what = needReport ? "behovsmelding" : "egenvurdering og rapport";
        String due = deadline.toInstant().atZone(ProcessSupport.OSLO).toLocalDate().format(DATE);
        String subject = "Påminnelse: " + what + " for " + cycle.scheme().name() + " " + cycle.year() + " innen " + due;
        String body = "Hei,\n\nDette er en påminnelse fra " + cycle.office().displayName() + ": fristen for "
                + what + " i " + schemes.name(cycle.scheme()) + " (" + cycle.year() + ") er " + due + ".\n\n"
                + "Oppgaven ligger i Tasklist for " + masterData.findOwner(new OrganisationNumber(owner)).map(Owner::name)
                .orElse(owner) + ".\n\n"
                + "Vennlig hilsen\n" + cycle.office().displayName();
        List<String> to = Mailer.ownerAddresses(execution.getProcessEngineServices(), masterData, owner);
        if (to.isEmpty()) {
            throw new IllegalStateException("Kan ikke sende påminnelse til " + owner
                    + ": eieren har verken kontaktadresse eller brukere med e-postadresse.");
        }
        mailer.send(to, subject, body);
        cycles.recordReminder(cycleId, owner, kind, String.join(", ", to), subject, clock.instant());
    }
}
