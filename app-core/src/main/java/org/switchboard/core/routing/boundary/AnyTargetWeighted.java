package org.switchboard.core.routing.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Objects;

/** A weighted draw needs something to draw: at least one target with a weight above 0 (absent means 1). */
@Constraint(validatedBy = AnyTargetWeighted.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface AnyTargetWeighted {
    String message() default "at least one target needs a weight above 0";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<AnyTargetWeighted, List<PolicyTarget>> {
        @Override
        public boolean isValid(List<PolicyTarget> targets, ConstraintValidatorContext context) {
            return targets == null
                    || targets.isEmpty()
                    || targets.stream().filter(Objects::nonNull).anyMatch(t -> t.weight() == null || t.weight() > 0);
        }
    }
}
