package org.switchboard.core.routing.control;

import java.util.List;
import org.switchboard.core.routing.entity.Resilience;
import org.switchboard.core.routing.entity.Strategy;

/** A model alias as the routing table resolved it for one tenant: strategy, targets, resilience settings. */
public record Route(long policyId, String alias, Strategy strategy, List<RouteTarget> targets, Resilience resilience) {}
