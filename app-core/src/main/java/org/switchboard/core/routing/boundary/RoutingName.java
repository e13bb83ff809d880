package org.switchboard.core.routing.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A provider name or model alias: 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit,
 * so it can stand in a URL path and in a run's {@code served_by} without quoting. Null is left to
 * {@code @NotNull}.
 */
@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
public @interface RoutingName {
    String message() default "must be 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
