package io.trunkline.testing;

import io.trunkline.trunk.InvalidConfigurationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

public final class ConfigurationAssertions {
    private ConfigurationAssertions() {
    }

    /** Asserts that the definition is refused as invalid configuration and returns the refusal. */
    public static InvalidConfigurationException refused(ThrowingCallable definition) {
        Throwable thrown = catchThrowable(definition);
        assertThat(thrown).isInstanceOf(InvalidConfigurationException.class);
        return (InvalidConfigurationException) thrown;
    }
}
