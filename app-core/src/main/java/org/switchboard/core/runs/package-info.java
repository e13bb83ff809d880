/**
 * Runs: every LLM request is a server-side generation with an append-only event log (seq 1, 2, 3 ...).
 *
 * <p>Invariants: an event is published to live subscribers only after the batch that holds it is committed,
 * so anything a client has seen survives a crash of the app server; seqs of a run have no gap and no
 * duplicate; every run ends with exactly one terminal event ({@code done} or {@code error}); a run whose
 * instance died is ended {@code incomplete} by the lease reaper, so nothing stays {@code running} forever.
 *
 * <p>One writer per table: {@code control.RunRows} makes every change to a {@code runs} row,
 * {@code control.EventWriter} writes every {@code run_events} row and {@code control.RunCompactor} every
 * {@code run_logs} row, all with plain JDBC; JPA only reads them ({@code entity.Run}, {@code entity.RunEvent} and
 * {@code entity.CompactLog} are read-only), so no version is kept in step by hand.
 *
 * <p>Compaction: a few seconds after a run has ended, its {@code run_events} rows are replaced by one
 * {@code run_logs} row ({@code control.LogCodec}) in one transaction; every read of a log
 * ({@code control.LogReads}) takes whichever holds it and returns the same events, seqs, data and moments.
 *
 * <p>A run's deadlines are fixed when it starts (what its routing policy chose, the instance's for the rest), so
 * the check of every live run four times a second looks nothing up. Its route's attempts are collected in memory
 * and written with its end, by the statement that ends its row: nothing is written per token.
 *
 * <p>Dependencies: runs uses providers (the generation SPI, the request and usage values), routing (which
 * target serves a model), tenants (the caller) and platform. Features that react to runs depend on runs, never the reverse: a run's
 * end is announced by the {@link org.switchboard.core.runs.entity.RunEnded} event. Callers reach runs through
 * {@code boundary} ({@link org.switchboard.core.runs.boundary.Runs}, scoped to the caller) and follow a run's
 * events with an {@code entity} {@link org.switchboard.core.runs.entity.RunSubscriber}.
 */
package org.switchboard.core.runs;
