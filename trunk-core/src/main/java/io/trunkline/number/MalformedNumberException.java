package io.trunkline.number;

/** A dialled string that cannot be a telephone number (maps to SIP 484 Address Incomplete, RFC 3261 §21.4.22). */
public class MalformedNumberException extends Exception {
    public MalformedNumberException(String message) {
        super(message);
    }
}
