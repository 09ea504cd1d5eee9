package io.trunkline.registration;

/**
 * A REGISTER the SIP adapter is to send now.
 *
 * @param target         where and as whom
 * @param expiresSeconds the Expires to ask for; 0 removes the binding (RFC 3261 §10.2.2)
 * @param attempt        identifies the attempt when its answer is reported; answers to older attempts are ignored
 * @param line           opaque token put in the Contact, by which calls to that Contact are recognised as the trunk's
 */
public record RegisterRequest(RegistrationTarget target, int expiresSeconds, long attempt, String line) {

    public boolean removesBinding() {
        return expiresSeconds == 0;
    }
}
