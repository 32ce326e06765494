package no.kompetansemidler.followup;

import no.kompetansemidler.cycle.FreeText;
import no.kompetansemidler.cycle.Mailer;
import no.kompetansemidler.cycle.ProcessSupport;
import no.kompetansemidler.domain.followup.SelectionFile;
import no.kompetansemidler.domain.funding.SchemeCalendar;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.domain.validation.Texts;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.engine.EngineContext;
import no.kompetansemidler.funding.SchemeCatalogue;
import no.kompetansemidler.identity.IdentityGroups;
import no.kompetansemidler.masterdata.MasterDataRepository;
import no.kompetansemidler.security.CaseAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The steps of the models oppfolging-utvalg and oppfolging (docs/arssyklus.md, «Oppfølgingsordningen»): Udir's
 * selection read in ({@code importSelectionDelegate}), each kommune's case prepared ({@code prepareFollowUpDelegate}),
 * the veileder assigned with the analysis deadline ({@code assignVeilederDelegate}), a new deadline after a missed one
 * ({@code analysisDeadlineDelegate}), the analysis and the yearly reports stored ({@code saveAnalysisDelegate},
 * {@code saveYearlyReportDelegate}) and reviewed ({@code recordFollowUpReviewDelegate}), the year's grant read when
 * the scheme's cycle has decided ({@code recordFollowUpGrantDelegate}), the next report's dates
 * ({@code nextYearlyReportDelegate}), reminders ({@code followUpReminderDelegate}) and the end
 * ({@code endFollowUpDelegate}). A refusal names the field and the rule, and stores nothing.
 */
@Configuration
class FollowUpDelegates {

    // the model oppfolging-utvalg
    static final String SELECTION_YEAR = "utvalgsaar";
    static final String SELECTION_COUNT = "antallKommuner";
    // the case of one kommune
    static final String FOLLOW_UP_ID = "oppfolgingId";
    static final String MUNICIPALITY_NAME = "kommuneNavn";
    static final String OWNER = "eier";
    static final String OWNER_GROUP = "eierGruppe";
    static final String CASEWORKERS = "saksbehandlerGruppe";
    static final String OFFICE_NAME = "embeteNavn";
    static final String SCHEME = "ordning";
    // the veileder
    static final String VEILEDER_NAME = "veilederNavn";
    static final String VEILEDER_EMAIL = "veilederEpost";
    static final String VEILEDER_ORGANISATION = "veilederVirksomhet";
    static final String ANALYSIS_DEADLINE = "analyseFrist";
    static final String ANALYSIS_DUE = "analyseFristTid";
    static final String ANALYSIS_REMINDER = "analysePaminnelse";
    static final String ANALYSIS_DUE_TEXT = "analyseFristTekst";
    static final String NEW_DEADLINE = "nyFrist";
    // the analysis
    static final String SITUATION = "analyseSituasjon";
    static final String PRIORITIES = "analysePrioriteringer";
    static final String WITH_VEILEDER = "analyseVeileder";
    // the review of the analysis and of each report
    static final String UNDER_REVIEW = "tilVurdering";
    static final String REVIEW = "vurdering";
    static final String APPROVE = "GODKJENT";
    static final String RETURN = "TILBAKE";
    static final String REVIEW_COMMENT = "vurderingKommentar";
    static final String RETURNED_WITH = "tilbakemelding";
    static final String APPROVED = "godkjent";
    // the delivery phase
    static final String GRANT = "tilskudd";
    static final String GRANT_YEAR = "vedtaksaar";
    static final String REPORT_NUMBER = "rapportNr";
    static final String REPORT_OPENS = "rapportApner";
    static final String REPORT_DUE = "rapportFrist";
    static final String REPORT_REMINDER = "rapportPaminnelse";
    static final String REPORT_DUE_TEXT = "rapportFristTekst";
    static final String DONE = "rapportGjennomfort";
    static final String RESULTS = "rapportResultater";
    static final String NEXT_STEPS = "rapportVidere";
    static final String LAST_REPORT = "sisteRapport";

    /** The longest the analysis phase may be set to last from the day the veileder is assigned. */
    static final int MAX_ANALYSIS_MONTHS = 18;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("nb"));

    @Bean
    JavaDelegate importSelectionDelegate(FollowUps followUps, SchemeCatalogue schemes, Clock clock) {
        return execution -> {
            Scheme scheme = Scheme.OPPFOLGING;
            schemes.definition(scheme); // configured, or the start is refused as an unknown scheme
            List<SelectionFile.Line> lines = SelectionFile.read(execution.getVariable(SelectionFile.FIELD));
            List<FollowUps.FollowUp> made = followUps.importSelection(scheme, lines,
                    EngineContext.currentUserId(execution), clock.instant());
            int year = made.get(0).year();
            execution.setVariable(SELECTION_YEAR, year);
            execution.setVariable(SELECTION_COUNT, made.size());
            execution.setProcessBusinessKey("oppfolging-utvalg-" + year);
        };
    }

    @Bean
    JavaDelegate prepareFollowUpDelegate(FollowUps followUps, SchemeCatalogue schemes, CaseAccess access) {
        return execution -> {
            FollowUps.FollowUp f = followUps.followUp(ProcessSupport.caseVariable(execution, FOLLOW_UP_ID));
            followUps.started(f.id(), execution.getProcessInstanceId());
            String caseworkers = IdentityGroups.caseworkers(f.embete());
            String owner = IdentityGroups.owner(new no.kompetansemidler.domain.organisation.OrganisationNumber(
                    f.organisationNumber()));
            execution.setVariable(MUNICIPALITY_NAME, f.name());
            execution.setVariable(OWNER, f.organisationNumber());
            execution.setVariable(OWNER_GROUP, owner);
            execution.setVariable(CASEWORKERS, caseworkers);
            execution.setVariable(OFFICE_NAME, f.embete().displayName());
            execution.setVariable(SCHEME, f.scheme().code());
            execution.setVariable(SELECTION_YEAR, f.year());
            execution.setVariable("ordningNavn", schemes.name(f.scheme()));
            access.caseworkers(execution.getProcessInstanceId(), caseworkers);
            access.owner(execution.getProcessInstanceId(), owner);
        };
    }

    @Bean
    JavaDelegate assignVeilederDelegate(FollowUps followUps, SchemeCatalogue schemes, Mailer mailer,
                                        MasterDataRepository masterData, Clock clock) {
        return execution -> {
            List<Violation> problems = new ArrayList<>();
            String name = FreeText.check(execution.getVariable(VEILEDER_NAME), VEILEDER_NAME, "Veilederens navn", 3,
                    "VEILEDER", problems);
            Object typedEmail = execution.getVariable(VEILEDER_EMAIL);
            String email = typedEmail == null ? "" : Texts.normalize(typedEmail.toString().trim());
            if (!Texts.isEmailAddress(email)) {
                problems.add(new Violation(VEILEDER_EMAIL, "VEILEDER", "Skriv veilederens e-postadresse, f.eks."
                        + " navn@uh.example: veilederen får beskjed om oppdraget der."));
            }
            Object typedOrganisation = execution.getVariable(VEILEDER_ORGANISATION);
            String organisation = typedOrganisation == null || typedOrganisation.toString().isBlank() ? null
                    : FreeText.check(typedOrganisation, VEILEDER_ORGANISATION, "Veilederens virksomhet", 2, "VEILEDER",
                    problems);
            LocalDate today = LocalDate.now(clock.withZone(ProcessSupport.OSLO));
            LocalDate deadline = deadline(execution, ANALYSIS_DEADLINE, today, problems);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            String id = ProcessSupport.caseVariable(execution, FOLLOW_UP_ID);
            followUps.assignVeileder(id, name, email, organisation, deadline);
            setAnalysisDeadline(execution, deadline, today, schemes);
            FollowUps.FollowUp f = followUps.followUp(id);
            String subject = "Oppfølgingsordningen: " + name + " er veileder for " + f.name();
            String body = "Hei,\n\n" + f.embete().displayName() + " har tildelt " + f.name() + " en veileder i "
                    + schemes.name(f.scheme()) + " (uttrekket for " + f.year() + "): " + name
                    + (organisation == null ? "" : " (" + organisation + ")") + ", " + email + ".\n\n"
                    + "Første fase er analysen: kommunen analyserer sin egen situasjon sammen med veilederen og sender"
                    + " analysen i Tasklist innen " + deadline.format(DAY) + ".\n\nVennlig hilsen\n"
                    + f.embete().displayName();
            List<String> to = new ArrayList<>(List.of(email));
            to.addAll(Mailer.ownerAddresses(execution.getProcessEngineServices(), masterData, f.organisationNumber()));
            mailer.send(to.stream().distinct().toList(), subject, body);
        };
    }

    @Bean
    JavaDelegate analysisDeadlineDelegate(FollowUps followUps, SchemeCatalogue schemes, Clock clock) {
        return execution -> {
            List<Violation> problems = new ArrayList<>();
            LocalDate today = LocalDate.now(clock.withZone(ProcessSupport.OSLO));
            LocalDate deadline = deadline(execution, NEW_DEADLINE, today, problems);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            followUps.newAnalysisDeadline(ProcessSupport.caseVariable(execution, FOLLOW_UP_ID), deadline);
            execution.setVariable(ANALYSIS_DEADLINE, deadline.toString());
            setAnalysisDeadline(execution, deadline, today, schemes);
            execution.removeVariable(NEW_DEADLINE);
        };
    }

    @Bean
    JavaDelegate saveAnalysisDelegate(FollowUps followUps) {
        return execution -> {
            List<Violation> problems = new ArrayList<>();
            String situation = FreeText.check(execution.getVariable(SITUATION), SITUATION,
                    "Analysen av kommunens situasjon", 50, "ANALYSE", problems);
            String priorities = FreeText.check(execution.getVariable(PRIORITIES), PRIORITIES,
                    "Utfordringene og prioriteringene", 20, "ANALYSE", problems);
            String withVeileder = FreeText.check(execution.getVariable(WITH_VEILEDER), WITH_VEILEDER,
                    "Hvordan dere har arbeidet med veilederen", 20, "ANALYSE", problems);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            followUps.saveAnalysis(ProcessSupport.caseVariable(execution, FOLLOW_UP_ID), situation, priorities,
                    withVeileder, EngineContext.currentUserId(execution));
            execution.setVariable(UNDER_REVIEW, "Kommunens situasjon:\n" + situation
                    + "\n\nUtfordringer og prioriteringer:\n" + priorities
                    + "\n\nArbeidet med veilederen:\n" + withVeileder);
        };
    }

    @Bean
    JavaDelegate recordFollowUpReviewDelegate(FollowUps followUps, Clock clock) {
        return execution -> {
            Object choice = execution.getVariable(REVIEW);
            List<Violation> problems = new ArrayList<>();
            String comment = null;
            if (RETURN.equals(choice)) {
                comment = FreeText.check(execution.getVariable(REVIEW_COMMENT), REVIEW_COMMENT,
                        "Tilbakemeldingen til kommunen", 10, "VURDERING", problems);
            } else if (!APPROVE.equals(choice)) {
                problems.add(new Violation(REVIEW, "PÅKREVD", "Velg om du godkjenner eller sender tilbake til kommunen."));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            String id = ProcessSupport.caseVariable(execution, FOLLOW_UP_ID);
            boolean approved = APPROVE.equals(choice);
            if (approved && execution.getVariable(REPORT_NUMBER) == null) {
                followUps.approveAnalysis(id, EngineContext.currentUserId(execution), clock.instant());
            } else if (approved) {
                followUps.approveReport(id, ((Number) execution.getVariable(REPORT_NUMBER)).intValue());
            }
            execution.setVariable(APPROVED, approved);
            execution.setVariable(RETURNED_WITH, approved ? "" : comment);
            // the next review starts without this one's choice
            execution.removeVariable(REVIEW);
            execution.removeVariable(REVIEW_COMMENT);
        };
    }

    @Bean
    JavaDelegate recordFollowUpGrantDelegate(FollowUps followUps, SchemeCatalogue schemes) {
        return execution -> {
            FollowUps.FollowUp f = followUps.followUp(ProcessSupport.caseVariable(execution, FOLLOW_UP_ID));
            int year = followUps.latestDecisionYear(f.scheme(), f.organisationNumber())
                    .orElseThrow(() -> new IllegalStateException("no decision for " + f.organisationNumber()));
            Money granted = followUps.granted(f.scheme(), f.organisationNumber(), year);
            execution.setVariable(GRANT_YEAR, year);
            execution.setVariable(GRANT, granted.format() + " i " + year);
            execution.setVariable(REPORT_NUMBER, 1);
            setReportDates(execution, schemes.calendar(f.scheme()), year, 1);
        };
    }

    @Bean
    JavaDelegate saveYearlyReportDelegate(FollowUps followUps, Clock clock) {
        return execution -> {
            List<Violation> problems = new ArrayList<>();
            String done = FreeText.check(execution.getVariable(DONE), DONE, "Hva kommunen har gjort", 20, "RAPPORT",
                    problems);
            String results = FreeText.check(execution.getVariable(RESULTS), RESULTS, "Resultatene", 20, "RAPPORT",
                    problems);
            String next = FreeText.check(execution.getVariable(NEXT_STEPS), NEXT_STEPS, "Veien videre", 20, "RAPPORT",
                    problems);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            int number = ((Number) execution.getVariable(REPORT_NUMBER)).intValue();
            followUps.saveReport(ProcessSupport.caseVariable(execution, FOLLOW_UP_ID), number, done, results, next,
                    EngineContext.currentUserId(execution), clock.instant());
            execution.setVariable(UNDER_REVIEW, "Årsrapport " + number + " av " + FollowUps.REPORTS
                    + "\n\nGjennomført:\n" + done + "\n\nResultater:\n" + results + "\n\nVeien videre:\n" + next);
        };
    }

    @Bean
    JavaDelegate nextYearlyReportDelegate(FollowUps followUps, SchemeCatalogue schemes) {
        return execution -> {
            int number = ((Number) execution.getVariable(REPORT_NUMBER)).intValue() + 1;
            int year = ((Number) execution.getVariable(GRANT_YEAR)).intValue();
            execution.setVariable(REPORT_NUMBER, number);
            for (String field : new String[]{DONE, RESULTS, NEXT_STEPS}) {
                execution.removeVariable(field); // a new year's report starts empty
            }
            FollowUps.FollowUp f = followUps.followUp(ProcessSupport.caseVariable(execution, FOLLOW_UP_ID));
            setReportDates(execution, schemes.calendar(f.scheme()), year, number);
        };
    }

    @Bean
    JavaDelegate followUpReminderDelegate(FollowUps followUps, Mailer mailer, MasterDataRepository masterData) {
        return execution -> {
            FollowUps.FollowUp f = followUps.followUp(ProcessSupport.caseVariable(execution, FOLLOW_UP_ID));
            boolean report = execution.getVariable(REPORT_NUMBER) != null;
            String what = report ? "årsrapport " + execution.getVariable(REPORT_NUMBER) + " av " + FollowUps.REPORTS
                    : "analysen";
            String due = (String) execution.getVariable(report ? REPORT_DUE_TEXT : ANALYSIS_DUE_TEXT);
            List<String> to = new ArrayList<>(Mailer.ownerAddresses(execution.getProcessEngineServices(), masterData,
                    f.organisationNumber()));
            if (!report && f.veilederEmail() != null) {
                to.add(f.veilederEmail());
            }
            if (to.isEmpty()) {
                throw new IllegalStateException("Kan ikke sende påminnelse til " + f.name()
                        + ": kommunen har verken kontaktadresse eller brukere med e-postadresse.");
            }
            mailer.send(to.stream().distinct().toList(), "Påminnelse: " + what + " i oppfølgingsordningen innen " + due,
                    "Hei,\n\nDette er en påminnelse fra " + f.embete().displayName() + ": fristen for " + what
                            + " for " + f.name() + " i oppfølgingsordningen er " + due + ".\n\nOppgaven ligger i"
                            + " Tasklist for " + f.name() + ".\n\nVennlig hilsen\n" + f.embete().displayName());
        };
    }

    @Bean
    JavaDelegate endFollowUpDelegate(FollowUps followUps) {
        return execution -> followUps.end(ProcessSupport.caseVariable(execution, FOLLOW_UP_ID));
    }

    /** A deadline typed in a form: after today, and within the longest analysis phase. */
    private static LocalDate deadline(DelegateExecution execution, String field, LocalDate today,
                                      List<Violation> problems) {
        LocalDate deadline = ProcessSupport.date(execution.getVariable(field));
        LocalDate latest = today.plusMonths(MAX_ANALYSIS_MONTHS);
        if (deadline == null || !deadline.isAfter(today) || deadline.isAfter(latest)) {
            problems.add(new Violation(field, "FRIST", "Fristen for analysen må være etter i dag ("
                    + today.format(DAY) + ") og senest " + latest.format(DAY) + " (" + MAX_ANALYSIS_MONTHS
                    + " måneder)."));
        }
        return deadline;
    }

    private static void setAnalysisDeadline(DelegateExecution execution, LocalDate deadline, LocalDate today,
                                            SchemeCatalogue schemes) {
        int days = schemes.calendar(Scheme.OPPFOLGING).reminderDaysBeforeDeadline();
        LocalDate reminder = deadline.minusDays(days);
        execution.setVariable(ANALYSIS_DUE, ProcessSupport.endOfDay(deadline));
        execution.setVariable(ANALYSIS_REMINDER, ProcessSupport.morning(reminder.isAfter(today) ? reminder
                : today.plusDays(1)));
        execution.setVariable(ANALYSIS_DUE_TEXT, deadline.format(DAY));
    }

    /** Report n of a grant decided in year: opens and is due as the scheme's self-evaluation of year + n - 1. */
    private static void setReportDates(DelegateExecution execution, SchemeCalendar calendar, int grantYear, int n) {
        int year = grantYear + n - 1;
        execution.setVariable(REPORT_OPENS, ProcessSupport.morning(calendar.selfEvaluationOpens(year)));
        execution.setVariable(REPORT_DUE, ProcessSupport.endOfDay(calendar.reportDeadline(year)));
        execution.setVariable(REPORT_REMINDER, ProcessSupport.morning(calendar.selfEvaluationReminder(year)));
        execution.setVariable(REPORT_DUE_TEXT, calendar.reportDeadline(year).format(DAY));
        execution.setVariable(LAST_REPORT, n >= FollowUps.REPORTS);
    }
}
