package io.trunkline.adapter.jpa;

import io.trunkline.number.Did;
import io.trunkline.number.E164Number;

import javax.persistence.Column;
import javax.persistence.Embedded;
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
    @Embedded
    private DestinationColumns destination;

    protected DidEntity() {
    }

    DidEntity(String number) {
        this.number = number;
    }

    void update(Did did) {
        carrierTrunk = did.carrierTrunk();
        destination = DestinationColumns.of(did.destination());
    }

    Did toDomain() {
        return new Did(new E164Number(number), carrierTrunk,
                destination.toDomain());
    }
}
