package org.switchboard.core.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable problem type (a {@link SwitchboardException#type()} slug) under which a constraint violation of
 * this request record is reported, so a record checked by Bean Validation answers with the same type its
 * hand-written checks did.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ViolationType {
    String value();
}
