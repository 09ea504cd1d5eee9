package io.trunkline.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The password last verified against the stored PBKDF2 hash, remembered while it is in use: for a short window after
 * it was last presented. HTTP Basic sends the password with every request, and one PBKDF2 derivation costs about
 * 80 ms of CPU here: a console page or a script polling the REST API would otherwise take that from the SIP threads
 * on every call. Within the window a repeat of the same password is recognised by an HMAC-SHA256 under a key drawn at
 * random for this process: the password itself is never kept, and the fingerprint means nothing to another process
 * or after a restart. Only a success is remembered, so any other password goes to the slow hash (rationed by
 * {@link AdminAccount}), and so does this one once it has gone unused for the window.
 */
final class RecentlyVerified {
    private static final String MAC = "HmacSHA256";

    private final Duration window;
    private final Clock clock;
    private final SecretKeySpec key;
    private final AtomicReference<Fingerprint> last = new AtomicReference<>();

    private record Fingerprint(byte[] mac, Instant expires) {
    }

    RecentlyVerified(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, MAC);
    }

    /**
     * True if {@code password} is the one remembered and its window has not ended (compared in constant time); the
     * window then starts again, so that a client in use is never sent back to the rationed slow checks.
     */
    boolean recognises(String password) {
        Fingerprint remembered = last.get();
        Instant now = clock.instant();
        if (password == null || remembered == null || !now.isBefore(remembered.expires())) {
            return false;
        }
        byte[] presented = fingerprint(password);
        if (!MessageDigest.isEqual(remembered.mac(), presented)) {
            return false;
        }
        last.compareAndSet(remembered, new Fingerprint(presented, now.plus(window)));
        return true;
    }

    /** Call only after the slow hash accepted {@code password}. */
    void remember(String password) {
        last.set(new Fingerprint(fingerprint(password), clock.instant().plus(window)));
    }

    private byte[] fingerprint(String password) {
        try {
            Mac mac = Mac.getInstance(MAC); // a Mac is not thread-safe; a new one costs microseconds
            mac.init(key);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java SE platform", e);
        }
    }
}
