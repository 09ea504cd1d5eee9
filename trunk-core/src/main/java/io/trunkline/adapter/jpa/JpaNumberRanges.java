package io.trunkline.adapter.jpa;

import io.trunkline.number.DidRange;
import io.trunkline.number.E164Number;
import io.trunkline.number.NumberRanges;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public final class JpaNumberRanges implements NumberRanges {
    private final JpaTransactions tx;

    public JpaNumberRanges(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<DidRange> findAll() {
        return tx.inTransaction(em -> em.createQuery("select r from DidRangeEntity r", DidRangeEntity.class)
                .getResultList().stream().map(DidRangeEntity::toDomain)
                .sorted(Comparator.comparingLong(r -> DidRange.value(r.first()))).toList());
    }

    @Override
    public Optional<DidRange> find(E164Number first) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(DidRangeEntity.class, first.value()))
                .map(DidRangeEntity::toDomain));
    }

    @Override
    public void save(DidRange range) {
        tx.run(em -> {
            DidRangeEntity entity = em.find(DidRangeEntity.class, range.first().value());
            if (entity == null) {
                entity = new DidRangeEntity(range.first().value());
                entity.update(range);
                em.persist(entity);
            } else {
                entity.update(range);
            }
        });
    }

    @Override
    public boolean delete(E164Number first) {
        return tx.inTransaction(em -> em.createQuery("delete from DidRangeEntity r where r.first = :f")
                .setParameter("f", first.value()).executeUpdate() > 0);
    }
}
