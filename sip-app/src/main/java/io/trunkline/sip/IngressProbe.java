package io.trunkline.sip;

import io.trunkline.limits.OverloadProbes;
import io.trunkline.trunk.Transport;

import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipURI;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Overload protection's probe on the wire: up to ten times a second, one at a time, an OPTIONS to Trunkline's own
 * UDP SIP port, timed until the servlet sees it ({@link OverloadProbes}). It is sent from a plain datagram socket,
 * not through the container, because Liberty hands a request addressed to itself back inside the stack, and the
 * probe has to wait where a carrier's INVITE waits: in the socket's receive buffer, behind the stack's reader, in
 * the container's queues. Measured under overload (bench/README, overload), the container's queues stayed short
 * while the socket dropped a quarter of a million datagrams.
 *
 * <p>The servlet knows a probe by its Request-URI user, a secret of this process, so no one outside can make
 * Trunkline measure a delay; it answers 200, which this socket reads and drops.
 */
final class IngressProbe implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(IngressProbe.class.getName());
    static final long PERIOD_MILLIS = 100;

    private final String user = "overload-probe-" + UUID.randomUUID();
    private final OverloadProbes probes;
    private final InetSocketAddress target;
    private final Ticker ticker = new Ticker("trunkline-overload-probe", PERIOD_MILLIS, this::tick);
    private final ByteBuffer answers = ByteBuffer.allocate(4096);
    private DatagramChannel channel;
    private boolean sendFailureLogged;

    /** @param target Trunkline's own UDP SIP listening address */
    IngressProbe(OverloadProbes probes, InetSocketAddress target) {
        this.probes = probes;
        this.target = target;
    }

    void start() {
        try {
            channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress(target.getAddress(), 0));
            channel.configureBlocking(false);
            ticker.start();
            LOG.info(() -> "Overload protection probes " + target + " every " + PERIOD_MILLIS + " ms");
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Overload protection cannot probe " + target + "; it stays off", e);
        }
    }

    private void tick() {
        try {
            while (channel.receive(answers.clear()) != null) {
                // the servlet's 200s: nothing in them to read
            }
            probes.due().ifPresent(this::send);
        } catch (IOException | RuntimeException e) {
            if (!sendFailureLogged) { // every 100 ms otherwise
                sendFailureLogged = true;
                LOG.log(Level.WARNING, "Overload probe to " + target + " failed; retrying", e);
            }
        }
    }

    private void send(String callId) {
        InetSocketAddress local = (InetSocketAddress) socketAddress();
        String self = SipAddresses.hostPortTransport(target.getAddress().getHostAddress(), target.getPort(),
                Transport.UDP);
        String via = SipAddresses.hostPortTransport(local.getAddress().getHostAddress(), local.getPort(),
                Transport.UDP);
        String options = "OPTIONS sip:" + user + "@" + self + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + via + ";branch=z9hG4bK" + callId.hashCode() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:overload-probe@" + via + ">;tag=" + Integer.toHexString(callId.hashCode()) + "\r\n"
                + "To: <sip:" + user + "@" + self + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
        try {
            channel.send(ByteBuffer.wrap(options.getBytes(StandardCharsets.US_ASCII)), target);
        } catch (IOException e) {
            throw new IllegalStateException("Sending the overload probe failed", e);
        }
    }

    private Object socketAddress() {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("The overload probe's socket is closed", e);
        }
    }

    /** @return whether this OPTIONS is a probe (then answered and timed here) */
    boolean answered(SipServletRequest options) throws IOException {
        if (!(options.getRequestURI() instanceof SipURI uri) || !user.equals(uri.getUser())) {
            return false;
        }
        probes.arrived(options.getCallId());
        options.createResponse(200).send();
        return true;
    }

    @Override
    public void close() {
        ticker.close();
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing the overload probe's socket", e);
        }
    }
}
