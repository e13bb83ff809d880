package org.switchboard.core.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.accounts.boundary.AdminAccounts;
import org.switchboard.core.platform.SchemaReady;
import org.switchboard.core.tenants.entity.Caller;

/**
 * Creates the first console operator once the schema exists, if there is none yet. The password comes
 * from {@code switchboard.admin.password} (environment SWITCHBOARD_ADMIN_PASSWORD); without it one is
 * generated and logged once, the only time it is ever shown.
 */
@ApplicationScoped
public class AdminSeeder {
    private static final Logger LOG = Logger.getLogger(AdminSeeder.class.getName());

    @Inject
    AdminAccounts accounts;

    @Inject
    @ConfigProperty(name = "switchboard.admin.username")
    String username;

    @Inject
    @ConfigProperty(name = "switchboard.admin.password")
    Optional<String> password;

    void seed(@Observes SchemaReady ready) {
        if (accounts.anyExists()) {
            return;
        }
        String secret = password.filter(p -> !p.isBlank()).orElseGet(AdminSeeder::generated);
        accounts.create(username, secret, Set.of(Caller.PLATFORM_ADMIN_ROLE));
        if (password.isEmpty()) {
            LOG.warning("Created console operator '" + username + "' with generated password " + secret
                    + " (shown once; set switchboard.admin.password to choose it)");
        } else {
            LOG.info("Created console operator '" + username + "' with the configured password");
        }
    }

    private static String generated() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
