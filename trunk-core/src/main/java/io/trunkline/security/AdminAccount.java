package io.trunkline.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The single administrator account of the console and REST API, user {@value #USER}. A configured password wins
 * (and replaces any stored one); without one, the stored hash is used; on a first start with neither, a random
 * password is generated, stored as a hash, and handed once to {@code announce} (the log). A restart does not
 * show it again.
 * <p>
 * A password the stored hash accepted is recognised without the hash for {@link #VERIFIED_WINDOW} after
 * ({@link RecentlyVerified}): the API's clients send it on every request.
 */
public final class AdminAccount {
    public static final String USER = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;
    static final Duration VERIFIED_WINDOW = Duration.ofMinutes(5);

    private final PasswordHash hash;
    private final RecentlyVerified recentlyVerified = new RecentlyVerified(VERIFIED_WINDOW, Clock.systemUTC());

    private AdminAccount(PasswordHash hash) {
        this.hash = hash;
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
        boolean matches = hash.matches(password);
        if (matches) {
            recentlyVerified.remember(password);
        }
        return matches;
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
