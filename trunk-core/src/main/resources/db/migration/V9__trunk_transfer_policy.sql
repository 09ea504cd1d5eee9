-- What a REFER from the trunk does (RELAY, TRANSFER or REJECT); REJECT is what Trunkline did before.
ALTER TABLE trunk ADD COLUMN transfer_policy VARCHAR(16) DEFAULT 'REJECT' NOT NULL;
