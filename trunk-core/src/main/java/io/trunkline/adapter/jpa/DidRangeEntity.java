package io.trunkline.adapter.jpa;

import io.trunkline.number.DidRange;
import io.trunkline.number.E164Number;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "did_range")
public class DidRangeEntity {
    @Id
    @Column(name = "first_number")
    private String first;
    @Column(name = "last_number", nullable = false)
    private String last;
    @Column(name = "carrier_trunk", nullable = false)
    private String carrierTrunk;
    @Embedded
    private DestinationColumns destination;

    protected DidRangeEntity() {
    }

    DidRangeEntity(String first) {
        this.first = first;
    }

    void update(DidRange range) {
        last = range.last().value();
        carrierTrunk = range.carrierTrunk();
        destination = DestinationColumns.of(range.destination());
    }

    DidRange toDomain() {
        return new DidRange(new E164Number(first), new E164Number(last), carrierTrunk,
                destination.toDomain());
    }
}
