-- Per-trunk channel and calls-per-second limits; 0 means no limit.
ALTER TABLE trunk ADD COLUMN max_channels INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE trunk ADD COLUMN max_inbound_channels INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE trunk ADD COLUMN max_outbound_channels INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE trunk ADD COLUMN max_cps INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE trunk ADD COLUMN max_inbound_cps INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE trunk ADD COLUMN max_outbound_cps INTEGER DEFAULT 0 NOT NULL;
