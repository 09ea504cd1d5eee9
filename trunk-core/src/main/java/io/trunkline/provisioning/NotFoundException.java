package io.trunkline.provisioning;

/** The trunk, number or route named does not exist (HTTP 404). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
