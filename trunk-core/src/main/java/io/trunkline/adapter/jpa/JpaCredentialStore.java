package io.trunkline.adapter.jpa;

import io.trunkline.security.CredentialStore;
import io.trunkline.security.PasswordHash;

import java.util.Optional;

public final class JpaCredentialStore implements CredentialStore {
    private final JpaTransactions tx;

    public JpaCredentialStore(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<PasswordHash> find(String user) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(CredentialEntity.class, user))
                .map(e -> new PasswordHash(e.passwordHash())));
    }

    @Override
    public void save(String user, PasswordHash hash) {
        tx.run(em -> {
            CredentialEntity entity = em.find(CredentialEntity.class, user);
            if (entity == null) {
                em.persist(new CredentialEntity(user, hash.encoded()));
            } else {
                entity.passwordHash(hash.encoded());
            }
        });
    }
}
