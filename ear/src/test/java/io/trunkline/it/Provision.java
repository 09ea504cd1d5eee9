package io.trunkline.it;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Sets up trunks, DIDs and routes through the REST API, with names and numbers unique to the calling test. */
final class Provision {
    private final TrunklineApi api;

    Provision(TrunklineApi api) {
        this.api = api;
    }

    static String uniqueName(String base) {
        return base + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    /** A US number in the 415 area, unique enough for one test run. */
    static String uniqueUsNumber() {
        return "+1415" + (2000000 + ThreadLocalRandom.current().nextInt(7999999));
    }

    String trunk(String base, String role, int port) throws Exception {
        String name = uniqueName(base);
        TrunklineApi.Reply reply = api.post("/api/v1/trunks", "{\"name\":\"" + name + "\",\"role\":\"" + role
                + "\",\"defaultRegion\":\"US\",\"gateways\":[{\"host\":\"127.0.0.1\",\"port\":" + port + "}]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return name;
    }

    /** A trunk with one gateway on 127.0.0.1 and this transfer policy (RELAY, TRANSFER or REJECT). */
    String trunkWithTransfer(String base, String role, int port, String transfer) throws Exception {
        String name = uniqueName(base);
        TrunklineApi.Reply reply = api.post("/api/v1/trunks", "{\"name\":\"" + name + "\",\"role\":\"" + role
                + "\",\"gateways\":[{\"host\":\"127.0.0.1\",\"port\":" + port + "}],\"transfer\":\""
                + transfer + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().getString("transfer")).isEqualTo(transfer);
        return name;
    }

    /** A PBX trunk whose gateways are tried in the order given (priorities 1, 2, ...) with this failover policy. */
    String pbxWithGateways(String failoverJson, int... ports) throws Exception {
        return trunkWithOrderedGateways("pbx", "PBX", failoverJson, ports);
    }

    /** A carrier trunk whose gateways (on 127.0.0.1) are tried in the order given, with this failover policy. */
    String carrierWithGateways(String failoverJson, int... ports) throws Exception {
        return trunkWithOrderedGateways("carrier", "CARRIER", failoverJson, ports);
    }

    /** A carrier trunk with one gateway per port (all on 127.0.0.1) and these limits. */
    String carrierWithLimits(String limitsJson, int... ports) throws Exception {
        return createTrunk("carrier", "CARRIER", gateways(false, ports), ",\"limits\":" + limitsJson);
    }

    private String trunkWithOrderedGateways(String base, String role, String failoverJson, int... ports)
            throws Exception {
        return createTrunk(base, role, gateways(true, ports),
                failoverJson == null ? "" : ",\"failover\":" + failoverJson);
    }

    private String createTrunk(String base, String role, String gatewaysJson, String moreFields) throws Exception {
        String name = uniqueName(base);
        TrunklineApi.Reply reply = api.post("/api/v1/trunks", "{\"name\":\"" + name + "\",\"role\":\"" + role
                + "\",\"gateways\":" + gatewaysJson + moreFields + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return name;
    }

    /** Gateways on 127.0.0.1, one per port; ordered ones get priorities 1, 2, ... in the order given. */
    private static String gateways(boolean ordered, int... ports) {
        StringBuilder gateways = new StringBuilder("[");
        for (int i = 0; i < ports.length; i++) {
            gateways.append(i == 0 ? "" : ",").append("{\"host\":\"127.0.0.1\",\"port\":").append(ports[i])
                    .append(ordered ? ",\"priority\":" + (i + 1) : "").append("}");
        }
        return gateways.append("]").toString();
    }

    void did(String number, String carrier, String pbx) throws Exception {
        TrunklineApi.Reply reply = api.post("/api/v1/numbers", "{\"number\":\"" + number + "\",\"trunk\":\"" + carrier
                + "\",\"destination\":{\"trunk\":\"" + pbx + "\"}}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    /** A new DID on a new carrier trunk, delivered to a new PBX trunk: the usual inbound call's setup. */
    String didFromCarrierToPbx(int carrierPort, int pbxPort) throws Exception {
        String did = uniqueUsNumber();
        did(did, trunk("carrier", "CARRIER", carrierPort), trunk("pbx", "PBX", pbxPort));
        return did;
    }

    void route(String prefix, String carrier) throws Exception {
        TrunklineApi.Reply reply = api.put("/api/v1/routes/" + (prefix.isEmpty() ? "default" : prefix),
                "{\"trunk\":\"" + carrier + "\"}");
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    }
}
