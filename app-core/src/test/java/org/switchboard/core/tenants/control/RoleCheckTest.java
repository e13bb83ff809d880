package org.switchboard.core.tenants.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.core.tenants.entity.Caller;

/** A caller is admitted by any one of the declared roles. */
class RoleCheckTest {
    private static final String[] ADMINS = {Caller.ADMIN_ROLE, Caller.PLATFORM_ADMIN_ROLE};

    @Test
    void anyDeclaredRoleAdmits() {
        assertThat(RoleCheck.admits(ADMINS, new Caller("t", "u", Set.of("admin"))))
                .isTrue();
        assertThat(RoleCheck.admits(ADMINS, new Caller("t", "u", Set.of("user", "platform-admin"))))
                .isTrue();
    }

    @Test
    void noDeclaredRoleRefuses() {
        assertThat(RoleCheck.admits(ADMINS, new Caller("t", "u", Set.of("user"))))
                .isFalse();
        assertThat(RoleCheck.admits(ADMINS, new Caller("t", "u", Set.of()))).isFalse();
    }
}
