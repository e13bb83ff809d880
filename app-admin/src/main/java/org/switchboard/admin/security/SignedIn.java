package org.switchboard.admin.security;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import org.switchboard.core.accounts.entity.Operator;

/** The operator signed in to the current Vaadin session, if any. */
public final class SignedIn {
    private SignedIn() {}

    public static Optional<Operator> operator() {
        VaadinSession session = VaadinSession.getCurrent();
        return Optional.ofNullable(session == null ? null : session.getAttribute(Operator.class));
    }

    static void set(Operator operator) {
        VaadinSession.getCurrent().setAttribute(Operator.class, operator);
    }

    public static void signOut() {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(Operator.class, null);
        session.getSession().invalidate();
    }
}
