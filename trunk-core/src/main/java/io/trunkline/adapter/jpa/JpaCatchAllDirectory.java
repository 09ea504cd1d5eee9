package io.trunkline.adapter.jpa;

import io.trunkline.number.CatchAll;
import io.trunkline.number.CatchAllDirectory;

import java.util.List;
import java.util.Optional;

public final class JpaCatchAllDirectory implements CatchAllDirectory {
    private final JpaTransactions tx;

    public JpaCatchAllDirectory(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<CatchAll> findAll() {
        return tx.inTransaction(em -> em.createQuery("select c from CatchAllEntity c order by c.trunk",
                CatchAllEntity.class).getResultList().stream().map(CatchAllEntity::toDomain).toList());
    }

    @Override
    public Optional<CatchAll> find(String carrierTrunk) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(CatchAllEntity.class, carrierTrunk))
                .map(CatchAllEntity::toDomain));
    }

    @Override
    public void save(CatchAll catchAll) {
        tx.run(em -> {
            CatchAllEntity entity = em.find(CatchAllEntity.class, catchAll.carrierTrunk());
            if (entity == null) {
                entity = new CatchAllEntity(catchAll.carrierTrunk());
                entity.update(catchAll);
                em.persist(entity);
            } else {
                entity.update(catchAll);
            }
        });
    }

    @Override
    public boolean delete(String carrierTrunk) {
        return tx.inTransaction(em -> em.createQuery("delete from CatchAllEntity c where c.trunk = :t")
                .setParameter("t", carrierTrunk).executeUpdate() > 0);
    }
}
