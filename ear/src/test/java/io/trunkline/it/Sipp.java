package io.trunkline.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real sipp process playing a carrier or a PBX against Trunkline. Every instance gets its own SIP, media and
 * control ports (PEERS.md: media ports 4 apart, explicit control port) so that tests never collide.
 */
final class Sipp implements AutoCloseable {
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(Integer.getInteger("trunkline.sipp.port", 25060));
    private static final Path SCENARIOS = Path.of("target", "test-classes", "sipp").toAbsolutePath();

    final int sipPort;
    private int mediaAndControlBase;
    private final String address;
    private final Path logDir;
    private final List<String> command = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final List<String> options = new ArrayList<>();
    private Process process;
    private int globalTimeoutSeconds = 60;
    private boolean traced = true;

    private Sipp(String address) throws IOException {
        this(address, NEXT_PORT.getAndAdd(10));
    }

    private Sipp(String address, int sipPort) throws IOException {
        this.address = address;
        this.sipPort = sipPort;
        this.logDir = Files.createDirectories(Path.of("target", "sipp-logs", "sipp-" + sipPort).toAbsolutePath());
        // Ports repeat from run to run, and sipp creates its message log only when it logs the first message: a
        // log left by an earlier run would otherwise satisfy a wait on this instance's messages before it sees any.
        for (String log : List.of("messages.log", "errors.log", "stdout.log")) {
            Files.deleteIfExists(logDir.resolve(log));
        }
    }

    /** A sipp bound to 127.0.0.1 on a fresh port. */
    static Sipp onLoopback() throws IOException {
        return new Sipp("127.0.0.1");
    }

    /** A sipp bound to another loopback address, as a host that is no configured trunk. */
    static Sipp onAddress(String address) throws IOException {
        return new Sipp(address);
    }

    /** A sipp on 127.0.0.1 at a given SIP port (its media and control ports come from the shared range). */
    static Sipp onLoopbackPort(int sipPort) throws IOException {
        Sipp sipp = new Sipp("127.0.0.1", sipPort);
        sipp.mediaAndControlBase = NEXT_PORT.getAndAdd(10);
        return sipp;
    }

    /** Sets the scenario keyword {@code [name]} to {@code value} for every scenario this sipp runs. */
    Sipp withKey(String name, String value) {
        keys.addAll(List.of("-key", name, value));
        return this;
    }

    /** SIP over TCP, one connection for all calls (sipp {@code -t t1}); the default is UDP. */
    Sipp overTcp() {
        options.addAll(List.of("-t", "t1"));
        return this;
    }

    /** At most this many calls open at once (sipp {@code -l}): a burst keeps its rate however slowly calls end. */
    Sipp withOpenCallsUpTo(int calls) {
        options.addAll(List.of("-l", Integer.toString(calls)));
        return this;
    }

    /** A global scenario variable ({@code [$name]}, sipp {@code -set}). */
    Sipp withVariable(String name, String value) {
        options.addAll(List.of("-set", name, value));
        return this;
    }

    /** Runs a server-side scenario (PBX or carrier answering) in the background. */
    Sipp serve(String scenario, int calls) throws IOException {
        start(scenario, List.of("-m", Integer.toString(calls)));
        return this;
    }

    /**
     * Places calls to {@code number} at Trunkline from {@code callingNumber} and waits for sipp to finish.
     *
     * @return sipp's exit status: 0 when every call went as the scenario says
     */
    int call(String scenario, int sipTarget, String number, String callingNumber, int calls) throws Exception {
        return startCalls(scenario, sipTarget, number, callingNumber, calls, 10).await(60);
    }

    /** Starts placing calls at {@code rate} per second without waiting for them; {@link #await} collects. */
    Sipp startCalls(String scenario, int sipTarget, String number, String callingNumber, int calls, int rate)
            throws IOException {
        Path injection = logDir.resolve("calling.csv");
        Files.writeString(injection, "SEQUENTIAL\n" + callingNumber + ";\n");
        start(scenario, List.of("127.0.0.1:" + sipTarget, "-s", number, "-inf", injection.toString(),
                "-m", Integer.toString(calls), "-r", Integer.toString(rate)));
        return this;
    }

    /**
     * Places one call to {@code number} with extra injection fields (field1, field2, ... of the scenario) and
     * waits for sipp.
     *
     * @return sipp's exit status
     */
    int callWithFields(String scenario, int sipTarget, String number, String callingNumber, String... fields)
            throws Exception {
        Path injection = logDir.resolve("calling.csv");
        Files.writeString(injection, "SEQUENTIAL\n" + callingNumber + ";" + String.join(";", fields) + ";\n");
        start(scenario, List.of("127.0.0.1:" + sipTarget, "-s", number, "-inf", injection.toString(), "-m", "1"));
        return await(60);
    }

    private void start(String scenario, List<String> extra) throws IOException {
        command.clear(); // an instance may run several scenarios in turn, on the same ports
        command.addAll(List.of("sipp", "-sf", SCENARIOS.resolve(scenario).toString(),
                "-i", address, "-p", Integer.toString(sipPort),
                "-mi", address, "-mp", Integer.toString(portBase() + 4), "-cp", Integer.toString(portBase() + 8),
                "-nostdin", "-recv_timeout", "15000", "-timeout", globalTimeoutSeconds + "s",
                "-trace_err", "-error_file", logDir.resolve("errors.log").toString()));
        if (traced) {
            command.addAll(List.of("-trace_msg", "-message_file", logDir.resolve("messages.log").toString()));
        }
        command.addAll(keys);
        command.addAll(options);
        command.addAll(extra);
        process = new ProcessBuilder(command).directory(logDir.toFile())
                .redirectErrorStream(true).redirectOutput(logDir.resolve("stdout.log").toFile()).start();
    }

    private int portBase() {
        return mediaAndControlBase == 0 ? sipPort : mediaAndControlBase;
    }

    /** Waits for sipp to end by itself; returns its exit status. */
    int await(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sipp " + command + " did not finish in " + seconds + " s; see " + logDir);
        }
        return process.exitValue();
    }

    /**
     * The caller's scenario ended without an error (its exit status, given), and so does each answering sipp's
     * within 20 s; a failing check shows that sipp's messages.
     */
    static void assertAllEnded(int callerExit, Sipp caller, Sipp... answerers) throws InterruptedException {
        assertThat(callerExit).as(caller.messages()).isZero();
        for (Sipp answerer : answerers) {
            assertThat(answerer.await(20)).as(answerer.messages()).isZero();
        }
    }

    /** What sipp exchanged, for failure messages. */
    String messages() {
        try {
            return Files.readString(logDir.resolve("messages.log"));
        } catch (IOException e) {
            return "(no message log in " + logDir + ")";
        }
    }

    /**
     * Logs no messages: for thousands of calls, where the message log would cost sipp more than the calls (and
     * {@link #messages} then has nothing to show).
     */
    Sipp untraced() {
        traced = false;
        return this;
    }

    /** sipp's own count of calls that went as the scenario says and of calls that did not, from its last screen. */
    record Totals(long successful, long failed) {
    }

    Totals totals() throws IOException {
        String screen = Files.readString(logDir.resolve("stdout.log"));
        return new Totals(lastCount(screen, "Successful call"), lastCount(screen, "Failed call"));
    }

    private static long lastCount(String screen, String counter) {
        String[] lines = screen.lines().filter(line -> line.contains(counter)).toArray(String[]::new);
        if (lines.length == 0) {
            throw new AssertionError("sipp printed no '" + counter + "' line:\n" + screen);
        }
        String[] cells = lines[lines.length - 1].split("\\|");
        return Long.parseLong(cells[cells.length - 1].trim());
    }

    /** Lets this sipp run up to {@code seconds} in all, for scenarios that wait on a protocol timer. */
    Sipp patient(int seconds) {
        globalTimeoutSeconds = seconds;
        return this;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
