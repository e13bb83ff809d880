/**
 * LLM providers behind one SPI. Each {@link org.switchboard.core.providers.control.ChatProvider} turns an
 * upstream's wire dialect into normalized callbacks (delta, usage, complete, error); the run engine never
 * sees a dialect. The built-in {@link org.switchboard.core.providers.control.Simulator} is the default provider
 * of the embedded setup, the tests and the benchmark.
 *
 * <p>Providers owns the wire dialects, the OpenAI chat body among them
 * ({@link org.switchboard.core.providers.control.OpenAiWire#chatFields}, which runs also stores requests in), and
 * the provider-neutral values in {@code entity} (requests, usage, failures, the simulator's hint names). It
 * depends on platform only: an adapter is stateless and gets everything about a call in an
 * {@link org.switchboard.core.providers.control.Upstream}, so it never needs to know routing's configuration
 * rows. Routing and runs depend on providers, never the reverse; the architecture test keeps the features
 * free of cycles.
 */
package org.switchboard.core.providers;
