-- The administrator's password, as a salted PBKDF2 hash only.
CREATE TABLE admin_credential (
    username      VARCHAR(64)  PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL
);
