package io.trunkline.provisioning;

/** A change that contradicts the existing configuration (HTTP 409): a duplicate, or a trunk still in use. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
