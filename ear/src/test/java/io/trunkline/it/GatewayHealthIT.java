package io.trunkline.it;

import org.junit.jupiter.api.Test;

import javax.json.JsonArray;
import javax.json.JsonObject;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OPTIONS probing: a gateway that stops answering is marked DOWN and skipped by new calls, and comes back UP when
 * it answers again; the state is visible in the REST API.
 */
class GatewayHealthIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void silentGatewayIsMarkedDownSkippedAndUpAgainWhenItAnswers() throws Exception {
        int gateway1Port;
        String pbx;
        String did = Provision.uniqueUsNumber();
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             Sipp gateway2 = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            gateway1Port = silent.getLocalPort();
            // A 30 s setup timeout: a call that tried the silent gateway first would take at least that long.
            pbx = provision.pbxWithGateways("{\"setupTimeoutMillis\":30000}", gateway1Port, gateway2.sipPort);
            api.put("/api/v1/trunks/" + pbx, api.get("/api/v1/trunks/" + pbx).body()
                    .replace("\"intervalSeconds\":0", "\"intervalSeconds\":1").replace("\"downAfter\":3", "\"downAfter\":2"));
            provision.did(did, provision.trunk("carrier", "CARRIER", carrier.sipPort), pbx);
            // Each probe is a call to sipp, so gateway 2 is judged by what it exchanged, not by its exit status.
            gateway2.serve("uas-answer-options-and-calls.xml", 10_000);

            Eventually.await("gateway 1 DOWN and gateway 2 UP", Duration.ofSeconds(20),
                    () -> states(pbx), s -> s.equals("DOWN,UP"));
            Instant start = Instant.now();
            assertThat(carrier.call("uac-call-and-hang-up.xml", SIP, did, "+14155550140", 1))
                    .as(carrier.messages()).isZero();
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
            Eventually.await("gateway 2 to receive the BYE", Duration.ofSeconds(10), gateway2::messages,
                    log -> log.contains("BYE sip:"));
            assertThat(Cdrs.of(api).forNumber(did).getInt("finalStatus")).isEqualTo(200);
            JsonObject gateway1 = health(pbx).getJsonObject(0);
            assertThat(gateway1.getInt("consecutiveFailures")).isGreaterThanOrEqualTo(2);
        }
        // The silent socket is gone; a gateway that answers OPTIONS now listens on the same port.
        try (Sipp revived = Sipp.onLoopbackPort(gateway1Port)) {
            revived.serve("uas-answer-options-and-calls.xml", 10_000);
            Eventually.await("gateway 1 UP again", Duration.ofSeconds(20), () -> states(pbx), s -> s.startsWith("UP"));
        }
    }

    private JsonArray health(String trunk) throws Exception {
        return api.get("/api/v1/trunks/" + trunk + "/health").jsonArray();
    }

    private String states(String trunk) throws Exception {
        JsonArray gateways = health(trunk);
        return gateways.getJsonObject(0).getString("state") + "," + gateways.getJsonObject(1).getString("state");
    }
}
