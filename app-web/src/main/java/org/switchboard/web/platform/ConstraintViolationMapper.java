package org.switchboard.web.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.List;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.platform.ViolationType;

/**
 * A request that breaks Bean Validation constraints, as a 400 problem whose {@code violations} name each field
 * by its JSON path ({@code targets[0].weight}, {@code resilience.max_attempts}) with what is wrong. The type is
 * the one the request record declares ({@link ViolationType}), so it stays what the hand-written checks said.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
    static final String DEFAULT_TYPE = "invalid-input";

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(field(v), v.getMessage(), type(v)))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
        String type = violations.stream()
                .map(Violation::type)
                .filter(t -> t != null)
                .findFirst()
                .orElse(DEFAULT_TYPE);
        String detail = String.join(
                "; ",
                violations.stream()
                        .map(v -> (v.field + " " + v.message).strip())
                        .toList());
        JsonObject problem = Problems.body(400, type, "Invalid request", detail, RequestIds.of(request));
        JsonArrayBuilder list = JsonP.createArrayBuilder();
        violations.forEach(
                v -> list.add(JsonP.createObjectBuilder().add("field", v.field).add("message", v.message)));
        return Response.status(400)
                .type(Problems.PROBLEM_JSON)
                .entity(withViolations(problem, list).toString())
                .build();
    }

    private static JsonObject withViolations(JsonObject problem, JsonArrayBuilder violations) {
        var body = JsonP.createObjectBuilder();
        problem.forEach(body::add);
        return body.add("violations", violations).build();
    }

    private record Violation(String field, String message, String type) {}

    /** The JSON path of the value a violation is about: record components by their JSON-B names, list indexes. */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        Object current = violation.getRootBean();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                current = violation
                        .getExecutableParameters()[
                        node.as(Path.ParameterNode.class).getParameterIndex()];
                continue;
            }
            if (node.isInIterable()) {
                current = element(current, node);
                path.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                path.append(path.isEmpty() ? "" : ".").append(jsonName(current, node.getName()));
                current = value(current, node.getName());
            }
        }
        return path.toString();
    }

    /** The problem type of the request the violation is about, if its record declares one. */
    static String type(ConstraintViolation<?> violation) {
        Object request = violation.getRootBean();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                request = violation
                        .getExecutableParameters()[
                        node.as(Path.ParameterNode.class).getParameterIndex()];
                break;
            }
        }
        ViolationType declared = request == null ? null : request.getClass().getAnnotation(ViolationType.class);
        return declared == null ? null : declared.value();
    }

    private static String jsonName(Object owner, String name) {
        if (owner != null) {
            try {
                JsonbProperty renamed = owner.getClass().getDeclaredField(name).getAnnotation(JsonbProperty.class);
                if (renamed != null && !renamed.value().isEmpty()) {
                    return renamed.value();
                }
            } catch (NoSuchFieldException e) {
                // a property without a field of that name keeps its Java name
            }
        }
        return name;
    }

    private static Object value(Object owner, String name) {
        if (owner == null || !owner.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : owner.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(owner);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Object element(Object container, Path.Node node) {
        if (container instanceof List<?> list && node.getIndex() != null && node.getIndex() < list.size()) {
            return list.get(node.getIndex());
        }
        if (container instanceof java.util.Map<?, ?> map && node.getKey() != null) {
            return map.get(node.getKey());
        }
        return null;
    }
}
