package io.trunkline.trunk;

import java.io.Serializable;

/**
 * What Trunkline answers a trunk's digest challenge (401/407, RFC 3261 §22.2-22.3) with. IP-authenticated trunks
 * have none. The password must be kept usable, not hashed: Trunkline is the client here.
 */
public record DigestCredentials(String username, String password) implements Serializable {
    private static final long serialVersionUID = 1L;

    public DigestCredentials {
        if (username == null || username.isBlank() || username.length() > 128) {
            throw new InvalidConfigurationException("credentials.username", "is required, at most 128 characters");
        }
        if (password == null || password.isEmpty() || password.length() > 128) {
            throw new InvalidConfigurationException("credentials.password", "is required, at most 128 characters");
        }
    }

    /** Never the password: records print their components, and trunks end up in logs. */
    @Override
    public String toString() {
        return "DigestCredentials[username=" + username + ", password=***]";
    }
}
