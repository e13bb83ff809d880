package org.switchboard.admin.security;

import com.vaadin.flow.server.VaadinSession;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.switchboard.core.accounts.entity.Operator;
import org.switchboard.core.tenants.entity.Caller;

/**
 * The operator signed in to the current Vaadin session, the tenant it acts for and its time zone. Views pass
 * {@link #caller()} to every boundary call: the boundary, not the view, decides what that caller may do.
 */
public final class SignedIn {
    private static final String TENANT = "switchboard.console.tenant";
    private static final String ZONE = "switchboard.console.zone";

    private SignedIn() {}

    public static Optional<Operator> operator() {
        VaadinSession session = VaadinSession.getCurrent();
        return Optional.ofNullable(session == null ? null : session.getAttribute(Operator.class));
    }

    /** The caller of the signed-in operator, acting for {@link #tenant()}. */
    public static Caller caller() {
        return operator()
                .orElseThrow(() -> new IllegalStateException("No operator signed in"))
                .actingFor(tenant());
    }

    /** A tenant operator's own tenant; the tenant a platform operator chose (the configured default at first). */
    public static String tenant() {
        Operator operator = operator().orElseThrow(() -> new IllegalStateException("No operator signed in"));
        if (!operator.platform()) {
            return operator.tenant();
        }
        Object chosen = VaadinSession.getCurrent().getAttribute(TENANT);
        return chosen != null ? chosen.toString() : defaultTenant();
    }

    /** A platform operator acts for another tenant from now on; a tenant operator cannot. */
    public static void actFor(String tenant) {
        if (operator().map(Operator::platform).orElse(false)) {
            VaadinSession.getCurrent().setAttribute(TENANT, tenant);
        }
    }

    public static boolean platform() {
        return operator().map(Operator::platform).orElse(false);
    }

    /** The operator's time zone, as its browser reported it at sign-in; UTC until known. */
    public static ZoneId zone() {
        VaadinSession session = VaadinSession.getCurrent();
        Object zone = session == null ? null : session.getAttribute(ZONE);
        return zone instanceof ZoneId id ? id : ZoneId.of("UTC");
    }

    static void set(Operator operator, ZoneId zone) {
        VaadinSession.getCurrent().setAttribute(Operator.class, operator);
        VaadinSession.getCurrent().setAttribute(ZONE, zone);
    }

    public static void signOut() {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(Operator.class, null);
        session.getSession().invalidate();
    }

    private static String defaultTenant() {
        return ConfigProvider.getConfig()
                .getOptionalValue("switchboard.console.default-tenant", String.class)
                .orElse("demo");
    }
}
