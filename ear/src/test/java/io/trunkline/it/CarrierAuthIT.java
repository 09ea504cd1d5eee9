package io.trunkline.it;

import org.junit.jupiter.api.Test;

import javax.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A carrier that authenticates Trunkline by digest: its challenge to an outbound INVITE is answered with the
 * trunk's credentials, the call goes through, and the caller never sees the challenge.
 */
class CarrierAuthIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private static final String USER = "trunk-user";
    private static final String PASSWORD = "trunk-secret";
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void carrier401ChallengeIsAnsweredWithTheTrunkCredentials() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String dialled = routeToCarrierWithCredentials(pbx, carrier, PASSWORD);
            // The carrier's scenario verifies the digest (sipp verifyauth) and answers only a correct one.
            carrier.serve("uas-challenge-401-then-answer.xml", 1);

            assertThat(pbx.call("uac-call-and-hang-up.xml", SIP, dialled, "+14155550130", 1))
                    .as(pbx.messages()).isZero();
            assertThat(carrier.await(20)).as(carrier.messages()).isZero();
            assertThat(pbx.messages()).doesNotContain("SIP/2.0 401");
            assertThat(Cdrs.of(api).forNumber(dialled).getInt("finalStatus")).isEqualTo(200);
        }
    }

    @Test
    void carrier407ChallengeIsAnsweredWithAValidProxyAuthorization() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String dialled = routeToCarrierWithCredentials(pbx, carrier, PASSWORD);
            carrier.serve("uas-challenge-407-then-answer.xml", 1);

            assertThat(pbx.call("uac-call-and-hang-up.xml", SIP, dialled, "+14155550131", 1))
                    .as(pbx.messages()).isZero();
            assertThat(carrier.await(20)).as(carrier.messages()).isZero();
            assertDigestIsRight(carrier.messages());
        }
    }

    @Test
    void wrongCredentialsEndTheCallWithTheCarriersRefusal() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String dialled = routeToCarrierWithCredentials(pbx, carrier, "not-the-secret");
            carrier.serve("uas-challenge-401-then-answer.xml", 1);

            assertThat(pbx.call("uac-expect-403.xml", SIP, dialled, "+14155550132", 1))
                    .as(pbx.messages()).isZero();
            JsonObject cdr = Cdrs.of(api).forNumber(dialled);
            assertThat(cdr.getInt("finalStatus")).isEqualTo(403);
            assertThat(cdr.getString("endCause")).isEqualTo("TRUNK_AUTH_FAILED");
        }
    }

    @Test
    void theApiNeverShowsTheTrunkPassword() throws Exception {
        String name = Provision.uniqueName("carrier");
        assertThat(api.put("/api/v1/trunks/" + name, "{\"role\":\"CARRIER\",\"credentials\":{\"username\":\"" + USER
                + "\",\"password\":\"" + PASSWORD + "\"}}").status()).isEqualTo(201);
        TrunklineApi.Reply reply = api.get("/api/v1/trunks/" + name);
        assertThat(reply.body()).doesNotContain(PASSWORD);
        JsonObject credentials = reply.json().getJsonObject("credentials");
        assertThat(credentials.getString("username")).isEqualTo(USER);
        assertThat(credentials.getBoolean("passwordSet")).isTrue();
    }

    private String routeToCarrierWithCredentials(Sipp pbx, Sipp carrier, String password) throws Exception {
        String pbxTrunk = provision.trunk("pbx", "PBX", pbx.sipPort);
        String carrierTrunk = Provision.uniqueName("carrier");
        TrunklineApi.Reply created = api.put("/api/v1/trunks/" + carrierTrunk, "{\"role\":\"CARRIER\","
                + "\"gateways\":[{\"host\":\"127.0.0.1\",\"port\":" + carrier.sipPort + "}],"
                + "\"credentials\":{\"username\":\"" + USER + "\",\"password\":\"" + password + "\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String prefix = "44" + ThreadLocalRandom.current().nextInt(1000, 9000);
        provision.route(prefix, carrierTrunk);
        assertThat(pbxTrunk).isNotBlank();
        return "+" + prefix + "123456";
    }

    /** RFC 2617 §3.2.2 without qop: response = MD5(MD5(user:realm:password):nonce:MD5(method:uri)). */
    private static void assertDigestIsRight(String carrierLog) throws Exception {
        Matcher header = Pattern.compile("Proxy-Authorization: Digest (.*)").matcher(carrierLog);
        assertThat(header.find()).as("a Proxy-Authorization in\n" + carrierLog).isTrue();
        String params = header.group(1);
        assertThat(param(params, "username")).isEqualTo(USER);
        assertThat(param(params, "realm")).isEqualTo("carrier.example");
        assertThat(param(params, "nonce")).isEqualTo("5f1c0f2a9b3e4d77");
        String uri = param(params, "uri");
        String expected = md5(md5(USER + ":carrier.example:" + PASSWORD) + ":5f1c0f2a9b3e4d77:" + md5("INVITE:" + uri));
        assertThat(param(params, "response")).isEqualTo(expected);
    }

    private static String param(String params, String name) {
        Matcher m = Pattern.compile("(?:^|[ ,])" + name + "=\"?([^\",]*)\"?").matcher(params);
        return m.find() ? m.group(1) : null;
    }

    private static String md5(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }
}
