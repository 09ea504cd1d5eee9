package io.trunkline.registration;

import java.time.Instant;

/**
 * A trunk's registration as administrators see it.
 *
 * @param state               current state
 * @param lastStatus          status of the registrar's last final answer (408 when none came), or 0 before any
 * @param expiresAt           when the binding the registrar granted ends, or null when none is in force
 * @param lastAttemptAt       when the last REGISTER was sent, or null
 * @param nextAttemptAt       when the next REGISTER (refresh or retry) is due, or null
 * @param consecutiveFailures failed attempts since the last success
 */
public record RegistrationStatus(RegistrationState state, int lastStatus, Instant expiresAt, Instant lastAttemptAt,
                                 Instant nextAttemptAt, int consecutiveFailures) {

    static RegistrationStatus unregistered() {
        return new RegistrationStatus(RegistrationState.UNREGISTERED, 0, null, null, null, 0);
    }
}
