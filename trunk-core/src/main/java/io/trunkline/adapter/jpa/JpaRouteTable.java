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
        return tx.inTransaction(em -> em.createQuery("select r from RouteEntity r order by r.prefix", RouteEntity.class)
                .getResultList().stream().map(RouteEntity::toDomain).toList());
    }

    @Override
    public Optional<Route> find(String prefix) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(RouteEntity.class, prefix)).map(RouteEntity::toDomain));
    }

    @Override
    public void save(Route route) {
        tx.run(em -> {
            RouteEntity entity = em.find(RouteEntity.class, route.prefix());
            if (entity == null) {
                em.persist(new RouteEntity(route));
            } else {
                entity.update(route);
            }
        });
    }

    @Override
    public boolean delete(String prefix) {
        return tx.inTransaction(em -> em.createQuery("delete from RouteEntity r where r.prefix = :p")
                .setParameter("p", prefix).executeUpdate() > 0);
    }
}
