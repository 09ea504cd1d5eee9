package io.trunkline.adapter.jpa;

import io.trunkline.number.Did;
import io.trunkline.number.E164Number;
import io.trunkline.number.NumberDirectory;

import java.util.List;
import java.util.Optional;

public final class JpaNumberDirectory implements NumberDirectory {
    private final JpaTransactions tx;

    public JpaNumberDirectory(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<Did> findAll() {
        return tx.inTransaction(em -> em.createQuery("select d from DidEntity d order by d.number", DidEntity.class)
                .getResultList().stream().map(DidEntity::toDomain).toList());
    }

    @Override
    public Optional<Did> find(E164Number number) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(DidEntity.class, number.value()))
                .map(DidEntity::toDomain));
    }

    @Override
    public void save(Did did) {
        tx.run(em -> {
            DidEntity entity = em.find(DidEntity.class, did.number().value());
            if (entity == null) {
                entity = new DidEntity(did.number().value());
                entity.update(did);
                em.persist(entity);
            } else {
                entity.update(did);
            }
        });
    }

    @Override
    public boolean delete(E164Number number) {
        return tx.inTransaction(em -> em.createQuery("delete from DidEntity d where d.number = :n")
                .setParameter("n", number.value()).executeUpdate() > 0);
    }
}
