-- Each attempt of a run's route, as a JSON array written once, with the run's end (RunRows' END statement):
-- [{"target":"provider/model","outcome":"served"|"<problem type>","status":503,"started_ms":0,"took_ms":12}, ...].
-- NULL for a run that made no attempt (and for runs that ended before this column existed).
ALTER TABLE runs ADD COLUMN route_attempts MEDIUMTEXT NULL;

-- The deadlines a routing policy sets for the runs it routes, as a JSON object of the fields it chose
-- ({"first_token_ms":2000,"gap_ms":...,"total_ms":...}); a field left out takes the instance's
-- switchboard.runs.deadline.* when a run starts. Existing policies choose none.
ALTER TABLE routing_policies ADD COLUMN deadlines VARCHAR(512) NOT NULL DEFAULT '{}';
