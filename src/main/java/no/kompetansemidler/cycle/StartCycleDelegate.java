package no.kompetansemidler.cycle;

import no.kompetansemidler.domain.funding.SchemeCalendar;
import no.kompetansemidler.domain.money.Money;
import no.kompetansemidler.domain.funding.CycleRunner;
import no.kompetansemidler.domain.funding.SchemeDefinition;
import no.kompetansemidler.domain.organisation.County;
import no.kompetansemidler.domain.organisation.Office;
import no.kompetansemidler.engine.EngineContext;
import no.kompetansemidler.domain.organisation.Scheme;
import no.kompetansemidler.domain.validation.ValidationException;
import no.kompetansemidler.domain.validation.Violation;
import no.kompetansemidler.funding.SchemeCatalogue;
import no.kompetansemidler.identity.IdentityGroups;
import no.kompetansemidler.security.CaseAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static no.kompetansemidler.cycle.ProcessSupport.endOfDay;
import static no.kompetansemidler.cycle.ProcessSupport.morning;

/**
 * Service task "Opprett syklus": validates Udir's frame for office (embete, or fylkeskommune for YRKESFAG), scheme
 * and year, records the cycle (once per office, scheme and year) and sets its groups and dates from the scheme's
 * calendar.
 */
@Component("startCycleDelegate")
class StartCycleDelegate implements JavaDelegate {

    static final int FIRST_YEAR = 2020;
    static final int LAST_YEAR = 2100;

    private final CycleRepository cycles;
    private final SchemeCatalogue parameters;
    private final CaseAccess caseAccess;
    private final Clock clock;

    StartCycleDelegate(CycleRepository cycles, SchemeCatalogue parameters, CaseAccess caseAccess, Clock clock) {
        this.cycles = cycles;
        this.parameters = parameters;
        this.caseAccess = caseAccess;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Violation> problems = new ArrayList<>();
        Office office = parse(() -> Office.fromSlug(ProcessSupport.text(execution, CycleVariables.EMBETE)),
                problems, CycleVariables.EMBETE, "Velg et embete eller en fylkeskommune.");
        SchemeDefinition definition = parse(() -> parameters.find(ProcessSupport.text(execution, CycleVariables.SCHEME))
                        .orElseThrow(),
                problems, CycleVariables.SCHEME, "Velg en ordning: " + parameters.codes() + ".");
        Scheme scheme = definition == null ? null : definition.scheme();
        if (office != null && definition != null) {
            runBy(office, definition).ifPresent(problems::add);
        }
        Integer year = year(execution.getVariable(CycleVariables.YEAR), problems);
        Money frame = frame(execution, problems);
        String user = ProcessSupport.currentUser(execution);
        if (office != null && user != null && !mayStart(execution, office)) {
            problems.add(new Violation(CycleVariables.EMBETE, "TILGANG",
                    "Bare saksbehandlere hos " + office.displayName() + " kan starte en syklus der."));
        }
        if (office != null && scheme != null && year != null) {
            cycles.findCycle(office, scheme, year).ifPresent(existing -> problems.add(new Violation(
                    CycleVariables.YEAR, "DUPLIKAT", "Det finnes allerede en syklus for " + scheme.name() + " " + year
                    + " hos " + office.displayName() + ".")));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String cycleId = cycles.createCycle(office, scheme, year, frame, execution.getProcessInstanceId(), user,
                clock.instant());
        SchemeCalendar calendar = parameters.calendar(scheme);
        execution.setProcessBusinessKey(office.slug() + "-" + scheme.name() + "-" + year);
        execution.setVariable(CycleVariables.CYCLE_ID, cycleId);
        execution.setVariable(CycleVariables.EMBETE, office.slug());
        execution.setVariable(CycleVariables.SCHEME, scheme.name());
        execution.setVariable(CycleVariables.YEAR, year);
        execution.setVariable(CycleVariables.FRAME_ORE, frame.ore());
        Money carriedIn = cycles.carriedIn(cycles.cycle(cycleId));
        execution.setVariable(CycleVariables.FRAME_TEXT, carriedIn.isPositive() ? frame.format() + " fra Udir og "
                + carriedIn.format() + " overført fra " + (year - 1) + " (R15)" : frame.format());
        execution.setVariable(CycleVariables.EMBETE_NAME, office.displayName());
        execution.setVariable(CycleVariables.CASEWORKER_GROUP, IdentityGroups.caseworkers(office));
        caseAccess.caseworkers(execution.getProcessInstanceId(), IdentityGroups.caseworkers(office));
        if (office instanceof County) {
            // the Statsforvalter reads the fylkeskommune's cycle, and does not work it
            caseAccess.owner(execution.getProcessInstanceId(), IdentityGroups.caseworkers(office.embete()));
        }
        execution.setVariable(CycleVariables.LEADER_GROUP, IdentityGroups.leaders(office));
        execution.setVariable(CycleVariables.NEED_REPORT_DEADLINE, endOfDay(calendar.needReportDeadline(year)));
        execution.setVariable(CycleVariables.NEED_REPORT_REMINDER, morning(calendar.needReportReminder(year)));
        execution.setVariable(CycleVariables.RECOMMENDATION_DEADLINE, endOfDay(calendar.recommendationDeadline(year)));
        execution.setVariable(CycleVariables.DECISION_DEADLINE, endOfDay(calendar.decisionDeadline(year)));
        execution.setVariable(CycleVariables.SELF_EVALUATION_OPENS, morning(calendar.selfEvaluationOpens(year)));
        execution.setVariable(CycleVariables.SELF_EVALUATION_REMINDER, morning(calendar.selfEvaluationReminder(year)));
        execution.setVariable(CycleVariables.REPORT_DEADLINE, endOfDay(calendar.reportDeadline(year)));
    }

    /**
     * A scheme the fylkeskommune runs (YRKESFAG) is started by a fylkeskommune, the others by a Statsforvalter
     * embete (the scheme file's run-by).
     */
    static java.util.Optional<Violation> runBy(Office office, SchemeDefinition scheme) {
        boolean county = office instanceof County;
        if (scheme.runBy() == CycleRunner.FYLKESKOMMUNE && !county) {
            return java.util.Optional.of(new Violation(CycleVariables.EMBETE, "ORDNING", scheme.name()
                    + " kjøres av fylkeskommunen: velg fylkeskommunen som skal kjøre syklusen, ikke "
                    + office.displayName() + "."));
        }
        if (scheme.runBy() == CycleRunner.STATSFORVALTER && county) {
            return java.util.Optional.of(new Violation(CycleVariables.EMBETE, "ORDNING", scheme.name()
                    + " kjøres av Statsforvalteren: velg embetet, ikke " + office.displayName() + "."));
        }
        return java.util.Optional.empty();
    }

    /** The caseworkers of the office and the administrators, by the groups the engine acts with. */
    private static boolean mayStart(DelegateExecution execution, Office office) {
        List<String> groups = EngineContext.currentGroupIds(execution);
        return groups.contains(IdentityGroups.caseworkers(office)) || groups.contains(IdentityGroups.ADMINISTRATORS);
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, List<Violation> problems, String field,
                               String message) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            problems.add(new Violation(field, "PÅKREVD", message));
            return null;
        }
    }

    private static Integer year(Object value, List<Violation> problems) {
        Long year = null;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            year = n.longValue();
        } else if (value instanceof String s && s.trim().matches("\\d{4}")) {
            year = Long.parseLong(s.trim());
        }
        if (year == null || year < FIRST_YEAR || year > LAST_YEAR) {
            problems.add(new Violation(CycleVariables.YEAR, "ÅR",
                    "Oppgi året midlene gjelder, mellom " + FIRST_YEAR + " og " + LAST_YEAR + "."));
            return null;
        }
        return year.intValue();
    }

    private static Money frame(DelegateExecution execution, List<Violation> problems) {
        Object ore = execution.getVariable(CycleVariables.FRAME_ORE);
        Money frame;
        if (ore instanceof Number n && !(ore instanceof Double) && !(ore instanceof Float)) {
            try {
                frame = Money.ofOre(n.longValue());
            } catch (IllegalArgumentException e) {
                problems.add(new Violation(CycleVariables.FRAME_ORE, "BELØP", e.getMessage()));
                return null;
            }
        } else if (ore != null) {
            problems.add(new Violation(CycleVariables.FRAME_ORE, "BELØP", "rammeOre må være et heltall øre (Long)."));
            return null;
        } else {
            String typed = ProcessSupport.text(execution, CycleVariables.FRAME);
            var problem = Money.problemWith(typed);
            if (problem.isPresent()) {
                problems.add(new Violation(CycleVariables.FRAME, "BELØP", "Rammen: " + problem.get()));
                return null;
            }
            frame = Money.parse(typed);
        }
        if (!frame.isPositive()) {
            problems.add(new Violation(CycleVariables.FRAME, "BELØP", "Rammen må være større enn 0 kr."));
            return null;
        }
        return frame;
    }
}
