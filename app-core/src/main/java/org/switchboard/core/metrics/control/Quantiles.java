package org.switchboard.core.metrics.control;

/**
 * A quantile estimated from histogram buckets the way Prometheus' {@code histogram_quantile} does: find the bucket the
 * rank falls in and interpolate linearly inside it. Buckets merge across labels and subtract across time, which
 * client-side percentiles do not; that is why the dashboard uses them.
 */
final class Quantiles {
    private Quantiles() {}

    /**
     * @param bounds the buckets' upper bounds in seconds, ascending
     * @param cumulative how many observations were at most each bound
     * @param total how many observations there were, above the highest bound too
     * @return the estimate in milliseconds, null without observations; the highest bound when the rank lies above it
     */
    static Double millis(double[] bounds, long[] cumulative, long total, double q) {
        if (total <= 0) {
            return null;
        }
        double rank = q * total;
        long below = 0;
        double lower = 0;
        for (int i = 0; i < bounds.length; i++) {
            if (cumulative[i] >= rank) {
                long inBucket = cumulative[i] - below;
                double fraction = inBucket == 0 ? 1 : (rank - below) / inBucket;
                return (lower + (bounds[i] - lower) * fraction) * 1000;
            }
            below = cumulative[i];
            lower = bounds[i];
        }
        return bounds[bounds.length - 1] * 1000;
    }
}
