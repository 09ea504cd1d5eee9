package io.trunkline.adapter.jpa;

import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRepository;

import java.util.List;
import java.util.Optional;

public final class JpaTrunkRepository implements TrunkRepository {
    private final JpaTransactions tx;

    public JpaTrunkRepository(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<Trunk> findAll() {
        return tx.inTransaction(em -> em.createQuery("select t from TrunkEntity t order by t.name", TrunkEntity.class)
                .getResultList().stream().map(TrunkEntity::toDomain).toList());
    }

    @Override
    public Optional<Trunk> findByName(String name) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(TrunkEntity.class, name)).map(TrunkEntity::toDomain));
    }

    @Override
    public void save(Trunk trunk) {
        tx.run(em -> {
            TrunkEntity entity = em.find(TrunkEntity.class, trunk.name());
            if (entity == null) {
                entity = new TrunkEntity(trunk.name());
                entity.update(trunk);
                em.persist(entity);
            } else {
                entity.update(trunk);
            }
        });
    }

    @Override
    public boolean delete(String name) {
        return tx.inTransaction(em -> {
            TrunkEntity entity = em.find(TrunkEntity.class, name);
            if (entity == null) {
                return false;
            }
            em.remove(entity);
            return true;
        });
    }
}
