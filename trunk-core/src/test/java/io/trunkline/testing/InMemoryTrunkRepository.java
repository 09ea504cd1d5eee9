package io.trunkline.testing;

import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRepository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link TrunkRepository} kept in memory, sorted by name like the JPA adapter. */
public final class InMemoryTrunkRepository implements TrunkRepository {
    private final Map<String, Trunk> trunks = new ConcurrentSkipListMap<>();

    @Override
    public List<Trunk> findAll() {
        return List.copyOf(trunks.values());
    }

    @Override
    public Optional<Trunk> findByName(String name) {
        return Optional.ofNullable(trunks.get(name));
    }

    @Override
    public void save(Trunk trunk) {
        trunks.put(trunk.name(), trunk);
    }

    @Override
    public boolean delete(String name) {
        return trunks.remove(name) != null;
    }
}
