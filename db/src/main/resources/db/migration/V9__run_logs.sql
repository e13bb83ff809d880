-- A finished run's event log in one row (issue 17: about 8 KB of database per streamed request, 67 run_events rows
-- of a 64-token run). Once a run has ended, its run_events rows are replaced by one run_logs row in one transaction;
-- replay reads whichever holds the run's events and returns the same events, seqs, data and times.
-- body: one version byte, then a raw deflate of the events in columns (kinds, seq steps, time steps in
-- microseconds, data lengths, data); see runs.control.LogCodec. error_type: the problem type of the run's error
-- event (the console filters runs by it), NULL for a run that completed.
CREATE TABLE run_logs (
    run_id     BIGINT       NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(64)  NOT NULL,
    error_type VARCHAR(255) NULL,
    body       MEDIUMBLOB   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
