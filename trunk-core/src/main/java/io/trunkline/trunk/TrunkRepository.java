package io.trunkline.trunk;

import java.util.List;
import java.util.Optional;

/** Port: where trunk definitions are kept. */
public interface TrunkRepository {
    List<Trunk> findAll();

    Optional<Trunk> findByName(String name);

    /** Creates or replaces the trunk with this name. */
    void save(Trunk trunk);

    /** @return whether a trunk with this name existed */
    boolean delete(String name);
}
