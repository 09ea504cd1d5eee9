-- How long a call may ring (after the callee's first provisional) before Trunkline cancels it and answers 480.
-- Existing trunks get the default; before this, a call rang until its application session expired (3 minutes).
ALTER TABLE trunk ADD COLUMN ring_timeout_s INTEGER DEFAULT 120 NOT NULL;
