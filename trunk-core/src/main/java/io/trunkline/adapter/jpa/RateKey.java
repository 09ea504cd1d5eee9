package io.trunkline.adapter.jpa;

import javax.persistence.Column;
import javax.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

@Embeddable
public class RateKey implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "trunk_name")
    private String trunk;
    @Column(name = "prefix")
    private String prefix;

    protected RateKey() {
    }

    RateKey(String trunk, String prefix) {
        this.trunk = trunk;
        this.prefix = prefix;
    }

    String trunk() {
        return trunk;
    }

    String prefix() {
        return prefix;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RateKey key && key.trunk.equals(trunk) && key.prefix.equals(prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trunk, prefix);
    }
}
