package io.trunkline.trunk;

import java.io.Serializable;
import java.time.Duration;
import java.util.Set;

/**
 * When a call to one of a trunk's gateways should be retried on the next one.
 *
 * <p>A final status in {@code finalCodes} goes straight back to the caller (the callee decided: busy, declined, no
 * such number); one in {@code retryCodes} moves on to the next gateway (the gateway failed); any other status goes
 * back too, because retrying an answer we do not understand risks ringing a callee twice. A gateway that sends no
 * provisional response within {@code setupTimeout} is abandoned (CANCEL) for the next. A call that rings (a
 * provisional came) but is not answered within {@code ringTimeout} is cancelled and the caller hears 480: it is the
 * callee not answering, not the gateway failing, so no other gateway is tried.
 *
 * @param retryCodes   statuses that mean "this gateway failed"
 * @param finalCodes   statuses that always end the call, even if also listed in retryCodes
 * @param setupTimeout how long to wait for the first provisional response (beyond 100 Trying)
 * @param ringTimeout  how long to wait for the answer after the first provisional response
 */
public record FailoverPolicy(Set<Integer> retryCodes, Set<Integer> finalCodes, Duration setupTimeout,
                             Duration ringTimeout) implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final Set<Integer> DEFAULT_RETRY = Set.of(408, 500, 502, 503, 504);
    public static final Set<Integer> DEFAULT_FINAL = Set.of(404, 486, 600, 603);
    public static final Duration DEFAULT_SETUP_TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_CODES = 50;
    private static final Duration LONGEST_SETUP_TIMEOUT = Duration.ofSeconds(32); // RFC 3261 Timer B
    public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration LONGEST_RING_TIMEOUT = Duration.ofHours(1);

    public FailoverPolicy {
        retryCodes = checked("retryCodes", retryCodes == null ? DEFAULT_RETRY : retryCodes);
        finalCodes = checked("finalCodes", finalCodes == null ? DEFAULT_FINAL : finalCodes);
        setupTimeout = setupTimeout == null ? DEFAULT_SETUP_TIMEOUT : setupTimeout;
        if (setupTimeout.toMillis() < 100 || setupTimeout.compareTo(LONGEST_SETUP_TIMEOUT) > 0) {
            throw new InvalidConfigurationException("setupTimeoutMillis", "must be between 100 and 32000");
        }
        // Stored and shown in the units of their fields: a finer value would come back rounded after a restart.
        if (setupTimeout.toNanos() % 1_000_000 != 0) {
            throw new InvalidConfigurationException("setupTimeoutMillis", "must be whole milliseconds");
        }
        ringTimeout = ringTimeout == null ? DEFAULT_RING_TIMEOUT : ringTimeout;
        if (ringTimeout.toMillis() < 1000 || ringTimeout.compareTo(LONGEST_RING_TIMEOUT) > 0) {
            throw new InvalidConfigurationException("ringTimeoutSeconds", "must be between 1 and 3600");
        }
        if (ringTimeout.toNanos() % 1_000_000_000 != 0) {
            throw new InvalidConfigurationException("ringTimeoutSeconds", "must be whole seconds");
        }
    }

    /** The default ring timeout. */
    public FailoverPolicy(Set<Integer> retryCodes, Set<Integer> finalCodes, Duration setupTimeout) {
        this(retryCodes, finalCodes, setupTimeout, null);
    }

    public static FailoverPolicy defaults() {
        return new FailoverPolicy(null, null, null, null);
    }

    public boolean retriesOn(int status) {
        return !finalCodes.contains(status) && retryCodes.contains(status);
    }

    private static Set<Integer> checked(String field, Set<Integer> codes) {
        // Stored as text in a 255-character column: 50 three-digit codes with commas fit; more would be a DB error.
        if (codes.size() > MAX_CODES) {
            throw new InvalidConfigurationException(field, "may list at most " + MAX_CODES + " statuses");
        }
        for (Integer code : codes) {
            if (code == null || code < 300 || code > 699) {
                throw new InvalidConfigurationException(field, "must hold final error statuses 300-699, not " + code);
            }
        }
        return Set.copyOf(codes);
    }
}
