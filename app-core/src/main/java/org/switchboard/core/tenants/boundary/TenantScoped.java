package org.switchboard.core.tenants.boundary;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a boundary whose methods act for a {@link org.switchboard.core.tenants.entity.Caller}: while such a method
 * runs, the {@link TenantScope} of its thread is the caller's tenant. Methods without a {@code Caller} parameter
 * run in whatever scope their thread already has (none, outside a boundary: then tenant-scoped reads fail).
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TenantScoped {}
