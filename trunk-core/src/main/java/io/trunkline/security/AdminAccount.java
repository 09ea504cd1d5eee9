package io.trunkline.security;

import io.trunkline.limits.TokenBucket;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The single administrator account of the console and REST API, user {@value #USER}. A configured password wins
 * (and replaces any stored one); without one, the stored hash is used; on a first start with neither, a random
 * password is generated, stored as a hash, and handed once to {@code announce} (the log). A restart does not
 * show it again.
 * <p>
 * A password the stored hash accepted is recognised without the hash until it goes unused for
 * {@link #VERIFIED_WINDOW} ({@link RecentlyVerified}): the API's clients send it on every request. Any other password
 * costs a full PBKDF2 derivation (some 80 ms of CPU), so at most {@value #SLOW_CHECKS_PER_SECOND} of those run per
 * second: a flood of wrong passwords at the HTTP port cannot take the cores from the SIP threads. Beyond that a
 * password is refused unchecked (401) until the budget refills; a client whose password was recognised carries on
 * unaffected.
 */
public final class AdminAccount {
    public static final String USER = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;
    static final Duration VERIFIED_WINDOW = Duration.ofMinutes(5);
    static final int SLOW_CHECKS_PER_SECOND = 2;
    private static final System.Logger LOG = System.getLogger(AdminAccount.class.getName());
    private static final long REPORT_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    private final PasswordHash hash;
    private final RecentlyVerified recentlyVerified;
    private final TokenBucket slowChecks;
    private final LongSupplier nanoTime;
    private long refusedUnchecked;
    private long reportedAt;

    private AdminAccount(PasswordHash hash) {
        this(hash, Clock.systemUTC(), System::nanoTime);
    }

    /** With the clocks given, for tests. */
    AdminAccount(PasswordHash hash, Clock clock, LongSupplier nanoTime) {
        this.hash = hash;
        this.recentlyVerified = new RecentlyVerified(VERIFIED_WINDOW, clock);
        this.slowChecks = new TokenBucket(SLOW_CHECKS_PER_SECOND, nanoTime);
        this.nanoTime = nanoTime;
        this.reportedAt = nanoTime.getAsLong() - REPORT_INTERVAL_NANOS;
    }

    public static AdminAccount establish(Optional<String> configuredPassword, CredentialStore store,
                                         Consumer<String> announce) {
        if (configuredPassword.isPresent()) {
            PasswordHash configured = PasswordHash.of(configuredPassword.get());
            store.save(USER, configured);
            return new AdminAccount(configured);
        }
        Optional<PasswordHash> stored = store.find(USER);
        if (stored.isPresent()) {
            return new AdminAccount(stored.get());
        }
        String generated = generate();
        PasswordHash created = PasswordHash.of(generated);
        store.save(USER, created);
        announce.accept(generated);
        return new AdminAccount(created);
    }

    public boolean authenticates(String user, String password) {
        if (!USER.equals(user) || password == null) {
            return false;
        }
        if (recentlyVerified.recognises(password)) {
            return true;
        }
        if (!slowChecks.tryTake()) {
            refusedUnchecked();
            return false;
        }
        boolean matches = hash.matches(password);
        if (matches) {
            recentlyVerified.remember(password);
        }
        return matches;
    }

    /** Logs the refusals at most once a minute: under a flood, one line per attempt would be a flood of its own. */
    private synchronized void refusedUnchecked() {
        refusedUnchecked++;
        long now = nanoTime.getAsLong();
        if (now - reportedAt >= REPORT_INTERVAL_NANOS) {
            LOG.log(System.Logger.Level.WARNING, "More than " + SLOW_CHECKS_PER_SECOND
                    + " admin password checks a second: " + refusedUnchecked
                    + " refused unchecked since the last report (a password-guessing flood?)");
            refusedUnchecked = 0;
            reportedAt = now;
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
