package io.trunkline.number;

import io.trunkline.trunk.InvalidConfigurationException;

import java.util.Locale;

/**
 * Whether a trunk is inside Trunkline's trust domain (RFC 3325 §2.3): a trusted peer's P-Asserted-Identity is
 * believed and Trunkline asserts identities to it; an untrusted peer's is removed and it is never sent one.
 */
public enum IdentityTrust {
    TRUSTED, UNTRUSTED;

    public static IdentityTrust parse(String value) {
        if (value == null || value.isBlank()) {
            return UNTRUSTED;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("numbers.trust", "must be TRUSTED or UNTRUSTED, not '" + value + "'");
        }
    }
}
