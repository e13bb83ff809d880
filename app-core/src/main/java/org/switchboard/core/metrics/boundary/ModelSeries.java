package org.switchboard.core.metrics.boundary;

import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.metrics.control.RunMeters;

/**
 * The meters of the runs of one model alias served by one target, resolved once ({@link RunMetrics#series}) and held
 * by the run: recording a token gap is then one timer update, with no tag built and nothing allocated.
 */
public final class ModelSeries {
    final String model;
    final Timer firstToken;
    final Timer duration;
    final Timer gap;
    final RunMeters.Endings endings;

    ModelSeries(String model, Timer firstToken, Timer duration, Timer gap, RunMeters.Endings endings) {
        this.model = model;
        this.firstToken = firstToken;
        this.duration = duration;
        this.gap = gap;
        this.endings = endings;
    }

    /** Records the time between two consecutive tokens. */
    public void gap(long nanos) {
        gap.record(nanos, TimeUnit.NANOSECONDS);
    }
}
