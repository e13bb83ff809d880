/**
 * The benchmark: a fast mock OpenAI-compatible upstream, a load client that measures time to first token
 * and total time per streamed request, and the run that puts Switchboard's numbers next to the same load sent
 * straight to the mock, in the same run.
 */
package org.switchboard.bench;
