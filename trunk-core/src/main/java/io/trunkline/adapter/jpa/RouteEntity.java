package io.trunkline.adapter.jpa;

import io.trunkline.routing.Route;

import javax.persistence.CollectionTable;
import javax.persistence.ElementCollection;
import javax.persistence.EmbeddedId;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "outbound_route")
public class RouteEntity {
    @EmbeddedId
    private RouteKey key;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "outbound_route_trunk", joinColumns = {
            @JoinColumn(name = "prefix", referencedColumnName = "prefix"),
            @JoinColumn(name = "from_trunk", referencedColumnName = "from_trunk")})
    @OrderColumn(name = "position")
    private List<RouteCandidateEmbeddable> candidates = new ArrayList<>();

    protected RouteEntity() {
    }

    RouteEntity(Route route) {
        this.key = new RouteKey(route.prefix(), route.fromTrunk());
        update(route);
    }

    void update(Route route) {
        candidates.clear();
        route.candidates().forEach(c -> candidates.add(RouteCandidateEmbeddable.of(c)));
    }

    Route toDomain() {
        return new Route(key.prefix(), key.fromTrunk(),
                candidates.stream().map(RouteCandidateEmbeddable::toDomain).toList());
    }
}
