package org.switchboard.core.routing.control;

import java.util.List;
import org.switchboard.core.routing.entity.DeadlineSettings;
import org.switchboard.core.routing.entity.Resilience;
import org.switchboard.core.routing.entity.Strategy;

/**
 * A model alias as the routing table resolved it for one tenant: strategy, targets, resilience settings, and the
 * deadlines its policy chose for the runs it routes (resolved against the instance's by the run engine).
 */
public record Route(
        long policyId,
        String alias,
        Strategy strategy,
        List<RouteTarget> targets,
        Resilience resilience,
        DeadlineSettings deadlines) {

    /** A route whose policy leaves every deadline to the instance. */
    public Route(long policyId, String alias, Strategy strategy, List<RouteTarget> targets, Resilience resilience) {
        this(policyId, alias, strategy, targets, resilience, DeadlineSettings.DEFAULTS);
    }
}
