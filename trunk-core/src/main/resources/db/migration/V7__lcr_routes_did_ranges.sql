-- Outbound routes with several candidate carrier trunks, tenant routes (for one PBX trunk), rate decks for
-- least-cost routing, DID blocks and per-trunk catch-alls. Portable between H2 2.x and PostgreSQL 12+.

-- A route is keyed by its prefix and the PBX trunk it is for; '' (not NULL, which a primary key cannot hold)
-- stands for "every PBX trunk".
CREATE TABLE outbound_route (
    prefix     VARCHAR(15) NOT NULL,
    from_trunk VARCHAR(63) DEFAULT '' NOT NULL,
    PRIMARY KEY (prefix, from_trunk)
);

CREATE TABLE outbound_route_trunk (
    prefix     VARCHAR(15) NOT NULL,
    from_trunk VARCHAR(63) NOT NULL,
    position   INTEGER     NOT NULL,
    trunk_name VARCHAR(63) NOT NULL REFERENCES trunk (name),
    priority   INTEGER     DEFAULT 1 NOT NULL,
    PRIMARY KEY (prefix, from_trunk, position),
    FOREIGN KEY (prefix, from_trunk) REFERENCES outbound_route (prefix, from_trunk) ON DELETE CASCADE
);

INSERT INTO outbound_route (prefix, from_trunk) SELECT prefix, '' FROM route;
INSERT INTO outbound_route_trunk (prefix, from_trunk, position, trunk_name, priority)
    SELECT prefix, '', 0, carrier_trunk, 1 FROM route;
DROP TABLE route;

-- Price per minute by prefix; six decimals cover sub-cent wholesale rates.
CREATE TABLE rate (
    trunk_name VARCHAR(63)    NOT NULL REFERENCES trunk (name) ON DELETE CASCADE,
    prefix     VARCHAR(15)    NOT NULL,
    price      DECIMAL(12, 6) NOT NULL,
    PRIMARY KEY (trunk_name, prefix)
);

CREATE TABLE did_range (
    first_number     VARCHAR(16)  PRIMARY KEY,
    last_number      VARCHAR(16)  NOT NULL,
    carrier_trunk    VARCHAR(63)  NOT NULL REFERENCES trunk (name),
    destination_kind VARCHAR(16)  NOT NULL,
    destination      VARCHAR(512) NOT NULL
);

CREATE TABLE trunk_catch_all (
    trunk_name       VARCHAR(63)  PRIMARY KEY REFERENCES trunk (name) ON DELETE CASCADE,
    destination_kind VARCHAR(16)  NOT NULL,
    destination      VARCHAR(512) NOT NULL
);
