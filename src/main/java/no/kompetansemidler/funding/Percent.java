package no.kompetansemidler.funding;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A percentage in a scheme file: given, 0–100, at most two decimals; each breach with its own Norwegian message. */
@NotNull(message = "må angis (prosent, 0–100)")
@DecimalMin(value = "0", message = "kan ikke være under 0 %")
@DecimalMax(value = "100", message = "kan ikke være over 100 %")
@Digits(integer = 3, fraction = 2, message = "kan ha høyst to desimaler")
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface Percent {
    String message() default "må være en prosent (0–100)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
