package io.trunkline.it;

import org.junit.jupiter.api.Test;

import javax.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST side of routes with candidates, tenant routes, rate decks, DID blocks and catch-alls. */
class RoutingApiIT extends InServerTest {
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void aRateDeckIsImportedAsCsvAndReadBackAsCsvOrJson() throws Exception {
        String carrier = provision.trunk("carrier", "CARRIER", 5999);

        TrunklineApi.Reply put = api.putCsv("/api/v1/trunks/" + carrier + "/rates",
                "prefix,price\n44,0.0125\n# London is cheaper\n4420,0.0090\n1,0.004\n");

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().getInt("size")).isEqualTo(3);
        assertThat(api.getCsv("/api/v1/trunks/" + carrier + "/rates").body())
                .isEqualTo("prefix,price\n1,0.004\n44,0.0125\n4420,0.009\n");
        JsonObject json = api.get("/api/v1/trunks/" + carrier + "/rates").json();
        assertThat(json.getJsonArray("rates").getJsonObject(1).getString("prefix")).isEqualTo("44");
        assertThat(json.getJsonArray("rates").getJsonObject(1).getJsonNumber("price").bigDecimalValue())
                .isEqualByComparingTo("0.0125");
    }

    @Test
    void aBadCsvLineIsRefusedNamingTheLineAndTheFieldAndTheOldDeckStays() throws Exception {
        String carrier = provision.trunk("carrier", "CARRIER", 5998);
        api.putCsv("/api/v1/trunks/" + carrier + "/rates", "44,0.01\n");

        TrunklineApi.Reply bad = api.putCsv("/api/v1/trunks/" + carrier + "/rates", "44,0.02\n49,zero\n");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getString("field")).isEqualTo("price");
        assertThat(bad.json().getInt("line")).isEqualTo(2);
        assertThat(bad.json().getString("error")).startsWith("line 2: price");
        assertThat(api.getCsv("/api/v1/trunks/" + carrier + "/rates").body()).isEqualTo("prefix,price\n44,0.01\n");
        String pbx = provision.trunk("pbx", "PBX", 5997);
        assertThat(api.putCsv("/api/v1/trunks/" + pbx + "/rates", "44,0.01\n").status()).isEqualTo(400);
        assertThat(api.putCsv("/api/v1/trunks/no-such-trunk/rates", "44,0.01\n").status()).isEqualTo(404);
    }

    @Test
    void routesTakeOneTrunkOrSeveralCandidatesAndTenantRoutesLiveBesideGenericOnes() throws Exception {
        String a = provision.trunk("carrier-a", "CARRIER", 5996);
        String b = provision.trunk("carrier-b", "CARRIER", 5995);
        String pbx = provision.trunk("pbx", "PBX", 5994);
        String prefix = "4420794" + (10000 + ThreadLocalRandom.current().nextInt(89999));

        assertThat(api.put("/api/v1/routes/" + prefix, "{\"trunk\":\"" + a + "\"}").status()).isEqualTo(201);
        TrunklineApi.Reply tenant = api.put("/api/v1/routes/" + prefix + "?fromTrunk=" + pbx,
                "{\"trunks\":[{\"trunk\":\"" + b + "\",\"priority\":2},\"" + a + "\"]}");
        assertThat(tenant.status()).as(tenant.body()).isEqualTo(201);

        JsonObject generic = api.get("/api/v1/routes/" + prefix).json();
        assertThat(generic.getString("trunk")).isEqualTo(a);
        assertThat(generic.containsKey("fromTrunk")).isFalse();
        JsonObject own = api.get("/api/v1/routes/" + prefix + "?fromTrunk=" + pbx).json();
        assertThat(own.getString("fromTrunk")).isEqualTo(pbx);
        assertThat(own.getJsonArray("trunks").getJsonObject(0).getString("trunk")).isEqualTo(b);
        assertThat(own.getJsonArray("trunks").getJsonObject(0).getInt("priority")).isEqualTo(2);
        assertThat(own.getJsonArray("trunks").getJsonObject(1).getInt("priority")).isEqualTo(1);

        assertError(api.put("/api/v1/routes/" + prefix + "?fromTrunk=" + a, "{\"trunk\":\"" + b + "\"}"),
                "fromTrunk");
        assertError(api.put("/api/v1/routes/" + prefix, "{\"trunks\":[\"" + a + "\",\"" + a + "\"]}"), "trunks");
        assertError(api.put("/api/v1/routes/" + prefix, "{\"trunks\":[{\"trunk\":\"" + a + "\",\"priority\":1.5}]}"),
                "priority");
        assertThat(api.delete("/api/v1/routes/" + prefix + "?fromTrunk=" + pbx).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/routes/" + prefix + "?fromTrunk=" + pbx).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/routes/" + prefix).status()).isEqualTo(200);
    }

    @Test
    void overlappingDidBlocksAreRefusedWith409() throws Exception {
        String carrier = provision.trunk("carrier", "CARRIER", 5993);
        String pbx = provision.trunk("pbx", "PBX", 5992);
        String base = "+1628" + (20000 + ThreadLocalRandom.current().nextInt(79999));
        assertThat(block(base + "00", base + "99", carrier, pbx).status()).isEqualTo(201);

        TrunklineApi.Reply overlap = block(base + "50", base + "60", carrier, pbx);

        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.json().getString("error")).contains(base + "00.." + base + "99");
        assertError(block(base + "99", base + "10", carrier, pbx), "last");
        assertThat(api.get("/api/v1/number-ranges/" + base.replace("+", "%2B") + "00").json().getString("last"))
                .isEqualTo(base + "99");
        assertThat(api.get("/api/v1/number-ranges").jsonArray()).isNotEmpty();
    }

    @Test
    void aCatchAllIsSetReadAndRemovedPerCarrierTrunk() throws Exception {
        String carrier = provision.trunk("carrier", "CARRIER", 5991);
        String path = "/api/v1/trunks/" + carrier + "/catch-all";
        assertThat(api.get(path).status()).isEqualTo(404);

        assertThat(api.put(path, "{\"destination\":{\"uri\":\"sip:operator@127.0.0.1:5999\"}}").status())
                .isEqualTo(201);

        assertThat(api.get(path).json().getJsonObject("destination").getString("uri"))
                .isEqualTo("sip:operator@127.0.0.1:5999");
        assertError(api.put(path, "{\"destination\":{}}"), "destination");
        assertThat(api.delete(path).status()).isEqualTo(204);
        assertThat(api.get(path).status()).isEqualTo(404);
    }

    private TrunklineApi.Reply block(String first, String last, String carrier, String pbx) throws Exception {
        return api.post("/api/v1/number-ranges", "{\"first\":\"" + first + "\",\"last\":\"" + last
                + "\",\"trunk\":\"" + carrier + "\",\"destination\":{\"trunk\":\"" + pbx + "\"}}");
    }

    private static void assertError(TrunklineApi.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().getString("field")).as(reply.body()).isEqualTo(field);
    }
}
