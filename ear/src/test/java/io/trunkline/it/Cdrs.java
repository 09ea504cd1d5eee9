package io.trunkline.it;

import javax.json.JsonObject;
import javax.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Reads CDRs through the REST API, waiting for the asynchronous writer to store them. */
final class Cdrs {
    private final TrunklineApi api;

    private Cdrs(TrunklineApi api) {
        this.api = api;
    }

    static Cdrs of(TrunklineApi api) {
        return new Cdrs(api);
    }

    /** The newest CDR with this calling or called number, once stored. */
    JsonObject forNumber(String number) throws Exception {
        String query = "/api/v1/cdrs?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
        TrunklineApi.Reply reply = Eventually.await("a CDR for " + number, Duration.ofSeconds(10),
                () -> api.get(query), r -> r.status() == 200 && r.json().getInt("total") > 0);
        return reply.json().getJsonArray("items").getJsonObject(0);
    }

    /** The newest CDR whose called number is this one, once stored (the number may also call, after a transfer). */
    JsonObject forCalledNumber(String number) throws Exception {
        String query = "/api/v1/cdrs?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
        TrunklineApi.Reply reply = Eventually.await("a CDR to " + number, Duration.ofSeconds(10),
                () -> api.get(query), r -> r.status() == 200 && called(r, number) != null);
        return called(reply, number);
    }

    /** How many stored CDRs have this calling or called number and this end cause (the API's own filter). */
    int count(String number, String cause) throws Exception {
        TrunklineApi.Reply reply = api.get("/api/v1/cdrs?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8)
                + "&cause=" + cause);
        if (reply.status() != 200) {
            throw new AssertionError("CDR listing by cause answered " + reply.status() + ": " + reply.body());
        }
        return reply.json().getInt("total");
    }

    private static JsonObject called(TrunklineApi.Reply reply, String number) {
        return reply.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(cdr -> number.equals(cdr.getString("calledNumber", null))).findFirst().orElse(null);
    }
}
