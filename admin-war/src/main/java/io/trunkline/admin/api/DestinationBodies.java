package io.trunkline.admin.api;

import io.trunkline.admin.api.NumberJson.DestinationJson;
import io.trunkline.number.Destination;
import io.trunkline.trunk.InvalidConfigurationException;

/** The {"trunk":...} or {"uri":...} destination shared by DIDs, DID blocks and catch-alls. */
final class DestinationBodies {
    private DestinationBodies() {
    }

    static DestinationJson of(Destination destination) {
        DestinationJson json = new DestinationJson();
        if (destination instanceof Destination.ToUri uri) {
            json.uri = uri.uri();
        } else {
            json.trunk = ((Destination.ToTrunk) destination).trunkName();
        }
        return json;
    }

    static Destination toDomain(DestinationJson destination) {
        if (destination == null || (destination.trunk == null) == (destination.uri == null)) {
            throw new InvalidConfigurationException("destination", "needs exactly one of 'trunk' or 'uri'");
        }
        return destination.trunk != null
                ? new Destination.ToTrunk(destination.trunk) : new Destination.ToUri(destination.uri);
    }
}
