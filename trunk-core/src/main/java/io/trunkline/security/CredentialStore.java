package io.trunkline.security;

import java.util.Optional;

/** Port: where the administrator's password hash is kept. */
public interface CredentialStore {
    Optional<PasswordHash> find(String user);

    void save(String user, PasswordHash hash);
}
