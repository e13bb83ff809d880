package org.switchboard.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.core.accounts.entity.Operator;
import org.switchboard.core.tenants.entity.Caller;

class ConsoleCallerTest {
    @Test
    void aTenantAdminActsForTheirOwnTenantWhateverTenantIsAskedFor() {
        Caller caller = ConsoleCaller.of(new Operator("ann", "acme", Set.of("admin")), "globex");

        assertThat(caller.tenant()).isEqualTo("acme");
        assertThat(caller.isAdmin()).isTrue();
        assertThat(caller.isPlatformAdmin()).isFalse();
    }

    @Test
    void aPlatformOperatorIsAPlatformAdminActingForTheTenantAskedFor() {
        Caller caller = ConsoleCaller.of(new Operator("root", Set.of("admin")), "globex");

        assertThat(caller.tenant()).isEqualTo("globex");
        assertThat(caller.isPlatformAdmin()).isTrue();
        assertThat(caller.isAdmin()).isTrue();
    }

    @Test
    void aPlatformOperatorWithoutAnAdminRoleGainsNone() {
        Caller caller = ConsoleCaller.of(new Operator("viewer", Set.of("support")), null);

        assertThat(caller.isPlatformAdmin()).isFalse();
        assertThat(caller.isAdmin()).isFalse();
        assertThat(caller.tenant()).isEqualTo(ConsoleCaller.NO_TENANT);
    }
}
