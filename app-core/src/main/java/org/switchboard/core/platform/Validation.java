package org.switchboard.core.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Checks a value that only exists inside a boundary (a change laid over the stored row) with Bean Validation,
 * failing the way parameter validation does: with a {@link ConstraintViolationException}.
 */
@ApplicationScoped
public class Validation {
    @Inject
    Validator validator;

    public <T> T check(T value, Class<?>... groups) {
        Set<ConstraintViolation<T>> violations = validator.validate(value, groups);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
