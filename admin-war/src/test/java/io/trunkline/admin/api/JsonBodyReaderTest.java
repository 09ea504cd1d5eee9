package io.trunkline.admin.api;

import io.trunkline.trunk.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

import javax.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyReaderTest {
    private final JsonBodyReader reader = new JsonBodyReader();

    @Test
    void aWellFormedTrunkBindsEveryField() throws IOException {
        TrunkJson trunk = read(TrunkJson.class, """
                {"name":"carrier-a","role":"CARRIER","defaultRegion":"GB",
                 "gateways":[{"host":"192.0.2.10","port":5060,"transport":"TCP","priority":1,"weight":3}],
                 "failover":{"retryCodes":[503],"setupTimeoutMillis":2500,"ringTimeoutSeconds":60},
                 "limits":{"maxChannels":30,"maxCallsPerSecond":5},
                 "numbers":{"verifiedCallerId":true,"ownCallerIds":["+442071234567"]},
                 "credentials":{"username":"u","password":"p","passwordSet":null}}""");

        assertThat(trunk.gateways).singleElement().satisfies(g -> {
            assertThat(g.port).isEqualTo(5060);
            assertThat(g.weight).isEqualTo(3);
        });
        assertThat(trunk.failover.setupTimeoutMillis).isEqualTo(2500L);
        assertThat(trunk.limits.maxChannels).isEqualTo(30);
        assertThat(trunk.numbers.verifiedCallerId).isTrue();
        assertThat(trunk.numbers.ownCallerIds).containsExactly("+442071234567");
        assertThat(trunk.credentials.passwordSet).isNull();
    }

    /** JSON-B alone ignored these and answered 200 with the limit off. */
    @Test
    void aMisspeltFieldIsNamedWithTheFieldsThatExist() {
        assertRefused("{\"name\":\"t\",\"limits\":{\"maxChanels\":5}}", "limits.maxChanels",
                "limits.maxChanels is not a field here; known fields are maxChannels, maxInboundChannels");
        assertRefused("{\"nmae\":\"t\"}", "nmae", "nmae is not a field here; known fields are name, role");
    }

    /** JSON-B alone read "yes" as false. */
    @Test
    void aQuotedBooleanIsRefusedRatherThanReadAsFalse() {
        assertRefused("{\"numbers\":{\"verifiedCallerId\":\"yes\"}}", "numbers.verifiedCallerId",
                "numbers.verifiedCallerId must be true or false, not \"yes\"");
    }

    @Test
    void aWrongTypeIsNamedByItsPathIndexesIncluded() {
        assertRefused("{\"gateways\":[{\"host\":\"a\",\"port\":5060},{\"host\":\"b\",\"port\":\"abc\"}]}",
                "gateways[1].port", "gateways[1].port must be a whole number, not \"abc\"");
        assertRefused("{\"gateways\":[{\"port\":5060.5}]}", "gateways[0].port",
                "gateways[0].port must be a whole number, not 5060.5");
        assertRefused("{\"gateways\":[{\"port\":99999999999}]}", "gateways[0].port",
                "gateways[0].port is out of range: 99999999999");
        assertRefused("{\"gateways\":\"abc\"}", "gateways", "gateways must be a JSON array, not \"abc\"");
        assertRefused("{\"limits\":[]}", "limits", "limits must be a JSON object, not []");
        assertRefused("{\"name\":42}", "name", "name must be a JSON string (in double quotes), not 42");
        assertRefused("{\"failover\":{\"retryCodes\":[503,\"x\"]}}", "failover.retryCodes[1]",
                "failover.retryCodes[1] must be a whole number, not \"x\"");
    }

    /** A null member is an absent one: a primitive keeps its default instead of failing the bind. */
    @Test
    void aNullMemberTakesTheDefault() throws IOException {
        TrunkJson trunk = read(TrunkJson.class, "{\"name\":\"t\",\"limits\":{\"maxChannels\":null},\"role\":null}");

        assertThat(trunk.limits.maxChannels).isZero();
        assertThat(trunk.role).isNull();
    }

    @Test
    void aRouteKeepsItsFreeFormTrunkList() throws IOException {
        RouteJson route = read(RouteJson.class, "{\"prefix\":\"44\",\"trunks\":[\"a\",{\"trunk\":\"b\",\"priority\":2}]}");

        assertThat(route.trunks).hasSize(2);
    }

    @Test
    void aBodyThatIsNotAnObjectOrNotJsonIsRefused() {
        assertRefused("[]", "body", "body must be a JSON object, not array");
        assertRefused("{", "body", "body is not valid JSON");
    }

    @Test
    void anEmptyOrNullBodyReachesTheResourceAsMissing() throws IOException {
        assertThat(read(TrunkJson.class, "")).isNull();
        assertThat(read(TrunkJson.class, "null")).isNull();
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() {
        String huge = "{\"name\":\"" + "x".repeat(JsonBodyReader.MAX_BODY_BYTES) + "\"}";

        assertThatThrownBy(() -> read(TrunkJson.class, huge)).isInstanceOf(JsonBodyReader.BodyTooLargeException.class)
                .hasMessage("request body is larger than 1024 KiB");
    }

    @Test
    void onlyTheApisOwnClassesAreReadHere() {
        assertThat(reader.isReadable(TrunkJson.class, TrunkJson.class, null, MediaType.APPLICATION_JSON_TYPE)).isTrue();
        assertThat(reader.isReadable(String.class, String.class, null, MediaType.APPLICATION_JSON_TYPE)).isFalse();
    }

    private void assertRefused(String body, String field, String message) {
        assertThatThrownBy(() -> read(TrunkJson.class, body).getClass())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(message);
                });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> T read(Class<T> type, String body) throws IOException {
        return (T) reader.readFrom((Class) type, type, null, MediaType.APPLICATION_JSON_TYPE, null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
