package io.trunkline.cdr;

import java.util.List;

/** Port: durable CDR storage. */
public interface CdrStore {
    /** Stores the records in one transaction; throws if none could be stored. */
    void storeAll(List<CallDetailRecord> records);

    /** Newest first. */
    CdrPage find(CdrFilter filter, int page, int size);
}
