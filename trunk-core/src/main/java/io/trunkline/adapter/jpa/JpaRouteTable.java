package io.trunkline.adapter.jpa;

import io.trunkline.routing.Route;
import io.trunkline.routing.RouteTable;

import java.util.List;
import java.util.Optional;

public final class JpaRouteTable implements RouteTable {
    private final JpaTransactions tx;

    public JpaRouteTable(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<Route> findAll() {
        return tx.inTransaction(em -> em.createQuery(
                        "select r from RouteEntity r order by r.key.prefix, r.key.fromTrunk", RouteEntity.class)
                .getResultList().stream().distinct().map(RouteEntity::toDomain).toList());
    }

    @Override
    public Optional<Route> find(String prefix, String fromTrunk) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(RouteEntity.class, new RouteKey(prefix, fromTrunk)))
                .map(RouteEntity::toDomain));
    }

    @Override
    public void save(Route route) {
        tx.run(em -> {
            RouteEntity entity = em.find(RouteEntity.class, new RouteKey(route.prefix(), route.fromTrunk()));
            if (entity == null) {
                em.persist(new RouteEntity(route));
            } else {
                entity.update(route);
            }
        });
    }

    /** Removed through the entity (not a bulk delete) so that its candidate rows go too. */
    @Override
    public boolean delete(String prefix, String fromTrunk) {
        return tx.inTransaction(em -> {
            RouteEntity entity = em.find(RouteEntity.class, new RouteKey(prefix, fromTrunk));
            if (entity == null) {
                return false;
            }
            em.remove(entity);
            return true;
        });
    }
}
