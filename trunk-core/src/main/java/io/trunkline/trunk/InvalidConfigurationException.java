package io.trunkline.trunk;

/**
 * A trunk, number or route definition that cannot be accepted. Names the offending field so that the REST API can
 * answer 400 with a body an administrator can act on.
 */
public class InvalidConfigurationException extends RuntimeException {
    private final String field;

    public InvalidConfigurationException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field name, for JSON bodies that carry the field separately. */
    public String problem() {
        return getMessage().substring(field.length() + 1);
    }
}
