package org.switchboard.core.chats.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A message id as JSON carries it: a string of 1-19 digits. */
@Pattern(regexp = "[0-9]{1,18}", message = "must be a message id (a string of digits)")
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface MessageId {
    String message() default "must be a message id (a string of digits)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
