package io.trunkline.trunk;

/**
 * One signalling address of a trunk: where Trunkline sends INVITEs for it and from where it accepts them.
 *
 * @param host      host name, IPv4 address, or IPv6 address (bare or in brackets), without port or scheme;
 *                  inbound calls are recognised by comparing the packet's source address with the resolved host
 * @param port      SIP port
 * @param transport SIP transport
 */
public record Gateway(String host, int port, Transport transport) {
    public static final int DEFAULT_SIP_PORT = 5060;
    public static final int DEFAULT_SIPS_PORT = 5061;

    public Gateway {
        host = HostSyntax.check(host);
        if (transport == null) {
            transport = Transport.UDP;
        }
        if (port == 0) {
            port = transport == Transport.TLS ? DEFAULT_SIPS_PORT : DEFAULT_SIP_PORT;
        }
        if (port < 1 || port > 65535) {
            throw new InvalidConfigurationException("port", "must be between 1 and 65535, not " + port);
        }
    }
}
