-- OPTIONS probing of a trunk's gateways: interval 0 means off.
ALTER TABLE trunk ADD COLUMN probe_interval_seconds INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE trunk ADD COLUMN probe_down_after INTEGER DEFAULT 3 NOT NULL;
