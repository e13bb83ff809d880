package org.switchboard.core.routing.boundary;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.switchboard.core.platform.OnCreate;

/** Hibernate Validator as the container runs it, with the provider kinds a test names instead of the adapters. */
final class Validators {
    static final List<String> KINDS = List.of("anthropic", "openai", "simulator");

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .constraintValidatorFactory(new Kinds())
            .buildValidatorFactory()
            .getValidator();

    private Validators() {}

    /** The property paths a new row with these values breaks. */
    static Set<String> createViolations(Object request) {
        return paths(VALIDATOR.validate(request, OnCreate.class));
    }

    /** The property paths a change with these values breaks (what it leaves null it keeps). */
    static Set<String> changeViolations(Object request) {
        return paths(VALIDATOR.validate(request));
    }

    static <T> Set<ConstraintViolation<T>> validate(T request) {
        return VALIDATOR.validate(request, OnCreate.class);
    }

    private static <T> Set<String> paths(Set<ConstraintViolation<T>> violations) {
        Set<String> paths = new TreeSet<>();
        violations.forEach(v -> paths.add(v.getPropertyPath().toString()));
        return paths;
    }

    private static final class Kinds implements ConstraintValidatorFactory {
        private final ConstraintValidatorFactory standard =
                Validation.byDefaultProvider().configure().getDefaultConstraintValidatorFactory();

        @Override
        @SuppressWarnings("unchecked")
        public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
            if (key == KnownKind.Check.class) {
                return (T) new KnownKind.Check() {
                    @Override
                    List<String> kinds() {
                        return KINDS;
                    }
                };
            }
            return standard.getInstance(key);
        }

        @Override
        public void releaseInstance(ConstraintValidator<?, ?> instance) {}
    }
}
