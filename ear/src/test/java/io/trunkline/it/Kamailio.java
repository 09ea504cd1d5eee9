package io.trunkline.it;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real kamailio process as a carrier's edge proxy ({@code kamailio/carrier-edge.cfg}): Record-Routes, dispatches new
 * calls over a gateway set in priority order and fails over when a gateway times out or answers 5xx. Runs
 * unprivileged on its own port, with its config, dispatcher list, run folder and log under
 * {@code target/kamailio/edge-PORT/} (PEERS.md).
 */
final class Kamailio implements AutoCloseable {
    private static final Path TEMPLATE = Path.of("target", "test-classes", "kamailio", "carrier-edge.cfg");
    private static final Duration START_DEADLINE = Duration.ofSeconds(15);
    /** Debian installs it in /usr/sbin, which an unprivileged user's PATH often lacks. */
    private static final String EXECUTABLE = Files.isExecutable(Path.of("/usr/sbin/kamailio"))
            ? "/usr/sbin/kamailio" : "kamailio";

    final int port;
    private final Path dir;
    private final Path log;
    private Process process;
    private List<ProcessHandle> children = List.of();

    private Kamailio(int port) throws IOException {
        this.port = port;
        this.dir = Files.createDirectories(Path.of("target", "kamailio", "edge-" + port).toAbsolutePath());
        this.log = dir.resolve("kamailio.log");
    }

    /**
     * Starts an edge proxy whose dispatcher set is these gateways on 127.0.0.1, tried in the order given, and waits
     * until it answers SIP.
     */
    static Kamailio carrierEdge(int... gatewayPorts) throws Exception {
        Kamailio edge = new Kamailio(PeerPorts.reserve(1));
        try {
            edge.start(gatewayPorts);
            return edge;
        } catch (Exception | AssertionError e) {
            edge.close(); // the caller gets no instance to close
            throw e;
        }
    }

    private void start(int... gatewayPorts) throws Exception {
        Path runDir = Files.createDirectories(dir.resolve("run"));
        Path list = dir.resolve("dispatcher.list");
        Files.writeString(list, dispatcherList(gatewayPorts));
        Path config = dir.resolve("edge.cfg");
        Files.writeString(config, Files.readString(TEMPLATE)
                .replace("{{NAME}}", "edge-" + port)
                .replace("{{PORT}}", Integer.toString(port))
                .replace("{{DISPATCHER_LIST}}", list.toString()));
        process = new ProcessBuilder(EXECUTABLE, "-f", config.toString(), "-DD", "-E", "-Y", runDir.toString(),
                "-P", dir.resolve("kamailio.pid").toString(), "-m", "32", "-M", "8")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitListening();
        children = process.descendants().toList(); // the SIP workers, so that close() can end them all
    }

    /** setid, URI, flags, priority: the first gateway gets the highest priority (dispatcher algorithm 8). */
    private static String dispatcherList(int... gatewayPorts) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < gatewayPorts.length; i++) {
            list.append("1 sip:127.0.0.1:").append(gatewayPorts[i]).append(" 0 ")
                    .append(10 * (gatewayPorts.length - i)).append('\n');
        }
        return list.toString();
    }

    /** Sends OPTIONS until the proxy answers it itself (its config answers 200 to OPTIONS for itself). */
    private void awaitListening() throws Exception {
        Instant deadline = Instant.now().plus(START_DEADLINE);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(200);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("kamailio exited with " + process.exitValue() + ":\n" + log());
                }
                if (answersOptions(socket)) {
                    return;
                }
            }
        }
        throw new AssertionError("kamailio did not answer on port " + port + " within " + START_DEADLINE
                + ":\n" + log());
    }

    private boolean answersOptions(DatagramSocket socket) throws IOException {
        int local = socket.getLocalPort();
        String options = "OPTIONS sip:127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + local + ";branch=z9hG4bK-ready-" + System.nanoTime() + "\r\n"
                + "From: <sip:test@127.0.0.1:" + local + ">;tag=ready\r\n"
                + "To: <sip:127.0.0.1:" + port + ">\r\n"
                + "Call-ID: ready-" + System.nanoTime() + "@127.0.0.1\r\n"
                + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        byte[] bytes = options.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
        byte[] buffer = new byte[4096];
        DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(answer);
        } catch (SocketTimeoutException notYet) {
            return false;
        }
        return new String(buffer, 0, answer.getLength(), StandardCharsets.US_ASCII).startsWith("SIP/2.0 200");
    }

    /** What kamailio logged so far (its config logs each routing decision with an {@code edge:} prefix). */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no kamailio log at " + log + ")";
        }
    }

    /** Stops kamailio and its workers: SIGTERM first (it then ends its children), then by force. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(children);
        all.addAll(process.descendants().toList());
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
