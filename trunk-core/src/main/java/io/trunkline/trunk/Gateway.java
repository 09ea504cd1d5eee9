package io.trunkline.trunk;

import java.io.Serializable;

/**
 * One signalling address of a trunk: where Trunkline sends INVITEs for it and from where it accepts them.
 *
 * @param host      host name, IPv4 address, or IPv6 address (bare or in brackets), without port or scheme;
 *                  inbound calls are recognised by comparing the packet's source address with the resolved host
 * @param port      SIP port
 * @param transport SIP transport
 * @param priority  failover group: every gateway of the lowest number is tried before any of the next
 * @param weight    share of new calls within its priority group (0: only when the others failed)
 */
public record Gateway(String host, int port, Transport transport, int priority, int weight) implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int DEFAULT_SIP_PORT = 5060;
    public static final int DEFAULT_SIPS_PORT = 5061;
    public static final int DEFAULT_PRIORITY = 1;
    public static final int DEFAULT_WEIGHT = 1;

    /** A gateway in the default priority group with the default weight. */
    public Gateway(String host, int port, Transport transport) {
        this(host, port, transport, DEFAULT_PRIORITY, DEFAULT_WEIGHT);
    }

    public Gateway {
        host = HostSyntax.check(host);
        if (transport == null) {
            transport = Transport.UDP;
        }
        if (port == 0) {
            port = transport == Transport.TLS ? DEFAULT_SIPS_PORT : DEFAULT_SIP_PORT;
        }
        if (!isPort(port)) {
            throw new InvalidConfigurationException("port", "must be between 1 and 65535, not " + port);
        }
        if (priority < 0 || priority > 1000) {
            throw new InvalidConfigurationException("priority", "must be between 0 and 1000, not " + priority);
        }
        if (weight < 0 || weight > 1000) {
            throw new InvalidConfigurationException("weight", "must be between 0 and 1000, not " + weight);
        }
    }

    /** Whether a number can be a UDP or TCP port (1-65535). */
    public static boolean isPort(int port) {
        return port >= 1 && port <= 65535;
    }
}
