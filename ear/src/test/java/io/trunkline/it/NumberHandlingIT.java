package io.trunkline.it;

import org.junit.jupiter.api.Test;

import javax.json.JsonObject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-trunk number handling between real sipp peers: dial-plan rules on received numbers, the format each trunk
 * receives numbers in, and caller-ID by trust (RFC 3323/3325). The receiving sipp scenarios check the Request-URI,
 * To, From, P-Asserted-Identity and Privacy headers themselves and fail the call when one is wrong; the CDR shows
 * the calling identity Trunkline decided on.
 */
class NumberHandlingIT extends InServerTest {
    private static final int SIP = TrunklineApi.SIP_PORT;
    private static final String TRUSTED = "{\"trust\":\"TRUSTED\"}";
    private static final String UNTRUSTED = "{\"trust\":\"UNTRUSTED\"}";
    private final TrunklineApi api = new TrunklineApi();
    private final Provision provision = new Provision(api);

    @Test
    void carrierDialPlanStripsItsTechPrefixAndThePbxReceivesTheNationalCalledNumber() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = Provision.uniqueUsNumber();
            String national = did.substring(2);
            String carrierTrunk = trunk("carrier", "CARRIER", carrier.sipPort, "{\"dialPlan\":["
                    + "{\"type\":\"STRIP_PREFIX\",\"prefix\":\"1234#\"},{\"type\":\"INTERNATIONAL_PREFIX\",\"prefix\":\"00\"}]}");
            provision.did(did, carrierTrunk, trunk("pbx", "PBX", pbx.sipPort, "{\"format\":\"NATIONAL\"}"));
            pbx.serve("uas-expect-national-called-number.xml", 1);

            // '#' travels escaped in a SIP URI user (RFC 3261 §19.1.2); "00" is not the US access code (011).
            int callerExit = carrier.call("uac-call-and-hang-up.xml", SIP, "1234%23" + national, "00442079460000", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            assertThat(pbx.messages()).contains("INVITE sip:" + national + "@");
            JsonObject cdr = cdrFor(did);
            assertThat(cdr.getString("calledNumber")).isEqualTo(did);
            assertThat(cdr.getString("callingNumber")).isEqualTo("+442079460000");
        }
    }

    @Test
    void theNationalNumberScenarioFailsWhenThePbxIsSentE164() throws Exception {
        // The control for the scenarios above: a header check that cannot fail would prove nothing.
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = Provision.uniqueUsNumber();
            provision.did(did, provision.trunk("carrier", "CARRIER", carrier.sipPort),
                    trunk("pbx", "PBX", pbx.sipPort, "{\"format\":\"E164\"}"));
            pbx.serve("uas-expect-national-called-number.xml", 1);

            carrier.call("uac-call-and-hang-up.xml", SIP, did, "+14155550166", 1);

            assertThat(pbx.await(30)).as(pbx.messages()).isNotZero();
            assertThat(pbx.messages()).contains("INVITE sip:" + did + "@");
        }
    }

    @Test
    void pbxWithATechPrefixReceivesItBeforeBothNumbers() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = Provision.uniqueUsNumber();
            String carrierTrunk = provision.trunk("carrier", "CARRIER", carrier.sipPort);
            provision.did(did, carrierTrunk, trunk("pbx", "PBX", pbx.sipPort,
                    "{\"format\":\"TECH_PREFIX\",\"techPrefix\":\"55#\"}"));
            pbx.serve("uas-expect-tech-prefix-called-number.xml", 1);

            int callerExit = carrier.call("uac-call-and-hang-up.xml", SIP, did, "+14155550166", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            assertThat(cdrFor(did).getString("callingNumber")).isEqualTo("+14155550166");
        }
    }

    @Test
    void pbxDialPlanStripsTheOutsideLineAndTheCarrierReceivesE164WithoutPlus() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String dialled = Provision.uniqueUsNumber();
            trunk("pbx", "PBX", pbx.sipPort, "{\"dialPlan\":[{\"type\":\"STRIP_PREFIX\",\"prefix\":\"9\"}]}");
            provision.route(dialled.substring(1), trunk("carrier", "CARRIER", carrier.sipPort,
                    "{\"format\":\"E164_WITHOUT_PLUS\"}"));
            carrier.serve("uas-expect-e164-without-plus-called-number.xml", 1);

            int callerExit = pbx.call("uac-call-and-hang-up.xml", SIP, "9" + dialled.substring(2), "4155550166", 1);

            Sipp.assertAllEnded(callerExit, pbx, carrier);
            assertThat(carrier.messages()).contains("INVITE sip:" + dialled.substring(1) + "@");
            assertThat(cdrFor(dialled).getString("callingNumber")).isEqualTo("+14155550166");
        }
    }

    @Test
    void trustedCarriersAssertedIdentityIsTheCallerIdAndIsAssertedToATrustedPbx() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = didBetween(carrier, TRUSTED, pbx, TRUSTED);
            pbx.serve("uas-expect-asserted-identity.xml", 1);

            int callerExit = carrier.call("uac-call-with-asserted-identity.xml", SIP, did, "+14155550166;+14155550177", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            assertThat(cdrFor(did).getString("callingNumber")).isEqualTo("+14155550177");
        }
    }

    @Test
    void untrustedCarriersAssertedIdentityIsIgnoredAndNeverPassedOn() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = didBetween(carrier, UNTRUSTED, pbx, UNTRUSTED);
            pbx.serve("uas-expect-from-number-without-pai.xml", 1);

            int callerExit = carrier.call("uac-call-with-asserted-identity.xml", SIP, did, "+14155550166;+14155550999", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            assertThat(cdrFor(did).getString("callingNumber")).isEqualTo("+14155550166");
        }
    }

    @Test
    void withheldIdentityReachesATrustedPbxAsAnonymousFromWithAssertedIdentityAndPrivacyId() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = didBetween(carrier, TRUSTED, pbx, TRUSTED);
            pbx.serve("uas-expect-anonymous-from-with-pai.xml", 1);

            int callerExit = carrier.call("uac-call-with-asserted-identity-and-privacy-id.xml", SIP, did,
                    "anonymous;+14155550177", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            assertThat(cdrFor(did).getString("callingNumber")).isEqualTo("+14155550177");
        }
    }

    @Test
    void withheldIdentityReachesAnUntrustedPbxAsAnonymousFromOnly() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = didBetween(carrier, TRUSTED, pbx, UNTRUSTED);
            pbx.serve("uas-expect-anonymous-from-without-pai.xml", 1);

            int callerExit = carrier.call("uac-call-with-asserted-identity-and-privacy-id.xml", SIP, did,
                    "anonymous;+14155550177", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            assertThat(cdrFor(did).getString("callingNumber")).isEqualTo("+14155550177");
        }
    }

    @Test
    void remotePartyIdWithPrivacyFullFromATrustedCarrierIsMappedLikeAnAssertedIdentity() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String did = didBetween(carrier, TRUSTED, pbx, UNTRUSTED);
            pbx.serve("uas-expect-anonymous-from-without-pai.xml", 1);

            int callerExit = carrier.call("uac-call-with-remote-party-id-privacy-full.xml", SIP, did,
                    "+14155550166;+14155550177", 1);

            Sipp.assertAllEnded(callerExit, carrier, pbx);
            assertThat(cdrFor(did).getString("callingNumber")).isEqualTo("+14155550177");
        }
    }

    @Test
    void carrierWithVerifiedCallerIdShowsItsDefaultInsteadOfANumberItDoesNotHold() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String dialled = Provision.uniqueUsNumber();
            provision.trunk("pbx", "PBX", pbx.sipPort);
            provision.route(dialled.substring(1), trunk("carrier", "CARRIER", carrier.sipPort,
                    "{\"verifiedCallerId\":true,\"defaultCallerId\":\"+14155550188\"}"));
            carrier.serve("uas-expect-default-caller-id.xml", 1);

            int callerExit = pbx.call("uac-call-and-hang-up.xml", SIP, dialled, "+442079460000", 1);

            Sipp.assertAllEnded(callerExit, pbx, carrier);
            assertThat(cdrFor(dialled).getString("callingNumber")).isEqualTo("+14155550188");
        }
    }

    @Test
    void carrierWithVerifiedCallerIdLetsItsListedNumbersThrough() throws Exception {
        try (Sipp pbx = Sipp.onLoopback(); Sipp carrier = Sipp.onLoopback()) {
            String dialled = Provision.uniqueUsNumber();
            provision.trunk("pbx", "PBX", pbx.sipPort);
            provision.route(dialled.substring(1), trunk("carrier", "CARRIER", carrier.sipPort,
                    "{\"verifiedCallerId\":true,\"defaultCallerId\":\"+14155550188\","
                            + "\"ownCallerIds\":[\"+14155550166\"]}"));
            carrier.serve("uas-expect-from-number-without-pai.xml", 1);

            int callerExit = pbx.call("uac-call-and-hang-up.xml", SIP, dialled, "4155550166", 1);

            Sipp.assertAllEnded(callerExit, pbx, carrier);
            assertThat(cdrFor(dialled).getString("callingNumber")).isEqualTo("+14155550166");
        }
    }

    @Test
    void numberHandlingIsShownAsConfiguredAndBadValuesAreRefusedNamingTheField() throws Exception {
        String name = Provision.uniqueName("carrier");
        TrunklineApi.Reply created = api.post("/api/v1/trunks", trunkJson(name, "CARRIER", 5060, "{\"dialPlan\":["
                + "{\"type\":\"STRIP_PREFIX\",\"prefix\":\"1234#\"},{\"type\":\"NATIONAL_PREFIX\",\"prefix\":\"0\"}],"
                + "\"format\":\"TECH_PREFIX\",\"techPrefix\":\"99#\",\"trust\":\"TRUSTED\",\"verifiedCallerId\":true,"
                + "\"defaultCallerId\":\"+14155550188\",\"ownCallerIds\":[\"+14155550189\"]}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonObject numbers = api.get("/api/v1/trunks/" + name).json().getJsonObject("numbers");
        assertThat(numbers.getJsonArray("dialPlan").getJsonObject(0).getString("prefix")).isEqualTo("1234#");
        assertThat(numbers.getJsonArray("dialPlan").getJsonObject(1).getString("type")).isEqualTo("NATIONAL_PREFIX");
        assertThat(numbers.getString("format")).isEqualTo("TECH_PREFIX");
        assertThat(numbers.getString("trust")).isEqualTo("TRUSTED");
        assertThat(numbers.getString("defaultCallerId")).isEqualTo("+14155550188");
        assertThat(numbers.getJsonArray("ownCallerIds").getString(0)).isEqualTo("+14155550189");

        assertRefused("{\"dialPlan\":[{\"type\":\"REPLACE\",\"prefix\":\"9\"}]}", "numbers.dialPlan.type");
        assertRefused("{\"dialPlan\":[{\"type\":\"STRIP_PREFIX\",\"prefix\":\"9a\"}]}", "numbers.dialPlan.prefix");
        assertRefused("{\"format\":\"LOCAL\"}", "numbers.format");
        assertRefused("{\"format\":\"TECH_PREFIX\"}", "numbers.techPrefix");
        assertRefused("{\"trust\":\"MAYBE\"}", "numbers.trust");
        assertRefused("{\"verifiedCallerId\":true}", "numbers.defaultCallerId");
        assertRefused("{\"ownCallerIds\":[\"4155550189\"]}", "numbers.ownCallerIds");
    }

    private void assertRefused(String numbersJson, String field) throws Exception {
        TrunklineApi.Reply reply = api.post("/api/v1/trunks",
                trunkJson(Provision.uniqueName("bad"), "CARRIER", 5060, numbersJson));
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().getString("field")).as(reply.body()).isEqualTo(field);
    }

    private String didBetween(Sipp carrier, String carrierNumbers, Sipp pbx, String pbxNumbers) throws Exception {
        String did = Provision.uniqueUsNumber();
        String carrierTrunk = trunk("carrier", "CARRIER", carrier.sipPort, carrierNumbers);
        provision.did(did, carrierTrunk, trunk("pbx", "PBX", pbx.sipPort, pbxNumbers));
        return did;
    }

    private String trunk(String base, String role, int port, String numbersJson) throws Exception {
        String name = Provision.uniqueName(base);
        TrunklineApi.Reply reply = api.post("/api/v1/trunks", trunkJson(name, role, port, numbersJson));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return name;
    }

    private static String trunkJson(String name, String role, int port, String numbersJson) {
        return "{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"defaultRegion\":\"US\","
                + "\"gateways\":[{\"host\":\"127.0.0.1\",\"port\":" + port + "}],\"numbers\":" + numbersJson + "}";
    }

    private JsonObject cdrFor(String number) throws Exception {
        return Cdrs.of(api).forNumber(number);
    }
}
