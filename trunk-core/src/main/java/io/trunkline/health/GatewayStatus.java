package io.trunkline.health;

import io.trunkline.trunk.Gateway;

import java.time.Instant;

/**
 * One gateway's health as shown to administrators.
 *
 * @param gateway             the gateway
 * @param state               current belief
 * @param consecutiveFailures failed probes since the last answer
 * @param lastProbeAt         when the last probe was sent, or null
 * @param lastChangeAt        when the state last changed, or null
 */
public record GatewayStatus(Gateway gateway, GatewayState state, int consecutiveFailures, Instant lastProbeAt,
                            Instant lastChangeAt) {
}
