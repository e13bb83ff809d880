package org.switchboard.core.tenants.control;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Arrays;
import org.switchboard.core.tenants.boundary.RequiresRole;
import org.switchboard.core.tenants.entity.Caller;
import org.switchboard.core.tenants.entity.RoleRequired;

/**
 * Enforces {@link RequiresRole}: the call's {@link Caller} argument must hold one of the declared roles. Runs
 * before parameter validation (a lower priority than the validation interceptor's), so a caller without the
 * role learns nothing about what a valid request would be.
 */
@Interceptor
@RequiresRole({})
@Priority(Interceptor.Priority.APPLICATION)
public class RoleCheck {

    @AroundInvoke
    Object check(InvocationContext invocation) throws Exception {
        RequiresRole declared = declared(invocation);
        Object[] parameters = invocation.getParameters();
        Caller caller = Arrays.stream(parameters == null ? new Object[0] : parameters)
                .filter(Caller.class::isInstance)
                .map(Caller.class::cast)
                .findFirst()
                .orElseThrow(() ->
                        new IllegalStateException(invocation.getMethod() + " declares roles but takes no Caller"));
        if (!admits(declared.value(), caller)) {
            throw new RoleRequired("This needs the " + String.join(" or ", declared.value()) + " role");
        }
        return invocation.proceed();
    }

    static boolean admits(String[] roles, Caller caller) {
        return Arrays.stream(roles).anyMatch(caller.roles()::contains);
    }

    private static RequiresRole declared(InvocationContext invocation) {
        RequiresRole onMethod = invocation.getMethod().getAnnotation(RequiresRole.class);
        return onMethod != null
                ? onMethod
                : invocation.getMethod().getDeclaringClass().getAnnotation(RequiresRole.class);
    }
}
