package io.trunkline.adapter.jpa;

import io.trunkline.number.Destination;

/** How a {@link Destination} is stored: a kind column (TRUNK or URI) and a value column. */
final class DestinationColumns {
    private static final String TRUNK = "TRUNK";
    private static final String URI = "URI";

    private DestinationColumns() {
    }

    static String kind(Destination destination) {
        return destination instanceof Destination.ToUri ? URI : TRUNK;
    }

    static String value(Destination destination) {
        return destination instanceof Destination.ToUri uri ? uri.uri()
                : ((Destination.ToTrunk) destination).trunkName();
    }

    static Destination toDomain(String kind, String value) {
        return URI.equals(kind) ? new Destination.ToUri(value) : new Destination.ToTrunk(value);
    }
}
