package io.trunkline.admin.api;

import io.trunkline.health.GatewayStatus;

import javax.json.bind.annotation.JsonbNillable;

/** One gateway's probe state; times are ISO-8601 UTC, null when it never happened. */
@JsonbNillable
public class GatewayHealthJson {
    public String host;
    public int port;
    public String transport;
    public String state;
    public int consecutiveFailures;
    public String lastProbeAt;
    public String lastChangeAt;

    static GatewayHealthJson of(GatewayStatus status) {
        GatewayHealthJson json = new GatewayHealthJson();
        json.host = status.gateway().host();
        json.port = status.gateway().port();
        json.transport = status.gateway().transport().name();
        json.state = status.state().name();
        json.consecutiveFailures = status.consecutiveFailures();
        json.lastProbeAt = status.lastProbeAt() == null ? null : status.lastProbeAt().toString();
        json.lastChangeAt = status.lastChangeAt() == null ? null : status.lastChangeAt().toString();
        return json;
    }
}
