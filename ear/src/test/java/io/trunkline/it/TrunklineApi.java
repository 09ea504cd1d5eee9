package io.trunkline.it;

import javax.json.Json;
import javax.json.JsonArray;
import javax.json.JsonObject;
import javax.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The REST API as an administrator's script sees it: HTTP with Basic credentials, JSON in and out. */
final class TrunklineApi {
    static final int HTTP_PORT = Integer.getInteger("trunkline.http.port", 19080);
    static final int SIP_PORT = Integer.getInteger("trunkline.sip.port", 15060);
    private static final String PASSWORD = System.getProperty("trunkline.admin.password", "it-admin-secret");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String authorization;

    TrunklineApi() {
        this("admin", PASSWORD);
    }

    TrunklineApi(String user, String password) {
        authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    record Reply(int status, String body) {
        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonArray jsonArray() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }
    }

    Reply get(String path) throws Exception {
        return send(request(path).GET());
    }

    Reply post(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** PUT with a CSV body, as a rate deck import. */
    Reply putCsv(String path, String csv) throws Exception {
        return send(request(path).header("Content-Type", "text/csv").PUT(HttpRequest.BodyPublishers.ofString(csv)));
    }

    /** GET asking for CSV. */
    Reply getCsv(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", authorization).header("Accept", "text/csv").GET());
    }

    Reply delete(String path) throws Exception {
        return send(request(path).DELETE());
    }

    /** The same request with no credentials at all. */
    Reply getAnonymously(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", authorization).header("Accept", "application/json, text/html");
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + HTTP_PORT + path);
    }

    private Reply send(HttpRequest.Builder builder) throws Exception {
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
