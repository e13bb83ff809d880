package org.switchboard.core.routing.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.switchboard.core.providers.control.Adapters;

/** A wire dialect this build has an adapter for ({@code openai}, {@code anthropic}, ...). Null is left to {@code @NotNull}. */
@Constraint(validatedBy = KnownKind.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface KnownKind {
    String message() default "must be a known provider kind";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Asks {@link Adapters}, so the message lists exactly the kinds there are. */
    class Check implements ConstraintValidator<KnownKind, String> {
        @Inject
        Adapters adapters;

        @Override
        public boolean isValid(String kind, ConstraintValidatorContext context) {
            if (kind == null || kinds().contains(kind)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + kinds())
                    .addConstraintViolation();
            return false;
        }

        List<String> kinds() {
            if (adapters == null) { // a validator factory that does not inject: look the adapters up
                adapters = CDI.current().select(Adapters.class).get();
            }
            return adapters.kinds();
        }
    }
}
