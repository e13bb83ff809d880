package org.switchboard.core.tenants.boundary;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.switchboard.core.tenants.entity.Caller;

/** Enters the caller's tenant scope for a {@link TenantScoped} boundary method that takes a {@link Caller}. */
@TenantScoped
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class TenantScopeInterceptor {
    @AroundInvoke
    public Object enter(InvocationContext invocation) throws Exception {
        Caller caller = callerOf(invocation.getParameters());
        if (caller == null) {
            return invocation.proceed();
        }
        String outer = TenantScope.enter(caller.tenant());
        try {
            return invocation.proceed();
        } finally {
            TenantScope.leave(outer);
        }
    }

    private static Caller callerOf(Object[] parameters) {
        if (parameters == null) { // Payara's EJB container passes none for a method without parameters
            return null;
        }
        for (Object parameter : parameters) {
            if (parameter instanceof Caller caller) {
                return caller;
            }
        }
        return null;
    }
}
