package org.switchboard.core.routing.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

/**
 * A provider that calls out over HTTP has an http(s) {@code base_url} with a host; only the built-in
 * simulator needs none. Reported on {@code baseUrl}.
 */
@Constraint(validatedBy = UpstreamUrl.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UpstreamUrl {
    String message() default "must be an http(s) URL such as https://api.openai.com/v1";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<UpstreamUrl, ProviderRequest> {
        @Override
        public boolean isValid(ProviderRequest provider, ConstraintValidatorContext context) {
            if (provider == null
                    || provider.kind() == null
                    || "simulator".equals(provider.kind())
                    || isHttpUrl(provider.baseUrl())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("baseUrl")
                    .addConstraintViolation();
            return false;
        }

        static boolean isHttpUrl(String url) {
            try {
                URI uri = URI.create(url == null ? "" : url);
                return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
