package org.switchboard.core.tenants.boundary;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the roles a boundary method (or every method of a boundary) needs: the {@link
 * org.switchboard.core.tenants.entity.Caller} argument of the call must hold at least one of them, or the call
 * is refused as forbidden before it starts. The caller travels as an argument, not as the container's principal
 * (the web tier authenticates bearer tokens itself), which is why this is not {@code @RolesAllowed}.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {
    /** Any one of these roles admits the caller. */
    @Nonbinding
    String[] value();
}
