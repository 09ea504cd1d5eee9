package io.trunkline.sip;

import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;

/**
 * A Session-Expires header value (RFC 4028 §4): the session interval in seconds and who refreshes it
 * ({@code uac}, {@code uas}, or nobody named yet).
 */
record SessionExpires(int seconds, Optional<String> refresher) implements Serializable {
    /** RFC 4028 §4: Min-SE is never below 90 seconds. */
    static final int ABSOLUTE_MINIMUM = 90;

    /** Reads {@code 1800;refresher=uac}; empty when absent or not a number (treated as no timer, RFC 4028 §8). */
    static Optional<SessionExpires> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String[] parts = header.split(";");
        Optional<Integer> seconds = deltaSeconds(parts[0]);
        if (seconds.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> refresher = Optional.empty();
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("refresher")) {
                refresher = Optional.of(parameter[1].trim().toLowerCase(Locale.ROOT));
            }
        }
        return Optional.of(new SessionExpires(seconds.get(), refresher));
    }

    /** Reads a Min-SE value (delta-seconds, parameters ignored); empty when absent or not a number. */
    static Optional<Integer> parseMinSe(String header) {
        return header == null || header.isBlank() ? Optional.empty() : deltaSeconds(header.split(";")[0]);
    }

    private static Optional<Integer> deltaSeconds(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * When the side that does not refresh gives up on the session: RFC 4028 §10 has it send BYE "at the session
     * expiration minus the smaller of 32 seconds and one third of the interval".
     */
    long teardownAfterMillis() {
        return (seconds - Math.min(32, seconds / 3)) * 1000L;
    }

    /** The header value with the refresher, if any. */
    String render() {
        return seconds + refresher.map(who -> ";refresher=" + who).orElse("");
    }
}
