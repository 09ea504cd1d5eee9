package io.trunkline.admin.api;

import io.trunkline.registration.RegistrationStatus;

import javax.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/** A trunk's registration state; times are ISO-8601 UTC, null when they do not apply. */
@JsonbNillable
public class RegistrationStatusJson {
    public String state;
    public int lastStatus;
    public String expiresAt;
    public String lastAttemptAt;
    public String nextAttemptAt;
    public int consecutiveFailures;

    static RegistrationStatusJson of(RegistrationStatus status) {
        RegistrationStatusJson json = new RegistrationStatusJson();
        json.state = status.state().name();
        json.lastStatus = status.lastStatus();
        json.expiresAt = text(status.expiresAt());
        json.lastAttemptAt = text(status.lastAttemptAt());
        json.nextAttemptAt = text(status.nextAttemptAt());
        json.consecutiveFailures = status.consecutiveFailures();
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
