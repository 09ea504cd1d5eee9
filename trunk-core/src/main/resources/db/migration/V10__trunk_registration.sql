-- REGISTER of a trunk at its carrier's registrar; off unless enabled. Null host/transport/user: the trunk's
-- first gateway and credentials' username; port 0: the gateway's or the transport's default.
ALTER TABLE trunk ADD COLUMN registration_enabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE trunk ADD COLUMN registrar_host VARCHAR(255);
ALTER TABLE trunk ADD COLUMN registrar_port INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE trunk ADD COLUMN registrar_transport VARCHAR(8);
ALTER TABLE trunk ADD COLUMN registration_aor_user VARCHAR(128);
ALTER TABLE trunk ADD COLUMN registration_expires_seconds INTEGER DEFAULT 3600 NOT NULL;
