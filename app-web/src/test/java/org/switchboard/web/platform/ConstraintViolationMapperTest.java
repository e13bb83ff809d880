package org.switchboard.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.platform.OnCreate;
import org.switchboard.core.routing.boundary.KeyRequest;
import org.switchboard.core.routing.boundary.KnownKind;
import org.switchboard.core.routing.boundary.PolicyRequest;
import org.switchboard.core.routing.boundary.PolicyTarget;
import org.switchboard.core.routing.boundary.ProviderRequest;
import org.switchboard.core.routing.entity.ResilienceSettings;

/** A constraint violation as a 400 problem naming each field by its JSON path, under the request's problem type. */
class ConstraintViolationMapperTest {
    /** Every provider kind counts as known here: {@code KnownKind} asks the adapters, which need CDI. */
    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .constraintValidatorFactory(new AnyKind())
            .buildValidatorFactory()
            .getValidator();

    private static final PolicyRequest BAD_POLICY = new PolicyRequest(
            "chat",
            null,
            List.of(
                    new PolicyTarget("p", "m", null, null, null, null, null),
                    new PolicyTarget("p", "m", null, -1, null, null, new BigDecimal("-1"))),
            new ResilienceSettings(0, null, null, null, null, null, null),
            null,
            null,
            null);

    private static JsonObject answer(Set<? extends ConstraintViolation<?>> violations) {
        Response response = new ConstraintViolationMapper().toResponse(new ConstraintViolationException(violations));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType()).isEqualTo(Problems.PROBLEM_JSON);
        return JsonP.createReader(new StringReader((String) response.getEntity()))
                .readObject();
    }

    private static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                .map(v -> v.getString("field"))
                .toList();
    }

    @Test
    void fieldsAreNamedByTheirJsonPath() {
        JsonObject problem = answer(VALIDATOR.validate(BAD_POLICY, OnCreate.class));

        assertThat(problem.getString("type")).isEqualTo("urn:switchboard:problem:invalid-routing-policy");
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(fields(problem))
                .containsExactly("resilience.max_attempts", "targets[1].output_price_per_1k", "targets[1].weight");
        assertThat(problem.getString("detail")).contains("resilience.max_attempts must be greater than or equal to 1");
        assertThat(problem.getJsonArray("violations").getJsonObject(0).getString("message"))
                .isEqualTo("must be greater than or equal to 1");
    }

    @Test
    void aClassLevelConstraintNamesTheFieldItReportsOn() {
        var provider = new ProviderRequest("p", "openai", "ftp://x", JsonValue.EMPTY_JSON_OBJECT, null, null);

        JsonObject problem = answer(VALIDATOR.validate(provider, OnCreate.class));

        assertThat(problem.getString("type")).isEqualTo("urn:switchboard:problem:invalid-provider");
        assertThat(fields(problem)).containsExactly("base_url");
    }

    @Test
    void aViolatedBoundaryParameterIsNamedFromTheRequestRecord() throws NoSuchMethodException {
        var boundary = new Boundary();
        var method = Boundary.class.getMethod("add", String.class, KeyRequest.class);

        JsonObject problem = answer(VALIDATOR
                .forExecutables()
                .validateParameters(boundary, method, new Object[] {"7", new KeyRequest(" ", null, "gone")}));

        assertThat(problem.getString("type")).isEqualTo("urn:switchboard:problem:invalid-key");
        assertThat(fields(problem)).containsExactly("label", "status");
    }

    @Test
    void aRequestWithoutADeclaredTypeIsInvalidInput() {
        JsonObject problem = answer(VALIDATOR.validate(new Untyped(-1)));

        assertThat(problem.getString("type")).isEqualTo("urn:switchboard:problem:invalid-input");
        assertThat(fields(problem)).containsExactly("count");
    }

    public static class Boundary {
        public void add(String providerId, @Valid KeyRequest request) {}
    }

    private static final class AnyKind implements ConstraintValidatorFactory {
        private final ConstraintValidatorFactory standard =
                Validation.byDefaultProvider().configure().getDefaultConstraintValidatorFactory();

        @Override
        @SuppressWarnings("unchecked")
        public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
            if (key == KnownKind.Check.class) {
                return (T) new KnownKind.Check() {
                    @Override
                    public boolean isValid(String kind, ConstraintValidatorContext context) {
                        return true;
                    }
                };
            }
            return standard.getInstance(key);
        }

        @Override
        public void releaseInstance(ConstraintValidator<?, ?> instance) {}
    }

    record Untyped(@jakarta.validation.constraints.Min(0) int count) {}
}
