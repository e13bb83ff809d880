package org.switchboard.core.routing.control;

import java.util.concurrent.ScheduledExecutorService;
import org.switchboard.core.providers.control.ProviderAdapter;
import org.switchboard.core.providers.control.Upstream;

/** What a request routed over targets needs from the application (the {@link Router} in production). */
interface TargetServices {
    ProviderAdapter adapter(String kind);

    /** The target's upstream with its key opened; throws when the key cannot be opened. */
    Upstream upstream(RouteTarget target);

    void flagKey(RouteTarget target, String reason);

    TargetHealth health();

    /** Where back-offs wait. */
    ScheduledExecutorService timers();
}
