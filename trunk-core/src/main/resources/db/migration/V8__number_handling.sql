-- Per-trunk number handling: dial plan for received numbers (rules as KIND:prefix, comma-separated, in order),
-- presentation format for sent numbers, identity trust (RFC 3325) and verified caller-ID.
ALTER TABLE trunk ADD COLUMN dial_plan VARCHAR(1000) DEFAULT '' NOT NULL;
ALTER TABLE trunk ADD COLUMN number_format VARCHAR(20) DEFAULT 'E164' NOT NULL;
ALTER TABLE trunk ADD COLUMN tech_prefix VARCHAR(16);
ALTER TABLE trunk ADD COLUMN identity_trust VARCHAR(10) DEFAULT 'UNTRUSTED' NOT NULL;
ALTER TABLE trunk ADD COLUMN verified_caller_id BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE trunk ADD COLUMN default_caller_id VARCHAR(16);
ALTER TABLE trunk ADD COLUMN own_caller_ids VARCHAR(4000) DEFAULT '' NOT NULL;
