package io.trunkline.admin.api;

import io.trunkline.number.Destination;
import io.trunkline.number.Did;
import io.trunkline.number.E164Number;
import io.trunkline.trunk.InvalidConfigurationException;

/** JSON form of a DID: {"number":"+1...","trunk":"carrier","destination":{"trunk":"pbx"}} or {"uri":"sip:..."}. */
public class NumberJson {
    public String number;
    public String trunk;
    public DestinationJson destination;

    public static class DestinationJson {
        public String trunk;
        public String uri;
    }

    static NumberJson of(Did did) {
        NumberJson json = new NumberJson();
        json.number = did.number().value();
        json.trunk = did.carrierTrunk();
        json.destination = new DestinationJson();
        if (did.destination() instanceof Destination.ToUri uri) {
            json.destination.uri = uri.uri();
        } else {
            json.destination.trunk = ((Destination.ToTrunk) did.destination()).trunkName();
        }
        return json;
    }

    Did toDomain(String pathNumber) {
        if (number != null && pathNumber != null && !number.equals(pathNumber)) {
            throw new InvalidConfigurationException("number", "differs from the number in the URL");
        }
        return new Did(new E164Number(pathNumber != null ? pathNumber : number), trunk, destination());
    }

    private Destination destination() {
        if (destination == null || (destination.trunk == null) == (destination.uri == null)) {
            throw new InvalidConfigurationException("destination", "needs exactly one of 'trunk' or 'uri'");
        }
        return destination.trunk != null
                ? new Destination.ToTrunk(destination.trunk) : new Destination.ToUri(destination.uri);
    }
}
