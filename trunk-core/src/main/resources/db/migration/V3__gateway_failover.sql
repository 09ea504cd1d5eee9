-- Gateway priority groups and weights; per-trunk failover policy (issue: carrier-grade routing).
ALTER TABLE trunk_gateway ADD COLUMN priority INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE trunk_gateway ADD COLUMN weight INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE trunk ADD COLUMN retry_codes VARCHAR(255) DEFAULT '408,500,502,503,504' NOT NULL;
ALTER TABLE trunk ADD COLUMN final_codes VARCHAR(255) DEFAULT '404,486,600,603' NOT NULL;
ALTER TABLE trunk ADD COLUMN setup_timeout_ms INTEGER DEFAULT 3000 NOT NULL;
