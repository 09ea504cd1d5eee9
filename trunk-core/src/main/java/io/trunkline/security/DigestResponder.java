package io.trunkline.security;

import io.trunkline.trunk.DigestCredentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Computes the Authorization / Proxy-Authorization answer to a digest challenge (RFC 2617 §3.2.2, RFC 3261 §22.4,
 * RFC 8760 for SHA-256). Written here because the container's own helper produced responses no server accepts.
 */
public final class DigestResponder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DigestResponder() {
    }

    static boolean supports(String algorithm) {
        return switch (algorithm) {
            case "MD5", "MD5-SESS", "SHA-256", "SHA-256-SESS" -> true;
            default -> false;
        };
    }

    /** The header value answering {@code challenge} for a request with this method and Request-URI. */
    public static String answer(DigestChallenge challenge, DigestCredentials credentials, String method, String uri) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return answer(challenge, credentials, method, uri, HexFormat.of().formatHex(random), 1);
    }

    /** As {@link #answer(DigestChallenge, DigestCredentials, String, String)} with a given cnonce and count. */
    static String answer(DigestChallenge challenge, DigestCredentials credentials, String method, String uri,
                         String cnonce, int nonceCount) {
        String hashName = challenge.algorithm().startsWith("SHA-256") ? "SHA-256" : "MD5";
        String ha1 = hash(hashName, credentials.username() + ":" + challenge.realm() + ":" + credentials.password());
        if (challenge.algorithm().endsWith("-SESS")) {
            ha1 = hash(hashName, ha1 + ":" + challenge.nonce() + ":" + cnonce);
        }
        String ha2 = hash(hashName, method + ":" + uri);
        String nc = String.format("%08x", nonceCount);
        String response = challenge.qop() == null
                ? hash(hashName, ha1 + ":" + challenge.nonce() + ":" + ha2)
                : hash(hashName, ha1 + ":" + challenge.nonce() + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        StringBuilder header = new StringBuilder("Digest username=\"").append(quoted(credentials.username()))
                .append("\", realm=\"").append(quoted(challenge.realm()))
                .append("\", nonce=\"").append(quoted(challenge.nonce()))
                .append("\", uri=\"").append(quoted(uri))
                .append("\", response=\"").append(response)
                .append("\", algorithm=").append(challenge.algorithm());
        if (challenge.qop() != null) {
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (challenge.opaque() != null) {
            header.append(", opaque=\"").append(quoted(challenge.opaque())).append('"');
        }
        return header.toString();
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String hash(String algorithm, String text) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java SE platform", e);
        }
    }
}
