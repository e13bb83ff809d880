package org.switchboard.core.metrics.boundary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.IntSupplier;
import org.switchboard.core.metrics.control.Registry;
import org.switchboard.core.metrics.control.RunMeters;

/** Where the web layer's event streams record their subscribers and the streams they lose. */
@ApplicationScoped
public class StreamMetrics {
    @Inject
    Registry registry;

    private Counter clientGone;
    private Counter tooSlow;

    @PostConstruct
    void start() {
        clientGone = disconnects("client-gone");
        tooSlow = disconnects("too-slow");
    }

    /** Publishes how many event streams (SSE subscribers) are open on this instance now. */
    public void liveStreams(IntSupplier count) {
        Gauge.builder(RunMeters.STREAMS_LIVE, count::getAsInt)
                .description("Event streams (SSE subscribers) open on this instance")
                .strongReference(true)
                .register(registry.meters());
    }

    /** A stream ended early because its client went away (a failed write). */
    public void clientGone() {
        clientGone.increment();
    }

    /** A stream was dropped because its client fell too far behind or stopped reading. */
    public void tooSlow() {
        tooSlow.increment();
    }

    private Counter disconnects(String reason) {
        return Counter.builder(RunMeters.DISCONNECTS)
                .description("Event streams that ended before their run's last event; the client may resume")
                .tag("reason", reason)
                .register(registry.meters());
    }
}
