package io.trunkline.trunk;

import java.util.Locale;

/**
 * What Trunkline does with a REFER (RFC 3515) that a party of an established call sends on this trunk. The policy of
 * the trunk the REFER arrives on applies: that trunk is the one asking for the transfer.
 */
public enum TransferPolicy {
    /** The REFER goes on to the other party, which performs the transfer itself; 202 and NOTIFYs come back. */
    RELAY,
    /** Trunkline performs a blind transfer: a new leg to the Refer-To target replaces the referrer. */
    TRANSFER,
    /** The REFER is refused with 403; the call goes on as it was. */
    REJECT;

    /** The default for trunks that say nothing: refusing is what Trunkline did before transfer existed. */
    public static TransferPolicy defaultPolicy() {
        return REJECT;
    }

    /** Parses a policy name case-insensitively; {@code null} or blank means the default. */
    public static TransferPolicy parse(String value) {
        if (value == null || value.isBlank()) {
            return defaultPolicy();
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("transfer",
                    "must be one of RELAY, TRANSFER, REJECT, not '" + value + "'");
        }
    }
}
