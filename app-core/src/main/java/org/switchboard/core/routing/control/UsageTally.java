package org.switchboard.core.routing.control;

import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.Usage;

/**
 * The usage one generation reports, costed at the serving target's prices: the upstream's own when it sends
 * one, else an estimate from the text streamed, which is kept only until the upstream's usage arrives.
 * Not thread-safe: its generation's lock guards it.
 */
final class UsageTally {
    private boolean reported;
    private StringBuilder output;

    void text(String delta) {
        if (!reported) {
            if (output == null) {
                output = new StringBuilder();
            }
            output.append(delta);
        }
    }

    Usage reported(Usage usage, RouteTarget target) {
        reported = true;
        output = null;
        return usage.withCost(target.cost(usage));
    }

    /** The estimate to report at completion, or null when the upstream reported its usage. */
    Usage unreported(ChatRequest request, RouteTarget target) {
        if (reported) {
            return null;
        }
        Usage estimate = UsageEstimator.estimate(request, output == null ? "" : output);
        return estimate.withCost(target.cost(estimate));
    }
}
