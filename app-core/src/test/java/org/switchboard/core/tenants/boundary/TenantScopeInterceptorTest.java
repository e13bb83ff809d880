package org.switchboard.core.tenants.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.switchboard.core.tenants.entity.Caller;
import org.switchboard.core.tenants.entity.TenantCriteria;

class TenantScopeInterceptorTest {
    private final TenantScopeInterceptor interceptor = new TenantScopeInterceptor();
    private final TenantScope scope = new TenantScope();

    @Test
    void aMethodTakingACallerRunsInItsTenantAndLeavesNoScopeBehind() throws Exception {
        Object seen = interceptor.enter(call(scope::tenant, "x", caller("acme")));

        assertThat(seen).isEqualTo("acme");
        assertThatThrownBy(scope::tenant).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNestedCallOfAnotherCallerRestoresTheOuterTenant() throws Exception {
        Object seen = interceptor.enter(call(
                () -> {
                    Object inner = interceptor.enter(call(scope::tenant, caller("globex")));
                    return inner + "/" + scope.tenant();
                },
                caller("acme")));

        assertThat(seen).isEqualTo("globex/acme");
    }

    @Test
    void aMethodWithoutACallerKeepsTheScopeItIsCalledIn() throws Exception {
        Object seen = interceptor.enter(call(() -> interceptor.enter(call(scope::tenant, 42L)), caller("acme")));

        assertThat(seen).isEqualTo("acme");
    }

    @Test
    void theScopeIsLeftWhenTheMethodFails() {
        assertThatThrownBy(() -> interceptor.enter(call(
                        () -> {
                            throw new IllegalArgumentException("boom");
                        },
                        caller("acme"))))
                .hasMessage("boom");

        assertThatThrownBy(scope::tenant).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noCallerCanHoldThePlatformScope() {
        assertThatThrownBy(() -> caller(TenantCriteria.EVERY_TENANT)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Caller caller(String tenant) {
        return new Caller(tenant, "user", Set.of());
    }

    private static InvocationContext call(Callable<Object> body, Object... parameters) {
        return new InvocationContext() {
            private final Map<String, Object> data = new HashMap<>();

            @Override
            public Object getTarget() {
                return null;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                return null;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return parameters;
            }

            @Override
            public void setParameters(Object[] params) {}

            @Override
            public Map<String, Object> getContextData() {
                return data;
            }

            @Override
            public Object proceed() throws Exception {
                return body.call();
            }
        };
    }
}
