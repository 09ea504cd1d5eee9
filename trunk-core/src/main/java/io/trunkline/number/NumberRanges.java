package io.trunkline.number;

import java.util.List;
import java.util.Optional;

/** Port: the DID blocks, identified by their first number. */
public interface NumberRanges {
    List<DidRange> findAll();

    Optional<DidRange> find(E164Number first);

    /** Creates or replaces the block starting at this number. */
    void save(DidRange range);

    /** @return whether the block existed */
    boolean delete(E164Number first);
}
