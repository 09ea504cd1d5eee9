package io.trunkline.routing;

import io.trunkline.trunk.InvalidConfigurationException;

/** A rate deck CSV line that cannot be read: names the line (from 1) and the field at fault. */
public final class RateDeckFormatException extends InvalidConfigurationException {
    private final int line;

    public RateDeckFormatException(int line, String field, String problem) {
        super(field, problem);
        this.line = line;
    }

    public int line() {
        return line;
    }

    @Override
    public String getMessage() {
        return "line " + line + ": " + super.getMessage();
    }

    @Override
    public String problem() {
        return super.getMessage().substring(field().length() + 1);
    }
}
