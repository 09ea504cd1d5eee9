package io.trunkline.number;

import java.io.Serializable;

/**
 * The calling identity Trunkline decided on for a call.
 *
 * @param number   E.164 when it reads as a number, else as received (alphanumeric or anonymous callers); never null
 * @param withheld whether the caller asked for privacy, so the number may be shown only inside the trust domain
 */
public record CallerId(String number, boolean withheld) implements Serializable {
    private static final long serialVersionUID = 1L;

    public CallerId {
        number = number == null ? "" : number;
    }
}
