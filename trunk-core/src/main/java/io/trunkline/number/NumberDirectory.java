package io.trunkline.number;

import java.util.List;
import java.util.Optional;

/** Port: the DID inventory. */
public interface NumberDirectory {
    List<Did> findAll();

    Optional<Did> find(E164Number number);

    /** Creates or replaces the DID with this number. */
    void save(Did did);

    /** @return whether the DID existed */
    boolean delete(E164Number number);
}
