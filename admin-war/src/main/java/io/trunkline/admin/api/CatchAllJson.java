package io.trunkline.admin.api;

import io.trunkline.admin.api.NumberJson.DestinationJson;
import io.trunkline.number.CatchAll;

/** JSON form of a carrier trunk's catch-all: {"trunk":"carrier","destination":{"trunk":"pbx"}}. */
public class CatchAllJson {
    public String trunk;
    public DestinationJson destination;

    static CatchAllJson of(CatchAll catchAll) {
        CatchAllJson json = new CatchAllJson();
        json.trunk = catchAll.carrierTrunk();
        json.destination = DestinationBodies.of(catchAll.destination());
        return json;
    }
}
