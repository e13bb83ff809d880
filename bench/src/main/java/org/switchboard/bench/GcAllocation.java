package org.switchboard.bench;

/**
 * Bytes Payara allocated, from Micrometer's {@code jvm_gc_memory_allocated_bytes_total} corrected by the young
 * generation's occupancy: a second method beside the per-thread counters ({@link ThreadAllocation}).
 *
 * <p>Micrometer's counter grows only at a collection, by the eden occupancy before it minus the occupancy after
 * the previous one; between two collections it stands still. Over a phase the allocation is therefore
 * {@code Δcounter + eden(end) − eden(start)}: what the collections in the phase found, minus what was already in
 * eden when the phase began, plus what is in eden when it ends. Exact up to G1's eden granularity (the pool's
 * "used" moves by whole regions, 1 MB for Payara's 512 MB heap) at each end; humongous objects (half a region or
 * more), which G1 allocates straight into the old generation, are not counted.
 */
final class GcAllocation {
    private static final String ALLOCATED = "jvm_gc_memory_allocated_bytes_total";
    private static final String USED = "jvm_memory_used_bytes";
    private static final String EDEN = "id=\"G1 Eden Space\"";

    private final Metrics metrics;

    GcAllocation(Metrics metrics) {
        this.metrics = metrics;
    }

    /** Counter plus eden occupancy now, in bytes ({@code NaN} without metrics). */
    double mark() {
        if (metrics == null) {
            return Double.NaN;
        }
        Metrics.Scrape scrape = metrics.scrape();
        return scrape.value(ALLOCATED) + scrape.value(USED, EDEN);
    }
}
