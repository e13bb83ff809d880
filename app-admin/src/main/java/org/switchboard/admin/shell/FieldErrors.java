package org.switchboard.admin.shell;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.data.binder.Binder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.Set;

/**
 * Shows a boundary's Bean Validation refusal on the form's own fields: the binder checks what it can before a
 * save, and the boundary, which decides, checks everything again (a URL a dialect needs, a provider a target
 * names); its violations land on the field of the same property name. Whatever has no field is returned.
 */
public final class FieldErrors {
    private FieldErrors() {}

    /** Marks the fields of {@code binder} the violations name; answers the messages no field took. */
    public static String show(Binder<?> binder, Set<ConstraintViolation<?>> violations, String prefix) {
        StringBuilder rest = new StringBuilder();
        for (ConstraintViolation<?> violation : violations) {
            String path = violation.getPropertyPath().toString();
            boolean shown = path.startsWith(prefix) && mark(binder, lastNode(violation.getPropertyPath()), violation);
            if (!shown) {
                rest.append(rest.length() == 0 ? "" : "; ")
                        .append(path)
                        .append(' ')
                        .append(violation.getMessage());
            }
        }
        return rest.toString();
    }

    private static boolean mark(Binder<?> binder, String property, ConstraintViolation<?> violation) {
        return binder.getBinding(property)
                .map(binding -> binding.getField())
                .filter(HasValidation.class::isInstance)
                .map(field -> {
                    HasValidation validated = (HasValidation) field;
                    validated.setErrorMessage(violation.getMessage());
                    validated.setInvalid(true);
                    return true;
                })
                .orElse(false);
    }

    private static String lastNode(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }
}
