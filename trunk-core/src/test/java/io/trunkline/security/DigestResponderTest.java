package io.trunkline.security;

import io.trunkline.trunk.DigestCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Known-answer vectors from the RFCs, and what a SIP carrier's challenges look like in practice. */
class DigestResponderTest {

    @Test
    void rfc2617Section3_5Md5WithQopAuth() {
        DigestChallenge challenge = DigestChallenge.parse("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"").orElseThrow();

        String header = DigestResponder.answer(challenge, new DigestCredentials("Mufasa", "Circle Of Life"), "GET",
                "/dir/index.html", "0a4f113b", 1);

        assertThat(header).contains("response=\"6629fae49393a05397450978507c4ef1\"", "qop=auth", "nc=00000001",
                "cnonce=\"0a4f113b\"", "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"", "username=\"Mufasa\"");
    }

    @Test
    void rfc7616Section3_9_1Sha256WithQopAuth() {
        DigestChallenge challenge = DigestChallenge.parse("Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", "
                + "algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"").orElseThrow();

        String header = DigestResponder.answer(challenge, new DigestCredentials("Mufasa", "Circle of Life"), "GET",
                "/dir/index.html", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", 1);

        assertThat(header).contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"",
                "algorithm=SHA-256");
    }

    @Test
    void sipChallengeWithoutQopUsesTheRfc2069Form() {
        // What carriers commonly send (and sipp's 401 scenario): no qop, algorithm after the nonce.
        DigestChallenge challenge = DigestChallenge.parse(
                "Digest realm=\"carrier.example\", nonce=\"5f1c0f2a9b3e4d77\", algorithm=MD5").orElseThrow();

        String header = DigestResponder.answer(challenge, new DigestCredentials("trunk-user", "trunk-secret"),
                "INVITE", "sip:+446540123456@127.0.0.1:25110", "unused", 1);

        // md5(md5(user:realm:pw):nonce:md5(INVITE:uri)), computed independently with Python's hashlib
        assertThat(header).contains("response=\"69171a61105dcebd8aa7ca5366d3217a\"").doesNotContain("qop", "cnonce");
    }

    @Test
    void challengesTrunklineCannotAnswerAreRecognisedAsSuch() {
        assertThat(DigestChallenge.parse("Basic realm=\"x\"")).isEmpty();
        assertThat(DigestChallenge.parse("Digest nonce=\"n\"")).as("no realm").isEmpty();
        assertThat(DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", algorithm=AKAv1-MD5")).isEmpty();
        assertThat(DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\"")).isEmpty();
        assertThat(DigestChallenge.parse(null)).isEmpty();
        assertThat(DigestChallenge.parse("Digest realm=\"" + "x".repeat(5000) + "\", nonce=\"n\"")).isEmpty();
    }

    @Test
    void quotedValuesMayContainCommasAndEscapedQuotes() {
        DigestChallenge challenge = DigestChallenge.parse(
                "Digest realm=\"a, \\\"b\\\"\",nonce=\"n1\",opaque=\"o\"").orElseThrow();

        assertThat(challenge.realm()).isEqualTo("a, \"b\"");
        assertThat(challenge.nonce()).isEqualTo("n1");
        assertThat(challenge.opaque()).isEqualTo("o");
        assertThat(challenge.algorithm()).isEqualTo("MD5");
    }

    @Test
    void credentialsNeverPrintThePassword() {
        assertThat(new DigestCredentials("u", "s3cret").toString()).doesNotContain("s3cret");
    }
}
