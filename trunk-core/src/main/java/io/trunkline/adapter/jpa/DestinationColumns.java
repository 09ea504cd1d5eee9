package io.trunkline.adapter.jpa;

import io.trunkline.number.Destination;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/**
 * How a {@link Destination} is stored, the same in every table that routes calls somewhere (DIDs, DID blocks,
 * catch-alls): a kind column (TRUNK or URI) and a value column.
 */
@Embeddable
public class DestinationColumns {
    private static final String TRUNK = "TRUNK";
    private static final String URI = "URI";

    @Column(name = "destination_kind", nullable = false)
    private String kind;
    @Column(name = "destination", nullable = false)
    private String value;

    protected DestinationColumns() {
    }

    static DestinationColumns of(Destination destination) {
        DestinationColumns columns = new DestinationColumns();
        if (destination instanceof Destination.ToUri uri) {
            columns.kind = URI;
            columns.value = uri.uri();
        } else {
            columns.kind = TRUNK;
            columns.value = ((Destination.ToTrunk) destination).trunkName();
        }
        return columns;
    }

    Destination toDomain() {
        return URI.equals(kind) ? new Destination.ToUri(value) : new Destination.ToTrunk(value);
    }
}
