package io.trunkline.adapter.jpa;

import io.trunkline.number.Did;
import io.trunkline.number.E164Number;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "did")
public class DidEntity {
    @Id
    @Column(name = "number")
    private String number;
    @Column(name = "carrier_trunk", nullable = false)
    private String carrierTrunk;
    @Column(name = "destination_kind", nullable = false)
    private String destinationKind;
    @Column(name = "destination", nullable = false)
    private String destination;

    protected DidEntity() {
    }

    DidEntity(String number) {
        this.number = number;
    }

    void update(Did did) {
        carrierTrunk = did.carrierTrunk();
        destinationKind = DestinationColumns.kind(did.destination());
        destination = DestinationColumns.value(did.destination());
    }

    Did toDomain() {
        return new Did(new E164Number(number), carrierTrunk,
                DestinationColumns.toDomain(destinationKind, destination));
    }
}
