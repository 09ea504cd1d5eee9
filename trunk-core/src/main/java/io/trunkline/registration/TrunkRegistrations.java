package io.trunkline.registration;

import io.trunkline.trunk.Trunk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The registration state machine of every registering trunk. The SIP adapter asks it which REGISTERs are
 * {@link #due} and reports each final answer through {@link #answered}.
 *
 * <p>States and transitions (per trunk):
 * <pre>
 * UNREGISTERED --due--> REGISTERING --2xx--> REGISTERED --refresh due--> REGISTERED (refresh in flight)
 * REGISTERING/REGISTERED --error, no answer--> FAILED --back-off passed--> REGISTERING
 * any --registration off or trunk deleted--> (binding removed with Expires: 0) UNREGISTERED
 * </pre>
 * A 423 with a larger Min-Expires sends the REGISTER again at once with that lifetime (RFC 3261 §10.3 step 7).
 * A binding whose expiry passes without a successful refresh no longer counts as REGISTERED.
 */
public final class TrunkRegistrations {
    /** RFC 5626 §4.5 suggests 30 s doubling up to 1800 s for re-registration after failures. */
    static final Duration BASE_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(1800);
    private static final int MAX_EXPIRES = 86_400;

    private final Clock clock;
    private final Supplier<String> lineTokens;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private long attempts;

    /**
     * @param lineTokens source of unguessable tokens that mark each trunk's Contact (a random UUID in production)
     */
    public TrunkRegistrations(Clock clock, Supplier<String> lineTokens) {
        this.clock = clock;
        this.lineTokens = lineTokens;
    }

    private static final class Entry {
        RegistrationTarget target;
        final String line;
        RegistrationState state = RegistrationState.UNREGISTERED;
        int lastStatus;
        int expiresOverride;
        Instant bindingEndsAt;
        Instant lastAttemptAt;
        Instant nextAttemptAt;
        Instant pendingSince;
        long pendingAttempt = -1;
        int failures;

        Entry(RegistrationTarget target, String line) {
            this.target = target;
            this.line = line;
        }

        boolean hasBinding(Instant now) {
            return bindingEndsAt != null && now.isBefore(bindingEndsAt);
        }

        int expires() {
            return expiresOverride > 0 ? expiresOverride : target.expiresSeconds();
        }
    }

    /**
     * The REGISTERs to send now: first registrations, refreshes, retries after a back-off, and removals (Expires: 0)
     * of bindings whose trunk was deleted, stopped registering, or moved to another registrar or user.
     */
    public synchronized List<RegisterRequest> due(List<Trunk> trunks) {
        Instant now = clock.instant();
        Map<String, RegistrationTarget> wanted = new HashMap<>();
        for (Trunk trunk : trunks) {
            RegistrationTarget.of(trunk).ifPresent(target -> wanted.put(trunk.name(), target));
        }
        List<RegisterRequest> due = new ArrayList<>(removals(wanted, now));
        wanted.forEach((name, target) -> {
            Entry entry = entries.computeIfAbsent(name, n -> new Entry(target, lineTokens.get()));
            boolean idle = entry.pendingSince == null;
            if (idle && (entry.nextAttemptAt == null || !now.isBefore(entry.nextAttemptAt))) {
                entry.pendingAttempt = ++attempts;
                entry.pendingSince = now;
                entry.lastAttemptAt = now;
                if (!(entry.state == RegistrationState.REGISTERED && entry.hasBinding(now))) {
                    entry.state = RegistrationState.REGISTERING;
                }
                due.add(new RegisterRequest(entry.target, entry.expires(), entry.pendingAttempt, entry.line));
            }
        });
        return due;
    }

    /** On shutdown: the removals of every binding in force, after which no trunk counts as registered. */
    public synchronized List<RegisterRequest> removeAll() {
        return due(List.of());
    }

    /** Forgets trunks no longer registering (or registering elsewhere), removing any binding still in force. */
    private List<RegisterRequest> removals(Map<String, RegistrationTarget> wanted, Instant now) {
        List<RegisterRequest> removals = new ArrayList<>();
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Entry> next = it.next();
            Entry entry = next.getValue();
            RegistrationTarget target = wanted.get(next.getKey());
            if (Objects.equals(target, entry.target)) {
                continue;
            }
            if (entry.hasBinding(now) || entry.pendingSince != null) {
                removals.add(new RegisterRequest(entry.target, 0, ++attempts, entry.line));
            }
            it.remove();
        }
        return removals;
    }

    /**
     * The final answer to a REGISTER.
     *
     * @param attempt        the attempt answered ({@link RegisterRequest#attempt()})
     * @param grantedExpires lifetime the registrar granted (Contact expires or Expires), or -1 when it said none
     * @param minExpires     Min-Expires of a 423, or -1
     */
    public synchronized void answered(String trunk, long attempt, int status, int grantedExpires, int minExpires) {
        Entry entry = entries.get(trunk);
        if (entry == null || entry.pendingAttempt != attempt) {
            return; // a removal's answer, or an attempt the configuration has moved past
        }
        Instant now = clock.instant();
        entry.pendingSince = null;
        entry.pendingAttempt = -1;
        entry.lastStatus = status;
        if (status / 100 == 2) {
            int granted = grantedExpires > 0 ? grantedExpires : entry.expires();
            entry.state = RegistrationState.REGISTERED;
            entry.failures = 0;
            entry.bindingEndsAt = now.plusSeconds(granted);
            entry.nextAttemptAt = now.plus(refreshAfter(granted));
        } else if (status == 423 && minExpires > entry.expires() && minExpires <= MAX_EXPIRES) {
            entry.expiresOverride = minExpires;
            entry.nextAttemptAt = now;
        } else {
            entry.state = RegistrationState.FAILED;
            entry.failures++;
            entry.nextAttemptAt = now.plus(backoff(entry.failures));
        }
    }

    /** Attempts unanswered for longer than {@code timeout} fail as if the registrar had answered 408. */
    public synchronized void expire(Duration timeout) {
        Instant limit = clock.instant().minus(timeout);
        List<Map.Entry<String, Entry>> late = entries.entrySet().stream()
                .filter(e -> e.getValue().pendingSince != null && e.getValue().pendingSince.isBefore(limit)).toList();
        late.forEach(e -> answered(e.getKey(), e.getValue().pendingAttempt, 408, -1, -1));
    }

    public synchronized RegistrationStatus status(String trunk) {
        Entry entry = entries.get(trunk);
        if (entry == null) {
            return RegistrationStatus.unregistered();
        }
        Instant now = clock.instant();
        boolean bound = entry.hasBinding(now);
        RegistrationState state = entry.state == RegistrationState.REGISTERED && !bound
                ? (entry.pendingSince != null ? RegistrationState.REGISTERING : RegistrationState.FAILED)
                : entry.state;
        return new RegistrationStatus(state, entry.lastStatus, bound ? entry.bindingEndsAt : null,
                entry.lastAttemptAt, entry.pendingSince != null ? null : entry.nextAttemptAt, entry.failures);
    }

    /** The trunk whose Contact carries this line token, if it is registering. */
    public synchronized Optional<String> trunkOfLine(String line) {
        return entries.entrySet().stream().filter(e -> e.getValue().line.equals(line))
                .map(Map.Entry::getKey).findFirst();
    }

    /**
     * Refresh well before expiry: at the smaller of half the lifetime and 30 s before its end (never sooner
     * than 1 s), so that one lost REGISTER can be retransmitted and answered in time.
     */
    static Duration refreshAfter(int grantedSeconds) {
        long seconds = Math.min(grantedSeconds / 2L, grantedSeconds - 30L);
        return Duration.ofSeconds(seconds >= 1 ? seconds : Math.max(1, grantedSeconds / 2L));
    }

    static Duration backoff(int failures) {
        Duration wait = BASE_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 10));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
