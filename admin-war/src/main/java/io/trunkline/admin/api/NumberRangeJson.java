package io.trunkline.admin.api;

import io.trunkline.admin.api.NumberJson.DestinationJson;
import io.trunkline.number.DidRange;
import io.trunkline.number.E164Number;
import io.trunkline.trunk.InvalidConfigurationException;

/**
 * JSON form of a DID block: {"first":"+14155550100","last":"+14155550199","trunk":"carrier",
 * "destination":{"trunk":"pbx"}} (or {"uri":"sip:..."}); "size" is filled in on the way out.
 */
public class NumberRangeJson {
    public String first;
    public String last;
    public String trunk;
    public DestinationJson destination;
    public Long size;

    static NumberRangeJson of(DidRange range) {
        NumberRangeJson json = new NumberRangeJson();
        json.first = range.first().value();
        json.last = range.last().value();
        json.trunk = range.carrierTrunk();
        json.destination = DestinationBodies.of(range.destination());
        json.size = range.size();
        return json;
    }

    DidRange toDomain(String pathFirst) {
        if (first != null && pathFirst != null && !first.equals(pathFirst)) {
            throw new InvalidConfigurationException("first", "differs from the first number in the URL");
        }
        String start = pathFirst != null ? pathFirst : first;
        if (start == null) {
            throw new InvalidConfigurationException("first", "is required");
        }
        if (last == null) {
            throw new InvalidConfigurationException("last", "is required");
        }
        return new DidRange(number("first", start), number("last", last), trunk,
                DestinationBodies.toDomain(destination));
    }

    /** E164Number names its own field "number"; here the field at fault is first or last. */
    private static E164Number number(String field, String value) {
        try {
            return new E164Number(value);
        } catch (InvalidConfigurationException e) {
            throw new InvalidConfigurationException(field, e.problem());
        }
    }
}
