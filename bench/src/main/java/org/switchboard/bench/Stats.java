package org.switchboard.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a set of samples (nearest rank). */
record Stats(double p50, double p99, double mean, int count) {
    static Stats of(List<Double> samples) {
        double[] sorted =
                samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new Stats(
                rank(sorted, 0.50),
                rank(sorted, 0.99),
                Arrays.stream(sorted).average().orElse(0),
                sorted.length);
    }

    private static double rank(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
