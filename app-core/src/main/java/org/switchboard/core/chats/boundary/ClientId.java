package org.switchboard.core.chats.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A client's own local id for a chat or a message: 1-64 characters of {@code A-Z a-z 0-9 . _ : -}. */
@Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'")
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface ClientId {
    String message() default "must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
