package org.switchboard.admin.time;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.VaadinSession;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The operator's time zone, as their browser reports it, kept in the session: every time the console shows is
 * in it. Until the browser has answered (the first moments of a session) times are in UTC and say so.
 */
public final class OperatorZone {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private OperatorZone() {}

    /** Asks the browser for its zone once the component is attached, then calls {@code known} with it. */
    public static void whenKnown(Component component, Consumer<ZoneId> known) {
        component.addAttachListener(attach -> attach.getUI().getPage().retrieveExtendedClientDetails(details -> {
            ZoneId zone = parse(details.getTimeZoneId());
            VaadinSession.getCurrent().setAttribute(ZoneId.class, zone);
            known.accept(zone);
        }));
    }

    public static ZoneId current() {
        VaadinSession session = VaadinSession.getCurrent();
        ZoneId zone = session == null ? null : session.getAttribute(ZoneId.class);
        return zone == null ? ZoneOffset.UTC : zone;
    }

    /** {@code instant} in the operator's zone; empty for null. */
    public static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(current()));
    }

    /** A duration as milliseconds ({@code 1 234 ms}); a dash for null. */
    public static String millis(Duration duration) {
        return duration == null ? "–" : String.format("%,d ms", duration.toMillis());
    }

    static ZoneId parse(String id) {
        try {
            return id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
