package org.switchboard.admin.shell;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Optional;
import java.util.Set;
import org.switchboard.core.platform.SwitchboardException;

/**
 * What a boundary call's failure means to a view. A boundary's named conditions arrive as they are
 * ({@link SwitchboardException} is an application exception); Bean Validation's refusal arrives wrapped by the
 * EJB container, so the cause chain is searched.
 */
public final class Failures {
    private Failures() {}

    public static Optional<SwitchboardException> condition(Throwable failure) {
        return find(failure, SwitchboardException.class);
    }

    public static Optional<Set<ConstraintViolation<?>>> violations(Throwable failure) {
        return find(failure, ConstraintViolationException.class)
                .map(ConstraintViolationException::getConstraintViolations);
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
