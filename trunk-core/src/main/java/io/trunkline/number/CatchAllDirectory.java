package io.trunkline.number;

import java.util.List;
import java.util.Optional;

/** Port: each carrier trunk's catch-all destination (at most one per trunk). */
public interface CatchAllDirectory {
    List<CatchAll> findAll();

    Optional<CatchAll> find(String carrierTrunk);

    /** Creates or replaces the trunk's catch-all. */
    void save(CatchAll catchAll);

    /** @return whether the trunk had one */
    boolean delete(String carrierTrunk);
}
