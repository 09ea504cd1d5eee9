package io.trunkline.it;

import org.junit.jupiter.api.Test;

import javax.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registration-based carrier trunk: Trunkline REGISTERs at a sipp registrar, answers its 401 or 407 challenge,
 * refreshes the short binding it was granted, takes calls sent to the registered Contact as the trunk's, and
 * removes the binding when the trunk is deleted or stops registering; over UDP, TCP and TLS. A registrar that
 * refuses leaves the trunk FAILED in the API.
 */
class RegistrationIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private static final int SIPS = Integer.getInteger("trunkline.sips.port", 15061);
    private static final Pattern CONTACT = Pattern.compile("Contact: <sip:trunk-user@([^:>]+):(\\d+);line=([^>;]+)>");
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void trunkRegistersRefreshesTakesCallsAtItsContactAndUnregistersWhenDeleted() throws Exception {
        try (Sipp registrar = Sipp.onLoopback(); Sipp pbx = Sipp.onLoopback();
             Sipp carrierEdge = Sipp.onAddress("127.0.0.2")) {
            registrar.serve("registrar-401-then-200.xml", 3); // registration, refresh, removal
            String trunk = registeringTrunk(registrar.sipPort, "trunk-secret");

            JsonObject registered = awaitState(trunk, "REGISTERED");
            assertThat(registered.getInt("lastStatus")).isEqualTo(200);
            Instant expiresAt = Instant.parse(registered.getString("expiresAt"));
            assertThat(expiresAt).as("the registrar granted 10 s of the 60 asked")
                    .isBefore(Instant.now().plusSeconds(11));
            String firstAttempt = registered.getString("lastAttemptAt");
            JsonObject refreshed = Eventually.await("a refresh before the 10 s binding ends", Duration.ofSeconds(15),
                    () -> registration(trunk), r -> !r.getString("lastAttemptAt").equals(firstAttempt)
                            && "REGISTERED".equals(r.getString("state")) && r.getInt("lastStatus") == 200
                            && Instant.parse(r.getString("expiresAt")).isAfter(expiresAt));
            assertThat(refreshed.getInt("consecutiveFailures")).isZero();

            Matcher contact = CONTACT.matcher(registrar.messages());
            assertThat(contact.find()).as("our Contact in\n" + registrar.messages()).isTrue();
            assertThat(Integer.parseInt(contact.group(2))).isEqualTo(SIP);
            String did = Provision.uniqueUsNumber();
            provision.did(did, trunk, provision.trunk("pbx", "PBX", pbx.sipPort));
            pbx.serve("uas-answer-expect-bye.xml", 1);
            // From an address that is no gateway of the trunk: only the Contact says whose call it is.
            assertThat(carrierEdge.callWithFields("uac-call-registered-contact.xml", SIP, did, "+14155550150",
                    "trunk-user", contact.group(3))).as(carrierEdge.messages()).isZero();
            assertThat(Cdrs.of(api).forNumber(did).getString("inboundTrunk")).isEqualTo(trunk);

            assertThat(api.delete("/api/v1/numbers/" + did).status()).isEqualTo(204);
            assertThat(api.delete("/api/v1/trunks/" + trunk).status()).isEqualTo(204);
            assertThat(registrar.await(30)).as("registration, refresh and removal, each with a verified digest\n"
                    + registrar.messages()).isZero();
            assertThat(registrar.messages()).contains("Expires: 0").doesNotContain("X-Trunkline");
        }
    }

    @Test
    void trunkRegistersOverTcpWithATcpContact() throws Exception {
        try (Sipp registrar = Sipp.onAddress("127.0.0.11").overTcp()) {
            registrar.serve("registrar-401-then-200.xml", 1);
            registerOnce(registrar, "127.0.0.11", registrar.sipPort, "TCP");

            assertThat(registrar.messages()).contains("REGISTER sip:127.0.0.11:" + registrar.sipPort + ";transport=tcp")
                    .containsPattern("Contact: <sip:trunk-user@[^>]*:" + SIP + ";transport=tcp;line=");
        }
    }

    @Test
    void trunkRegistersOverTlsWithATlsContact() throws Exception {
        try (Sipp registrar = Sipp.onAddress("127.0.0.12").overTcp();
             TlsTunnel tls = TlsTunnel.serverFor(registrar.sipPort + 1, "127.0.0.12", registrar.sipPort)) {
            registrar.serve("registrar-401-then-200.xml", 1);
            registerOnce(registrar, "127.0.0.1", tls.port, "TLS");

            assertThat(registrar.messages()).contains("REGISTER sip:127.0.0.1:" + tls.port + ";transport=tls")
                    .containsPattern("Contact: <sip:trunk-user@[^>]*:" + SIPS + ";transport=tls;line=");
            assertThat(tls.log()).contains("SSL connection using");
        }
    }

    /** A trunk registering at this gateway until its registrar (serving one REGISTER pair) has granted a binding. */
    private void registerOnce(Sipp registrar, String host, int port, String transport) throws Exception {
        String trunk = Provision.uniqueName("carrier");
        TrunklineApi.Reply created = api.put("/api/v1/trunks/" + trunk, "{\"role\":\"CARRIER\",\"gateways\":[{"
                + "\"host\":\"" + host + "\",\"port\":" + port + ",\"transport\":\"" + transport + "\"}],"
                + "\"credentials\":{\"username\":\"trunk-user\",\"password\":\"trunk-secret\"},"
                + "\"registration\":{\"enabled\":true,\"expiresSeconds\":3600}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(awaitState(trunk, "REGISTERED").getInt("lastStatus")).isEqualTo(200);
        assertThat(registrar.await(10)).as(registrar.messages()).isZero();
        assertThat(api.delete("/api/v1/trunks/" + trunk).status()).isEqualTo(204);
    }

    @Test
    void proxyChallengeIsAnsweredAndTurningRegistrationOffRemovesTheBinding() throws Exception {
        try (Sipp registrar = Sipp.onLoopback()) {
            registrar.serve("registrar-407-then-200.xml", 2); // registration, removal
            String trunk = registeringTrunk(registrar.sipPort, "trunk-secret");
            awaitState(trunk, "REGISTERED");

            TrunklineApi.Reply off = api.put("/api/v1/trunks/" + trunk, trunkJson(registrar.sipPort, "trunk-secret")
                    .replace("\"enabled\":true", "\"enabled\":false"));
            assertThat(off.status()).as(off.body()).isEqualTo(200);

            assertThat(registrar.await(20)).as(registrar.messages()).isZero();
            assertThat(registrar.messages()).contains("Expires: 0");
            assertThat(registration(trunk).getString("state")).isEqualTo("UNREGISTERED");
            assertProxyDigestIsRight(registrar.messages());
        }
    }

    @Test
    void refusingRegistrarLeavesTheTrunkFailedUntilItsBackOffEnds() throws Exception {
        try (Sipp registrar = Sipp.onLoopback()) {
            registrar.serve("registrar-refuse-403.xml", 1);
            String trunk = registeringTrunk(registrar.sipPort, "trunk-secret");

            JsonObject failed = awaitState(trunk, "FAILED");
            assertThat(failed.getInt("lastStatus")).isEqualTo(403);
            assertThat(failed.getInt("consecutiveFailures")).isEqualTo(1);
            assertThat(failed.isNull("expiresAt")).isTrue();
            assertThat(Instant.parse(failed.getString("nextAttemptAt"))).isAfter(Instant.now().plusSeconds(20));
            assertThat(registrar.await(10)).as(registrar.messages()).isZero();
        }
    }

    @Test
    void trunkWithoutRegistrationIsUnregisteredAndBadSettingsAreRefusedByField() throws Exception {
        String trunk = provision.trunk("carrier", "CARRIER", 5999);
        assertThat(registration(trunk).getString("state")).isEqualTo("UNREGISTERED");

        TrunklineApi.Reply refused = api.put("/api/v1/trunks/" + Provision.uniqueName("carrier"),
                "{\"role\":\"CARRIER\",\"gateways\":[{\"host\":\"127.0.0.1\",\"port\":5999}],"
                        + "\"credentials\":{\"username\":\"u\",\"password\":\"p\"},"
                        + "\"registration\":{\"enabled\":true,\"expiresSeconds\":5}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("field")).isEqualTo("registration.expiresSeconds");
        assertThat(api.get("/api/v1/trunks/no-such-trunk/registration").status()).isEqualTo(404);
    }

    private String registeringTrunk(int registrarPort, String password) throws Exception {
        String name = Provision.uniqueName("carrier");
        TrunklineApi.Reply created = api.put("/api/v1/trunks/" + name, trunkJson(registrarPort, password));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().getJsonObject("registration").getBoolean("enabled")).isTrue();
        return name;
    }

    private static String trunkJson(int registrarPort, String password) {
        return "{\"role\":\"CARRIER\",\"gateways\":[{\"host\":\"127.0.0.1\",\"port\":" + registrarPort + "}],"
                + "\"credentials\":{\"username\":\"trunk-user\",\"password\":\"" + password + "\"},"
                + "\"registration\":{\"enabled\":true,\"expiresSeconds\":60}}";
    }

    /** RFC 2617 §3.2.2 without qop: response = MD5(MD5(user:realm:password):nonce:MD5(REGISTER:uri)). */
    private static void assertProxyDigestIsRight(String registrarLog) throws Exception {
        Matcher header = Pattern.compile("Proxy-Authorization: Digest (.*)").matcher(registrarLog);
        assertThat(header.find()).as("a Proxy-Authorization in\n" + registrarLog).isTrue();
        String params = header.group(1);
        assertThat(param(params, "username")).isEqualTo("trunk-user");
        assertThat(param(params, "realm")).isEqualTo("proxy.carrier.example");
        String uri = param(params, "uri");
        String expected = md5(md5("trunk-user:proxy.carrier.example:trunk-secret") + ":0b4f2e77c1d95a30:"
                + md5("REGISTER:" + uri));
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

    private JsonObject awaitState(String trunk, String state) throws Exception {
        return Eventually.await("registration " + state, Duration.ofSeconds(15), () -> registration(trunk),
                r -> state.equals(r.getString("state")));
    }

    private JsonObject registration(String trunk) throws Exception {
        TrunklineApi.Reply reply = api.get("/api/v1/trunks/" + trunk + "/registration");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
