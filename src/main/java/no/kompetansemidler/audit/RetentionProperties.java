package no.kompetansemidler.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a case's history is kept after the case ends (kompetansemidler.retention.case-history-years, default 10
 * years). Every model's history time-to-live follows it.
 */
@Validated
@ConfigurationProperties("kompetansemidler.retention")
public record RetentionProperties(
        @Min(value = 1, message = "må være minst 1 år") @Max(value = 100, message = "kan være høyst 100 år")
        Integer caseHistoryYears) {

    public RetentionProperties {
        if (caseHistoryYears == null) {
            caseHistoryYears = 10;
        }
    }

    /** The time-to-live in days: 366 per year, so that it is never shorter than the years, leap years included. */
    public int days() {
        return caseHistoryYears * 366;
    }
}
