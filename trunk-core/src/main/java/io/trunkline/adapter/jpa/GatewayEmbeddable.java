package io.trunkline.adapter.jpa;

import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class GatewayEmbeddable {
    @Column(name = "host", nullable = false)
    private String host;
    @Column(name = "port", nullable = false)
    private int port;
    @Column(name = "transport", nullable = false)
    private String transport;
    @Column(name = "priority", nullable = false)
    private int priority;
    @Column(name = "weight", nullable = false)
    private int weight;

    protected GatewayEmbeddable() {
    }

    static GatewayEmbeddable of(Gateway gateway) {
        GatewayEmbeddable e = new GatewayEmbeddable();
        e.host = gateway.host();
        e.port = gateway.port();
        e.transport = gateway.transport().name();
        e.priority = gateway.priority();
        e.weight = gateway.weight();
        return e;
    }

    Gateway toDomain() {
        return new Gateway(host, port, Transport.valueOf(transport), priority, weight);
    }
}
