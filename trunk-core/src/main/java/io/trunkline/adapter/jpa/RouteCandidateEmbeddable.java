package io.trunkline.adapter.jpa;

import io.trunkline.routing.RouteCandidate;

import javax.persistence.Column;
import javax.persistence.Embeddable;

@Embeddable
public class RouteCandidateEmbeddable {
    @Column(name = "trunk_name", nullable = false)
    private String trunk;
    @Column(name = "priority", nullable = false)
    private int priority;

    protected RouteCandidateEmbeddable() {
    }

    static RouteCandidateEmbeddable of(RouteCandidate candidate) {
        RouteCandidateEmbeddable e = new RouteCandidateEmbeddable();
        e.trunk = candidate.trunk();
        e.priority = candidate.priority();
        return e;
    }

    RouteCandidate toDomain() {
        return new RouteCandidate(trunk, priority);
    }
}
