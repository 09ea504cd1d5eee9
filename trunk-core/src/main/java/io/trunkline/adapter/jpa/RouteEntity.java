package io.trunkline.adapter.jpa;

import io.trunkline.routing.Route;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "route")
public class RouteEntity {
    @Id
    @Column(name = "prefix")
    private String prefix;
    @Column(name = "carrier_trunk", nullable = false)
    private String carrierTrunk;

    protected RouteEntity() {
    }

    RouteEntity(Route route) {
        this.prefix = route.prefix();
        this.carrierTrunk = route.carrierTrunk();
    }

    void update(Route route) {
        carrierTrunk = route.carrierTrunk();
    }

    Route toDomain() {
        return new Route(prefix, carrierTrunk);
    }
}
