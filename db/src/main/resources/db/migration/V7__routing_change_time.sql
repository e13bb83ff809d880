-- When the routing configuration last changed (the database's clock, like every reader's): an instance that reloads
-- its routing table measures how long the change took to reach it (metric switchboard_routing_switch_seconds).
ALTER TABLE routing_version ADD COLUMN changed_at TIMESTAMP(6) NULL;
