package io.trunkline.trunk;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransferPolicyTest {
    @Test
    void parsesNamesInAnyCaseAndDefaultsToReject() {
        assertThat(TransferPolicy.parse(" relay ")).isEqualTo(TransferPolicy.RELAY);
        assertThat(TransferPolicy.parse("Transfer")).isEqualTo(TransferPolicy.TRANSFER);
        assertThat(TransferPolicy.parse(null)).isEqualTo(TransferPolicy.REJECT);
        assertThat(new Trunk("pbx", TrunkRole.PBX, "US", List.of()).transfer()).isEqualTo(TransferPolicy.REJECT);
    }

    @Test
    void unknownPolicyNamesTheField() {
        assertThatThrownBy(() -> TransferPolicy.parse("forward"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("RELAY, TRANSFER, REJECT")
                .extracting(e -> ((InvalidConfigurationException) e).field()).isEqualTo("transfer");
    }
}
