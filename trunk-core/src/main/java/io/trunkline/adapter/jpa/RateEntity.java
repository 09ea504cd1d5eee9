package io.trunkline.adapter.jpa;

import javax.persistence.Column;
import javax.persistence.EmbeddedId;
import javax.persistence.Entity;
import javax.persistence.Table;
import java.math.BigDecimal;

/** One line of a trunk's rate deck. */
@Entity
@Table(name = "rate")
public class RateEntity {
    @EmbeddedId
    private RateKey key;
    @Column(name = "price", nullable = false, precision = 12, scale = 6)
    private BigDecimal price;

    protected RateEntity() {
    }

    RateEntity(String trunk, String prefix, BigDecimal price) {
        this.key = new RateKey(trunk, prefix);
        this.price = price;
    }

    RateKey key() {
        return key;
    }

    BigDecimal price() {
        return price;
    }
}
