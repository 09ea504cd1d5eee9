package io.trunkline.adapter.jpa;

import io.trunkline.number.CatchAll;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "trunk_catch_all")
public class CatchAllEntity {
    @Id
    @Column(name = "trunk_name")
    private String trunk;
    @Column(name = "destination_kind", nullable = false)
    private String destinationKind;
    @Column(name = "destination", nullable = false)
    private String destination;

    protected CatchAllEntity() {
    }

    CatchAllEntity(String trunk) {
        this.trunk = trunk;
    }

    void update(CatchAll catchAll) {
        destinationKind = DestinationColumns.kind(catchAll.destination());
        destination = DestinationColumns.value(catchAll.destination());
    }

    CatchAll toDomain() {
        return new CatchAll(trunk, DestinationColumns.toDomain(destinationKind, destination));
    }
}
