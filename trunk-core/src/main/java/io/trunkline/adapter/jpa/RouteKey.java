package io.trunkline.adapter.jpa;

import javax.persistence.Column;
import javax.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** A route's key: prefix and PBX trunk, '' standing for a generic route (a key column cannot be NULL). */
@Embeddable
public class RouteKey implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String GENERIC = "";

    @Column(name = "prefix")
    private String prefix;
    @Column(name = "from_trunk")
    private String fromTrunk;

    protected RouteKey() {
    }

    RouteKey(String prefix, String fromTrunk) {
        this.prefix = prefix;
        this.fromTrunk = fromTrunk == null ? GENERIC : fromTrunk;
    }

    String prefix() {
        return prefix;
    }

    /** The PBX trunk, or null for a generic route. */
    String fromTrunk() {
        return GENERIC.equals(fromTrunk) ? null : fromTrunk;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RouteKey key && key.prefix.equals(prefix) && key.fromTrunk.equals(fromTrunk);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, fromTrunk);
    }
}
