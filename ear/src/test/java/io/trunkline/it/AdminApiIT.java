package io.trunkline.it;

import io.trunkline.it.TrunklineApi.Reply;
import org.junit.jupiter.api.Test;

import javax.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API and console as an administrator meets them: credentials required, bad input answered with a status
 * and a JSON body naming the field, never a stack trace.
 */
class AdminApiIT extends InServerTest {
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void everythingNeedsTheAdminCredentials() throws Exception {
        assertThat(api.getAnonymously("/api/v1/trunks").status()).isEqualTo(401);
        assertThat(api.getAnonymously("/").status()).isEqualTo(401);
        assertThat(new TrunklineApi("admin", "wrong-password").get("/api/v1/trunks").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/trunks").status()).isEqualTo(200);
    }

    /** Beyond 2 full password checks a second the rest are refused unchecked; the admin already in keeps working. */
    @Test
    void aFloodOfWrongPasswordsIsRefusedAndTheAdminInUseKeepsWorking() throws Exception {
        assertThat(api.get("/api/v1/trunks").status()).isEqualTo(200);
        List<CompletableFuture<Reply>> guesses = IntStream.range(0, 30)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return new TrunklineApi("admin", "guess-" + i).get("/api/v1/trunks");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();

        for (CompletableFuture<Reply> guess : guesses) {
            Reply refused = guess.get(30, TimeUnit.SECONDS);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).doesNotContain("Exception", "\tat ");
        }
        assertThat(api.get("/api/v1/trunks").status()).isEqualTo(200);
    }

    @Test
    void invalidTrunkIsRefusedWith400NamingTheField() throws Exception {
        assertError(api.post("/api/v1/trunks", "{\"name\":\"t1\",\"role\":\"TELCO\"}"), 400, "role");
        assertError(api.post("/api/v1/trunks", "{\"name\":\"Bad Name\",\"role\":\"PBX\"}"), 400, "name");
        assertError(api.post("/api/v1/trunks", "{\"name\":\"t2\",\"role\":\"PBX\",\"gateways\":"
                + "[{\"host\":\"127.0.0.1\",\"port\":70000}]}"), 400, "port");
        assertError(api.post("/api/v1/trunks", "{\"name\":\"t3\",\"role\":\"PBX\",\"defaultRegion\":\"USA\"}"),
                400, "defaultRegion");
        assertError(api.post("/api/v1/trunks", "{\"name\":\"t4\",\"role\":\"PBX\",\"failover\":"
                + "{\"ringTimeoutSeconds\":0}}"), 400, "ringTimeoutSeconds");
        assertError(api.post("/api/v1/trunks", "{not json"), 400, "body");
    }

    /**
     * JSON-B on its own accepted these with 201 and dropped the setting: a misspelt field was ignored and a quoted
     * boolean read as false. Now each is a 400 naming the field, and nothing is stored.
     */
    @Test
    void aMisspeltOrMistypedFieldIsRefusedAndNothingIsStored() throws Exception {
        String name = Provision.uniqueName("strict");
        String gateway = "\"gateways\":[{\"host\":\"127.0.0.1\",\"port\":5993}]";

        Reply misspelt = api.post("/api/v1/trunks", "{\"name\":\"" + name + "\",\"role\":\"PBX\"," + gateway
                + ",\"limits\":{\"maxChanels\":5}}");
        assertError(misspelt, 400, "limits.maxChanels");
        assertThat(misspelt.json().getString("error")).contains("maxChannels");
        assertError(api.post("/api/v1/trunks", "{\"name\":\"" + name + "\",\"role\":\"PBX\"," + gateway
                + ",\"numbers\":{\"verifiedCallerId\":\"yes\"}}"), 400, "numbers.verifiedCallerId");
        assertError(api.post("/api/v1/trunks", "{\"name\":\"" + name + "\",\"role\":\"PBX\",\"gateways\":"
                + "[{\"host\":\"127.0.0.1\",\"port\":\"5060\"}]}"), 400, "gateways[0].port");
        assertError(api.post("/api/v1/trunks", "[]"), 400, "body");
        assertError(api.get("/api/v1/trunks/" + name), 404, null);
    }

    /** XX or UK pass a "two capital letters" check, but no numbering plan has them: every national number failed. */
    @Test
    void aRegionWithoutANumberingPlanIsRefused() throws Exception {
        String name = Provision.uniqueName("region");
        Reply refused = api.post("/api/v1/trunks", "{\"name\":\"" + name + "\",\"role\":\"PBX\","
                + "\"defaultRegion\":\"UK\"}");
        assertError(refused, 400, "defaultRegion");
        assertThat(refused.json().getString("error")).contains("'UK'", "GB");
        assertError(api.get("/api/v1/trunks/" + name), 404, null);
        assertError(api.get("/api/v1/lookup?number=4155550100&region=XX"), 400, "region");
    }

    /** The edit a console or script makes: GET, change, PUT back. The password is write-only, so GET has none. */
    @Test
    void aTrunkPutBackAsReadKeepsEverythingAndItsPassword() throws Exception {
        String name = Provision.uniqueName("roundtrip");
        String created = "{\"name\":\"" + name + "\",\"role\":\"CARRIER\",\"defaultRegion\":\"GB\","
                + "\"gateways\":[{\"host\":\"127.0.0.1\",\"port\":5992,\"transport\":\"TCP\",\"weight\":2}],"
                + "\"credentials\":{\"username\":\"acct\",\"password\":\"s3cret\"},"
                + "\"numbers\":{\"format\":\"NATIONAL\",\"dialPlan\":[{\"type\":\"STRIP_PREFIX\",\"prefix\":\"9\"}]},"
                + "\"probe\":{\"intervalSeconds\":30,\"downAfter\":2},\"limits\":{\"maxChannels\":10},"
                + "\"transfer\":\"TRANSFER\"}";
        assertThat(api.post("/api/v1/trunks", created).status()).isEqualTo(201);
        String asRead = api.get("/api/v1/trunks/" + name).body();

        Reply putBack = api.put("/api/v1/trunks/" + name, asRead);

        assertThat(putBack.status()).as(putBack.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/trunks/" + name).body()).isEqualTo(asRead);
        assertThat(api.get("/api/v1/trunks/" + name).json().getJsonObject("credentials").getBoolean("passwordSet"))
                .isTrue();
        assertError(api.put("/api/v1/trunks/" + name, asRead.replace("\"acct\"", "\"other\"")), 400,
                "credentials.password");
        assertThat(api.delete("/api/v1/trunks/" + name).status()).isEqualTo(204);
    }

    @Test
    void everyRoutingResourcePutBackAsReadIsUnchanged() throws Exception {
        String carrier = provision.trunk("rt-carrier", "CARRIER", 5991);
        String pbx = provision.trunk("rt-pbx", "PBX", 5990);
        String number = Provision.uniqueUsNumber();
        provision.did(number, carrier, pbx);
        String prefix = "9997" + number.substring(number.length() - 6);
        provision.route(prefix, carrier);
        String block = number.substring(0, number.length() - 2);
        assertThat(api.post("/api/v1/number-ranges", "{\"first\":\"" + block + "00\",\"last\":\"" + block
                + "99\",\"trunk\":\"" + carrier + "\",\"destination\":{\"uri\":\"sip:desk@127.0.0.1:5989\"}}")
                .status()).isEqualTo(201);
        assertThat(api.put("/api/v1/trunks/" + carrier + "/catch-all", "{\"destination\":{\"trunk\":\"" + pbx
                + "\"}}").status()).isIn(200, 201);

        for (String path : List.of("/api/v1/numbers/" + number.replace("+", "%2B"), "/api/v1/routes/" + prefix,
                "/api/v1/number-ranges/" + block.replace("+", "%2B") + "00", "/api/v1/trunks/" + carrier + "/catch-all")) {
            String asRead = api.get(path).body();
            Reply putBack = api.put(path, asRead);
            assertThat(putBack.status()).as(path + ": " + putBack.body()).isEqualTo(200);
            assertThat(api.get(path).body()).as(path).isEqualTo(asRead);
        }
        assertThat(api.delete("/api/v1/routes/" + prefix).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/number-ranges/" + block.replace("+", "%2B") + "00").status()).isEqualTo(204);
    }

    @Test
    void numberMustNameAnExistingCarrierTrunkAndAPbxDestination() throws Exception {
        String pbx = provision.trunk("pbx", "PBX", 5999);
        String number = Provision.uniqueUsNumber();
        assertError(api.post("/api/v1/numbers", "{\"number\":\"" + number + "\",\"trunk\":\"no-such-trunk\","
                + "\"destination\":{\"trunk\":\"" + pbx + "\"}}"), 400, "trunk");
        assertError(api.post("/api/v1/numbers", "{\"number\":\"12345\",\"trunk\":\"" + pbx + "\","
                + "\"destination\":{\"trunk\":\"" + pbx + "\"}}"), 400, "number");
        assertError(api.post("/api/v1/numbers", "{\"number\":\"" + number + "\",\"trunk\":\"" + pbx + "\","
                + "\"destination\":{}}"), 400, "destination");
        String carrier = provision.trunk("carrier", "CARRIER", 5988);
        Reply badPort = api.post("/api/v1/numbers", "{\"number\":\"" + number + "\",\"trunk\":\"" + carrier + "\","
                + "\"destination\":{\"uri\":\"sip:desk@127.0.0.1:99999\"}}");
        assertError(badPort, 400, "destination.uri");
        assertThat(badPort.json().getString("error")).contains("99999");
        // A DID no call could reach: no country uses +999, and a kept trunk prefix (+44 0...) normalises away.
        Reply unassigned = api.post("/api/v1/numbers", "{\"number\":\"+999999\",\"trunk\":\"" + carrier + "\","
                + "\"destination\":{\"trunk\":\"" + pbx + "\"}}");
        assertError(unassigned, 400, "number");
        assertThat(unassigned.json().getString("error")).contains("country calling code");
        Reply blockWithTrunkPrefix = api.post("/api/v1/number-ranges", "{\"first\":\"+4402079460000\","
                + "\"last\":\"+4402079460099\",\"trunk\":\"" + carrier + "\",\"destination\":{\"trunk\":\""
                + pbx + "\"}}");
        assertError(blockWithTrunkPrefix, 400, "first");
        assertThat(blockWithTrunkPrefix.json().getString("error")).contains("+442079460000");
        assertError(api.get("/api/v1/numbers/" + number.replace("+", "%2B")), 404, null);
    }

    @Test
    void trunkInUseCannotBeDeletedAndMissingThingsAre404() throws Exception {
        String carrier = provision.trunk("carrier", "CARRIER", 5998);
        String pbx = provision.trunk("pbx", "PBX", 5997);
        String number = Provision.uniqueUsNumber();
        provision.did(number, carrier, pbx);

        Reply conflict = api.delete("/api/v1/trunks/" + pbx);
        assertError(conflict, 409, null);
        assertThat(conflict.json().getString("error")).contains(number);
        assertError(api.get("/api/v1/trunks/no-such-trunk"), 404, null);
        assertError(api.get("/api/v1/no-such-resource"), 404, null);

        assertThat(api.delete("/api/v1/numbers/" + number).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/trunks/" + pbx).status()).isEqualTo(204);
        assertError(api.get("/api/v1/trunks/" + pbx), 404, null);
    }

    @Test
    void routePrefixMustBeDigitsAndTrunkACarrier() throws Exception {
        String pbx = provision.trunk("pbx", "PBX", 5996);
        assertError(api.put("/api/v1/routes/44x", "{\"trunk\":\"" + pbx + "\"}"), 400, "prefix");
        assertError(api.put("/api/v1/routes/44", "{\"trunk\":\"" + pbx + "\"}"), 400, "trunk");
        String carrier = provision.trunk("carrier", "CARRIER", 5987);
        assertError(api.put("/api/v1/routes/99981", "{\"trunks\":[{\"trunk\":\"" + carrier + "\",\"prio\":2}]}"),
                400, "trunks.prio");
        assertError(api.get("/api/v1/routes/99981"), 404, null);
    }

    @Test
    void lookupNormalisesAndClassifiesANationalNumber() throws Exception {
        Reply reply = api.get("/api/v1/lookup?number=07400%20123456&region=GB");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject json = reply.json();
        assertThat(json.getString("e164")).isEqualTo("+447400123456");
        assertThat(json.getString("type")).isEqualTo("MOBILE");
        assertThat(json.getString("region")).isEqualTo("GB");
        assertError(api.get("/api/v1/lookup?number=call-me"), 400, "number");
    }

    @Test
    void cdrListingRejectsBadPagingAndTimes() throws Exception {
        assertError(api.get("/api/v1/cdrs?size=0"), 400, "size");
        // As int parameters these were JAX-RS's bare 404 (its rule for a query parameter it cannot convert).
        assertError(api.get("/api/v1/cdrs?size=ten"), 400, "size");
        assertError(api.get("/api/v1/cdrs?status=busy"), 400, "status");
        assertError(api.get("/api/v1/cdrs?page=99999999&size=500"), 400, "page");
        assertError(api.get("/api/v1/cdrs?from=2026-12-02T12:00:00Z&to=2026-12-01T00:00:00Z"), 400, "to");
        assertError(api.get("/api/v1/cdrs?from=yesterday"), 400, "from");
        Reply unknownCause = api.get("/api/v1/cdrs?cause=HUNG_UP");
        assertError(unknownCause, 400, "cause");
        assertThat(unknownCause.json().getString("error")).contains("SESSION_EXPIRED");
        assertThat(api.get("/api/v1/cdrs?cause=SESSION_EXPIRED").status()).isEqualTo(200);
        Reply page = api.get("/api/v1/cdrs?page=0&size=5");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().getInt("size")).isEqualTo(5);
    }

    @Test
    void consoleListsTrunksAndNumbers() throws Exception {
        String carrier = provision.trunk("console-carrier", "CARRIER", 5995);
        String pbx = provision.trunk("console-pbx", "PBX", 5994);
        String number = Provision.uniqueUsNumber();
        provision.did(number, carrier, pbx);

        Reply page = api.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h2>Trunks</h2>", carrier, pbx, "127.0.0.1:5995 UDP",
                "setup 3000 ms, ring 120 s", number, "trunk " + pbx, "Recent calls", "<th>Cause</th>");
    }

    private static void assertError(Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.body()).doesNotContain("Exception", "\tat ");
        JsonObject json = reply.json();
        assertThat(json.getInt("status")).isEqualTo(status);
        assertThat(json.getString("error")).isNotBlank();
        if (field != null) {
            assertThat(json.getString("field")).isEqualTo(field);
        }
    }
}
