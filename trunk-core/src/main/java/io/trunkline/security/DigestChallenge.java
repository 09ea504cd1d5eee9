package io.trunkline.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed WWW-Authenticate / Proxy-Authenticate Digest challenge (RFC 2617 §3.2.1, RFC 3261 §22.4).
 *
 * @param realm     protection space
 * @param nonce     server nonce
 * @param opaque    returned unchanged, or null
 * @param algorithm MD5 (default), MD5-sess, SHA-256 or SHA-256-sess (RFC 8760)
 * @param qop       "auth" when the server offers it, else null (RFC 2069 compatibility mode)
 */
public record DigestChallenge(String realm, String nonce, String opaque, String algorithm, String qop) {
    private static final int MAX_LENGTH = 4096;

    /** @return the challenge, or empty when the header is not a Digest challenge Trunkline can answer */
    public static Optional<DigestChallenge> parse(String header) {
        if (header == null || header.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String trimmed = header.trim();
        if (!trimmed.regionMatches(true, 0, "Digest ", 0, 7)) {
            return Optional.empty();
        }
        Map<String, String> params = parameters(trimmed.substring(7));
        String realm = params.get("realm");
        String nonce = params.get("nonce");
        String algorithm = params.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        if (realm == null || nonce == null || !DigestResponder.supports(algorithm)) {
            return Optional.empty();
        }
        String qopOffer = params.get("qop");
        String qop = qopOffer != null && List.of(qopOffer.split("\\s*,\\s*")).contains("auth") ? "auth" : null;
        if (qopOffer != null && qop == null) {
            return Optional.empty(); // only auth-int offered: the body would have to be hashed, unsupported
        }
        return Optional.of(new DigestChallenge(realm, nonce, params.get("opaque"), algorithm, qop));
    }

    /** name=value pairs separated by commas; values may be quoted strings containing commas and escapes. */
    private static Map<String, String> parameters(String text) {
        Map<String, String> params = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = text.substring(i, eq).trim().replaceFirst("^,\\s*", "").toLowerCase(Locale.ROOT);
            List<Character> value = new ArrayList<>();
            int j = eq + 1;
            while (j < text.length() && text.charAt(j) == ' ') {
                j++;
            }
            if (j < text.length() && text.charAt(j) == '"') {
                j++;
                while (j < text.length() && text.charAt(j) != '"') {
                    if (text.charAt(j) == '\\' && j + 1 < text.length()) {
                        j++;
                    }
                    value.add(text.charAt(j++));
                }
                j++;
            } else {
                while (j < text.length() && text.charAt(j) != ',') {
                    value.add(text.charAt(j++));
                }
            }
            StringBuilder builder = new StringBuilder(value.size());
            value.forEach(builder::append);
            params.put(name.trim(), builder.toString().trim());
            int comma = text.indexOf(',', j);
            i = comma < 0 ? text.length() : comma + 1;
        }
        return params;
    }
}
