package io.trunkline.runtime;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Application settings read from the environment once at start-up and checked there, so that a bad value stops the
 * start with a message naming it instead of failing the first call. Listening ports and the database are server
 * settings (deploy-descriptors/liberty/server.xml); these are the application's own.
 *
 * <table>
 *   <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>TRUNKLINE_SIP_ADVERTISED_HOST</td><td>(the address a call arrived on)</td>
 *       <td>host put in the From of outbound legs; set it to the public address behind NAT</td></tr>
 *   <tr><td>TRUNKLINE_CDR_QUEUE_CAPACITY</td><td>100000</td><td>CDRs waiting for the database before
 *       signalling threads store them themselves</td></tr>
 *   <tr><td>TRUNKLINE_CDR_BATCH_SIZE</td><td>200</td><td>CDRs stored per transaction</td></tr>
 *   <tr><td>TRUNKLINE_SIPS_PORT</td><td>5061</td><td>the SIP over TLS port (server.xml listens on it): the port of
 *       Contacts registered over TLS, which Liberty's outbound-interface list gets wrong</td></tr>
 *   <tr><td>TRUNKLINE_ADMIN_PASSWORD</td><td>(generated on first start, printed once)</td>
 *       <td>password of the admin user of the console and REST API</td></tr>
 *   <tr><td>TRUNKLINE_SIP_HEADER_ALLOW</td><td>(none)</td><td>comma-separated header names or prefixes ending in
 *       {@code *} (e.g. {@code X-Customer-Id,X-Campaign-*}) that the B2BUA passes from one leg to the other</td></tr>
 *   <tr><td>TRUNKLINE_SESSION_MIN_SE</td><td>90</td><td>smallest session interval (RFC 4028 Min-SE, seconds,
 *       at least 90) accepted from a caller; smaller offers get 422</td></tr>
 *   <tr><td>TRUNKLINE_OVERLOAD_DELAY_MS</td><td>250</td><td>how late the SIP container may run its work before
 *       Trunkline refuses a share of new calls with 503 (overload protection); 0 turns it off</td></tr>
 * </table>
 */
public record TrunklineSettings(Optional<String> advertisedSipHost, int cdrQueueCapacity, int cdrBatchSize,
                                Optional<String> adminPassword, int sipTlsPort, List<String> sipHeaderAllow,
                                int sessionMinSeconds, Duration overloadDelay) {
    private static final int DEFAULT_SIPS_PORT = 5061;
    /**
     * Half of RFC 3261's T1 (500 ms), after which a caller retransmits its INVITE: above the 100-200 ms a request
     * can wait at full rate on two cores with every call still answered (measured in bench/README, overload), below
     * the wait at which retransmissions start to pile up.
     */
    private static final Duration DEFAULT_OVERLOAD_DELAY = Duration.ofMillis(250);
    /** RFC 4028 §4: no session interval below 90 seconds. */
    private static final int SESSION_MIN_SE_FLOOR = 90;

    public TrunklineSettings {
        sipHeaderAllow = sipHeaderAllow == null ? List.of() : List.copyOf(sipHeaderAllow);
    }

    /** Settings with the default TLS port and overload delay. */
    public TrunklineSettings(Optional<String> advertisedSipHost, int cdrQueueCapacity, int cdrBatchSize,
                             Optional<String> adminPassword, List<String> sipHeaderAllow, int sessionMinSeconds) {
        this(advertisedSipHost, cdrQueueCapacity, cdrBatchSize, adminPassword, DEFAULT_SIPS_PORT, sipHeaderAllow,
                sessionMinSeconds, DEFAULT_OVERLOAD_DELAY);
    }

    public static TrunklineSettings fromEnvironment() {
        return from(System::getenv);
    }

    public static TrunklineSettings from(Map<String, String> values) {
        return from(values::get);
    }

    public static TrunklineSettings from(Function<String, String> source) {
        return new TrunklineSettings(
                optional(source, "TRUNKLINE_SIP_ADVERTISED_HOST"),
                positive(source, "TRUNKLINE_CDR_QUEUE_CAPACITY", 100_000),
                positive(source, "TRUNKLINE_CDR_BATCH_SIZE", 200),
                optional(source, "TRUNKLINE_ADMIN_PASSWORD"),
                port(source, "TRUNKLINE_SIPS_PORT", DEFAULT_SIPS_PORT),
                list(source, "TRUNKLINE_SIP_HEADER_ALLOW"),
                sessionMinSe(source),
                Duration.ofMillis(nonNegative(source, "TRUNKLINE_OVERLOAD_DELAY_MS", DEFAULT_OVERLOAD_DELAY.toMillis())));
    }

    private static List<String> list(Function<String, String> source, String name) {
        return optional(source, name).map(value -> Arrays.stream(value.split(",")).map(String::trim)
                .filter(entry -> !entry.isEmpty()).toList()).orElse(List.of());
    }

    private static int sessionMinSe(Function<String, String> source) {
        int value = positive(source, "TRUNKLINE_SESSION_MIN_SE", SESSION_MIN_SE_FLOOR);
        if (value < SESSION_MIN_SE_FLOOR) {
            throw new IllegalStateException(
                    "TRUNKLINE_SESSION_MIN_SE must be at least 90 (RFC 4028 §4), not '" + value + "'");
        }
        return value;
    }

    private static Optional<String> optional(Function<String, String> source, String name) {
        String value = source.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static int port(Function<String, String> source, String name, int defaultValue) {
        int port = positive(source, name, defaultValue);
        if (port > 65535) {
            throw new IllegalStateException(name + " must be a port between 1 and 65535, not " + port);
        }
        return port;
    }

    private static long nonNegative(Function<String, String> source, String name, long defaultValue) {
        return whole(source, name, defaultValue, 0, Long.MAX_VALUE, "0 or a positive whole number");
    }

    private static int positive(Function<String, String> source, String name, int defaultValue) {
        return (int) whole(source, name, defaultValue, 1, Integer.MAX_VALUE, "a positive whole number");
    }

    private static long whole(Function<String, String> source, String name, long defaultValue, long min, long max,
                              String expected) {
        String value = source.apply(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the variable's name
        }
        throw new IllegalStateException(name + " must be " + expected + ", not '" + value + "'");
    }
}
