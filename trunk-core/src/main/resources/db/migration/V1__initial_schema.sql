-- Trunkline schema, version 1. Portable between H2 2.x and PostgreSQL 12+.

CREATE TABLE trunk (
    name           VARCHAR(63)  PRIMARY KEY,
    role           VARCHAR(16)  NOT NULL,
    default_region CHAR(2)      NOT NULL
);

CREATE TABLE trunk_gateway (
    trunk_name VARCHAR(63)  NOT NULL REFERENCES trunk (name) ON DELETE CASCADE,
    position   INTEGER      NOT NULL,
    host       VARCHAR(255) NOT NULL,
    port       INTEGER      NOT NULL,
    transport  VARCHAR(8)   NOT NULL,
    PRIMARY KEY (trunk_name, position)
);

CREATE TABLE did (
    number           VARCHAR(16)  PRIMARY KEY,
    carrier_trunk    VARCHAR(63)  NOT NULL REFERENCES trunk (name),
    destination_kind VARCHAR(16)  NOT NULL,
    destination      VARCHAR(512) NOT NULL
);

CREATE TABLE route (
    prefix        VARCHAR(15) PRIMARY KEY,
    carrier_trunk VARCHAR(63) NOT NULL REFERENCES trunk (name)
);

-- A sequence rather than an identity column: Hibernate can only batch inserts with pre-allocated ids.
CREATE SEQUENCE cdr_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE cdr (
    id                   BIGINT       PRIMARY KEY,
    inbound_call_id      VARCHAR(255) NOT NULL,
    outbound_call_id     VARCHAR(255),
    calling_number       VARCHAR(128),
    called_number        VARCHAR(128),
    inbound_trunk        VARCHAR(63),
    outbound_trunk       VARCHAR(63),
    invited_at           TIMESTAMP    NOT NULL,
    first_provisional_at TIMESTAMP,
    answered_at          TIMESTAMP,
    ended_at             TIMESTAMP    NOT NULL,
    final_status         INTEGER      NOT NULL,
    hangup_party         VARCHAR(16)  NOT NULL,
    duration_ms          BIGINT       NOT NULL
);

CREATE INDEX cdr_invited_at ON cdr (invited_at);
CREATE INDEX cdr_inbound_call_id ON cdr (inbound_call_id);
