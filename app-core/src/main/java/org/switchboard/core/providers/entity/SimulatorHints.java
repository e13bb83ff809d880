package org.switchboard.core.providers.entity;

/**
 * How a request scripts the simulator provider: {@link ChatRequest#hints()} named {@code simulator.tokens},
 * {@code simulator.delay-ms}, {@code simulator.latency-ms}, {@code simulator.fault},
 * {@code simulator.fault-after} and {@code simulator.echo} (the reply is the prompt received). The web layer maps the documented {@code X-Simulator-*} headers to them; other
 * providers ignore them.
 */
public final class SimulatorHints {
    public static final String PREFIX = "simulator.";

    private SimulatorHints() {}
}
