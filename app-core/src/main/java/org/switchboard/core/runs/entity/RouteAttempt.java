package org.switchboard.core.runs.entity;

/**
 * One attempt of a run's route: a call to a target ({@code provider/model}), a retry included, or a target the
 * route passed over without calling it. {@code outcome} is {@link #SERVED} for the call that served the run,
 * else a problem type: the call's failure ({@code upstream-error}, {@code upstream-quota}, {@code upstream-timeout},
 * ...), why a target was passed over ({@code breaker-open}, {@code rate-limited}: resting after a 429), or how the
 * run ended while the call was still waiting for its first token ({@code deadline-exceeded}, {@code cancelled},
 * {@code instance-stopped}). {@code status} is the upstream's HTTP status when a failure had one, else null;
 * {@code startedMillis} counts from the start of the run's generation and {@code tookMillis} to the attempt's end
 * (for the serving call, the run's end; 0 for a target passed over).
 */
public record RouteAttempt(String target, String outcome, Integer status, long startedMillis, long tookMillis) {
    public static final String SERVED = "served";
    public static final String BREAKER_OPEN = "breaker-open";
    public static final String RATE_LIMITED = "rate-limited";

    public boolean served() {
        return SERVED.equals(outcome);
    }
}
