package io.trunkline.admin.api;

import io.trunkline.trunk.InvalidConfigurationException;

/** Checks shared by the resources' write methods. */
final class RequestBodies {
    private RequestBodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidConfigurationException("body", "is required: send a JSON object");
        }
        return body;
    }
}
