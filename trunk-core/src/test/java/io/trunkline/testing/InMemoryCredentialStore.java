package io.trunkline.testing;

import io.trunkline.security.CredentialStore;
import io.trunkline.security.PasswordHash;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link CredentialStore} kept in memory; it sees only what the domain hands it, so tests can check for plain text. */
public final class InMemoryCredentialStore implements CredentialStore {
    private final Map<String, PasswordHash> hashes = new ConcurrentHashMap<>();
    private int saves;

    @Override
    public Optional<PasswordHash> find(String user) {
        return Optional.ofNullable(hashes.get(user));
    }

    @Override
    public synchronized void save(String user, PasswordHash hash) {
        hashes.put(user, hash);
        saves++;
    }

    /** How many times anything was saved. */
    public synchronized int saves() {
        return saves;
    }
}
