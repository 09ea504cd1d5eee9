package io.trunkline.adapter.jpa;

import io.trunkline.number.CatchAll;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "trunk_catch_all")
public class CatchAllEntity {
    @Id
    @Column(name = "trunk_name")
    private String trunk;
    @Embedded
    private DestinationColumns destination;

    protected CatchAllEntity() {
    }

    CatchAllEntity(String trunk) {
        this.trunk = trunk;
    }

    void update(CatchAll catchAll) {
        destination = DestinationColumns.of(catchAll.destination());
    }

    CatchAll toDomain() {
        return new CatchAll(trunk, destination.toDomain());
    }
}
