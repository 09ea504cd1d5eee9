package io.trunkline.it;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for the kamailio and baresip peers, from a range of their own ({@code trunkline.peers.port}, then upwards),
 * so that they never meet the sipp peers' range or another run's.
 */
final class PeerPorts {
    private static final AtomicInteger NEXT = new AtomicInteger(Integer.getInteger("trunkline.peers.port", 32000));

    private PeerPorts() {
    }

    /** The first of {@code count} consecutive ports reserved for one peer. */
    static int reserve(int count) {
        return NEXT.getAndAdd(count);
    }

    /**
     * A UDP port nothing listens on: a stopped gateway. Checked by binding it once (and letting go at once), so that
     * a leftover process from an earlier run cannot make the "dead" gateway answer.
     */
    static int dead() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = reserve(1);
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort();
            } catch (SocketException taken) {
                // someone is listening there: not dead, try the next one
            }
        }
        throw new IllegalStateException("No free UDP port for a stopped gateway near " + NEXT.get());
    }
}
