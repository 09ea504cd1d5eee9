package io.trunkline.trunk;

import java.util.Locale;

/** SIP transport used to reach a gateway (RFC 3261 §18). */
public enum Transport {
    UDP, TCP, TLS;

    /** Parses a transport name case-insensitively; {@code null} or blank means UDP, the RFC 3261 default. */
    public static Transport parse(String value) {
        if (value == null || value.isBlank()) {
            return UDP;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("transport", "must be one of UDP, TCP, TLS, not '" + value + "'");
        }
    }
}
