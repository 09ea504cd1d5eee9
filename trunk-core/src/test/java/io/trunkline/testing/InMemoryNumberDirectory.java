package io.trunkline.testing;

import io.trunkline.number.Did;
import io.trunkline.number.E164Number;
import io.trunkline.number.NumberDirectory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link NumberDirectory} kept in memory, sorted by number like the JPA adapter. */
public final class InMemoryNumberDirectory implements NumberDirectory {
    private final Map<E164Number, Did> dids = new ConcurrentSkipListMap<>();

    @Override
    public List<Did> findAll() {
        return List.copyOf(dids.values());
    }

    @Override
    public Optional<Did> find(E164Number number) {
        return Optional.ofNullable(dids.get(number));
    }

    @Override
    public void save(Did did) {
        dids.put(did.number(), did);
    }

    @Override
    public boolean delete(E164Number number) {
        return dids.remove(number) != null;
    }
}
