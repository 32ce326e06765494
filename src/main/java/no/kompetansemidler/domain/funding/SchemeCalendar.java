package no.kompetansemidler.domain.funding;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The yearly calendar of a scheme (domain README, "The yearly cycle"). For the money of year Y: need mapping
 * opens in Y-1, the need report, the forum's innstilling and the decisions fall in Y, the report in Y+1; the self-evaluation opens in Y, after the decisions.
 */
public record SchemeCalendar(MonthDay needMappingOpens, MonthDay needReportDeadline, int reminderDaysBeforeDeadline,
                             MonthDay recommendationDeadline, MonthDay decisionDeadline, MonthDay selfEvaluationOpens,
                             MonthDay reportDeadline) {

    public LocalDate needMappingOpens(int year) {
        return needMappingOpens.atYear(year - 1);
    }

    public LocalDate needReportDeadline(int year) {
        return needReportDeadline.atYear(year);
    }

    public LocalDate needReportReminder(int year) {
        return needReportDeadline(year).minusDays(reminderDaysBeforeDeadline);
    }

    public LocalDate recommendationDeadline(int year) {
        return recommendationDeadline.atYear(year);
    }

    public LocalDate decisionDeadline(int year) {
        return decisionDeadline.atYear(year);
    }

    public LocalDate selfEvaluationOpens(int year) {
        return selfEvaluationOpens.atYear(year);
    }

    public LocalDate selfEvaluationReminder(int year) {
        return reportDeadline(year).minusDays(reminderDaysBeforeDeadline);
    }

    public LocalDate reportDeadline(int year) {
        return reportDeadline.atYear(year + 1);
    }

    /** Whether the dates of one year come in the order of the cycle. */
    public boolean isInCycleOrder() {
        return needReportDeadline.isBefore(recommendationDeadline) && recommendationDeadline.isBefore(decisionDeadline)
                && decisionDeadline.isBefore(selfEvaluationOpens);
    }
}
