package io.trunkline.sip;

import io.trunkline.registration.RegistrationTarget;
import io.trunkline.trunk.Transport;

import javax.servlet.sip.SipURI;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * The Contact Trunkline registers for a trunk: where the carrier is to send its calls. The host is the advertised
 * one when set, else the listening address, else (listening on every address) the local address the system routes
 * to the registrar from; the port is the container's listening port for the registrar's transport.
 */
final class ContactAddress {
    private final List<SipURI> interfaces;
    private final Optional<String> advertisedHost;
    private final int tlsPort;

    /**
     * @param interfaces the container's {@code javax.servlet.sip.outboundInterfaces} (JSR 289 §4.1.7)
     * @param tlsPort    the TLS listening port: Liberty lists its TLS listener as TCP on the UDP/TCP port
     */
    ContactAddress(List<SipURI> interfaces, Optional<String> advertisedHost, int tlsPort) {
        this.interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
        this.advertisedHost = advertisedHost;
        this.tlsPort = tlsPort;
    }

    /** {@code <sip:user@host:port;transport=x;line=token>}, the line token naming the trunk on the way back. */
    String contact(RegistrationTarget target, String line) {
        Optional<SipURI> listening = interfaces.stream().filter(uri -> transportOf(uri) == target.transport())
                .findFirst().or(() -> interfaces.stream().findFirst());
        String host = advertisedHost.orElseGet(() -> listening.map(SipURI::getHost).filter(h -> !isWildcard(h))
                .orElseGet(() -> localAddressTowards(target.host())));
        int port = target.transport() == Transport.TLS ? tlsPort
                : listening.map(SipURI::getPort).filter(p -> p > 0).orElse(5060);
        return "<sip:" + target.aorUser() + "@" + SipAddresses.hostPortTransport(host, port, target.transport())
                + ";" + TrunkRegistrar.LINE_PARAMETER + "=" + line + ">";
    }

    /** Where Trunkline itself listens for SIP over UDP, as a peer on this host reaches it (for its own probes). */
    InetSocketAddress udpListener() {
        Optional<SipURI> udp = interfaces.stream().filter(uri -> transportOf(uri) == Transport.UDP).findFirst();
        String host = udp.map(SipURI::getHost).filter(h -> !isWildcard(h)).orElse("127.0.0.1");
        int port = udp.map(SipURI::getPort).filter(p -> p > 0).orElse(5060);
        return new InetSocketAddress(host.replace("[", "").replace("]", ""), port);
    }

    private static Transport transportOf(SipURI uri) {
        String transport = uri.getTransportParam();
        if (uri.isSecure() && transport == null) {
            return Transport.TLS;
        }
        try {
            return Transport.parse(transport);
        } catch (RuntimeException e) {
            return null; // SCTP or WS: not one Trunkline registers over
        }
    }

    private static boolean isWildcard(String host) {
        return host == null || host.isBlank() || "*".equals(host) || "0.0.0.0".equals(host)
                || host.replace("[", "").replace("]", "").matches("[0:]+");
    }

    /** Connecting a UDP socket sends nothing: it only asks the system which local address reaches the host. */
    private static String localAddressTowards(String registrar) {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(InetAddress.getByName(registrar.replace("[", "").replace("]", "")), 9));
            InetAddress local = probe.getLocalAddress();
            return local.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostAddress() : local.getHostAddress();
        } catch (IOException e) {
            return "127.0.0.1";
        }
    }
}
