package io.trunkline.admin.api;

import io.trunkline.trunk.InvalidConfigurationException;

/**
 * Reads numeric query parameters. Declared as {@code int} in a resource method, a value that is not a number makes
 * JAX-RS answer 404 (its rule for unconvertible query parameters), which tells the client nothing; this answers 400
 * naming the parameter.
 */
final class QueryParameters {
    private QueryParameters() {
    }

    /** @return the value, or {@code absent} when the parameter is missing or empty */
    static Integer wholeNumber(String name, String value, Integer absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(name, "must be a whole number, not '" + value + "'");
        }
    }
}
