package io.trunkline.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real baresip phone, headless (PEERS.md): its own config folder under {@code target/baresip/}, SIP, RTP and
 * control ports on 127.0.0.1, G.711 only, a WAV file as microphone ({@code aufile}, which hangs up at the file's end)
 * and what it hears written to WAV by {@code sndfile}. No audio player module, so no sound card is needed. Driven over
 * {@code ctrl_tcp} (netstring-framed JSON commands).
 */
final class Baresip implements AutoCloseable {
    private static final Path MODULES = Path.of("/usr/lib/baresip/modules");
    private static final Duration START_DEADLINE = Duration.ofSeconds(15);
    /** baresip quits by itself after this long even if the test never stops it. */
    private static final int LIFETIME_SECONDS = 90;

    final int sipPort;
    private final int controlPort;
    private final Path dir;
    private final Path log;
    private Process process;

    private Baresip(String name, int firstPort) throws IOException {
        this.sipPort = firstPort;
        this.controlPort = firstPort + 5; // baresip takes sip port + 1 for SIP over TLS
        this.dir = Files.createDirectories(Path.of("target", "baresip", name + "-" + firstPort).toAbsolutePath());
        this.log = dir.resolve("baresip.log");
    }

    /**
     * Starts a phone whose account is {@code user@127.0.0.1:port} (an INVITE for that user rings it), that answers
     * by itself when {@code autoAnswer}, and speaks {@code microphone} (8 kHz mono 16-bit WAV) into every call.
     */
    static Baresip phone(String name, String user, boolean autoAnswer, Path microphone) throws Exception {
        Baresip phone = new Baresip(name, PeerPorts.reserve(20));
        try {
            phone.start(user, autoAnswer, microphone);
            return phone;
        } catch (Exception | AssertionError e) {
            phone.close(); // the caller gets no instance to close
            throw e;
        }
    }

    private void start(String user, boolean autoAnswer, Path microphone) throws Exception {
        writeConfig(user, autoAnswer, microphone);
        process = new ProcessBuilder("baresip", "-f", dir.toString(), "-t", Integer.toString(LIFETIME_SECONDS))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitLog("baresip is ready.", START_DEADLINE);
        if (log().contains("Address already in use")) { // baresip carries on without the module that failed
            throw new AssertionError("baresip could not bind all its ports:\n" + log());
        }
    }

    private void writeConfig(String user, boolean autoAnswer, Path microphone) throws IOException {
        Path received = Files.createDirectories(dir.resolve("received"));
        try (Stream<Path> old = Files.list(received)) { // an earlier run's recordings, from the same ports
            for (Path recording : old.toList()) {
                Files.delete(recording);
            }
        }
        Files.writeString(dir.resolve("config"), String.join("\n",
                "sip_listen 127.0.0.1:" + sipPort,
                "net_interface 127.0.0.1",
                "rtp_ports " + (sipPort + 10) + "-" + (sipPort + 19),
                "audio_source aufile," + microphone.toAbsolutePath(),
                "module_path " + MODULES,
                "module g711.so", "module aufile.so", "module sndfile.so",
                "module account.so", "module menu.so", "module ctrl_tcp.so",
                "ctrl_tcp_listen 127.0.0.1:" + controlPort,
                "snd_path " + received, ""));
        Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@127.0.0.1:" + sipPort + ">;regint=0;answermode="
                + (autoAnswer ? "auto" : "manual") + ";audio_codecs=PCMU,PCMA\n");
    }

    /** Dials a SIP URI through the control socket; the call then proceeds on its own. */
    void dial(String uri) throws IOException {
        String response = command("{\"command\":\"dial\",\"params\":\"" + uri + "\",\"token\":\"dial\"}");
        if (!response.contains("\"ok\":true")) {
            throw new AssertionError("baresip refused to dial " + uri + ": " + response + "\n" + log());
        }
    }

    /** Sends one netstring-framed JSON command to ctrl_tcp and returns baresip's (netstring-framed) response. */
    private String command(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", controlPort), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(',');
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** Reads netstrings until the one answering the command (events may come first). */
    private static String readResponse(InputStream in) throws IOException {
        while (true) {
            StringBuilder length = new StringBuilder();
            for (int c = in.read(); c != ':'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("ctrl_tcp closed before answering");
                }
                length.append((char) c);
            }
            String message = new String(in.readNBytes(Integer.parseInt(length.toString().trim())),
                    StandardCharsets.UTF_8);
            in.read(); // the netstring's trailing comma
            if (message.contains("\"response\":true")) {
                return message;
            }
        }
    }

    /** Waits until baresip's log contains {@code text}. */
    void awaitLog(String text, Duration timeout) throws Exception {
        Eventually.await("baresip " + dir.getFileName() + " to log '" + text + "'", timeout, this::log,
                current -> current.contains(text) || !process.isAlive());
        if (!log().contains(text)) {
            throw new AssertionError("baresip exited (" + process.exitValue() + ") before logging '" + text + "':\n"
                    + log());
        }
    }

    /** The WAV file of what this phone heard in its call (sndfile's decoder-side dump). */
    Path received() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("received"))) {
            List<Path> heard = files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).sorted().toList();
            if (heard.size() != 1) {
                throw new AssertionError("expected one received recording in " + dir + ", found " + heard);
            }
            return heard.get(0);
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no baresip log at " + log + ")";
        }
    }

    @Override
    public String toString() {
        return "baresip " + dir.getFileName();
    }

    /** Quits baresip (SIGTERM ends its calls cleanly), by force if it lingers. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
