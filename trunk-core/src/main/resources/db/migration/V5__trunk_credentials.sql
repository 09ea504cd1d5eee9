-- Digest credentials Trunkline answers a trunk's 401/407 challenges with (NULL: IP-authenticated trunk).
ALTER TABLE trunk ADD COLUMN auth_username VARCHAR(128);
ALTER TABLE trunk ADD COLUMN auth_password VARCHAR(128);
