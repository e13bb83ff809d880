/**
 * LLM providers behind one SPI. Each {@link org.switchboard.core.providers.control.ChatProvider} turns an
 * upstream's wire dialect into normalized callbacks (delta, usage, complete, error); the run engine never
 * sees a dialect. The built-in {@link org.switchboard.core.providers.control.Simulator} is the default provider
 * of the embedded setup, the tests and the benchmark.
 */
package org.switchboard.core.providers;
