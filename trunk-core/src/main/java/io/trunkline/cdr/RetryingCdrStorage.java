package io.trunkline.cdr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The {@link BatchingCdrWriter}'s rules for getting records into a {@link CdrStore}, and its counters.
 *
 * <ul>
 *   <li>The writer thread is patient ({@link #storeUntilDone}): a database that is away is waited for with
 *       back-off, however long it takes, because the queue keeps accepting records meanwhile.</li>
 *   <li>A <em>poison record</em> is one the store refuses while it accepts others (a constraint violation, a value too
 *       long for its column). A batch fails as a whole, so after {@value #ATTEMPTS_BEFORE_SPLIT} failed attempts
 *       the batch is split and its records are stored one by one. Only if some of them are accepted is the store known
 *       to be up; then each record that still fails after {@value #ATTEMPTS_BEFORE_SPLIT} attempts in all is written
 *       to the log in full at ERROR and skipped, so it cannot hold up the records behind it. If none is accepted, the
 *       store is down, not the records bad, and the whole batch goes back to waiting. A lone failing record first
 *       takes on the records queued behind it, for the same test; with nothing behind it, it blocks nothing and is
 *       simply retried.</li>
 *   <li>Every other thread (a signalling thread facing a full queue, the thread closing the writer) may not wait
 *       long ({@link #storeOrLog}): a few attempts, then the records are written to the log in full at ERROR. The
 *       log is the last place a record can be kept without losing it; it can be re-entered from there.</li>
 * </ul>
 *
 * Everything is logged under the writer's logger name, so one name finds every record that did not reach the store.
 */
final class RetryingCdrStorage {
    static final int ATTEMPTS_BEFORE_SPLIT = 5;
    private static final System.Logger LOG = System.getLogger(BatchingCdrWriter.class.getName());
    private static final long MAX_PAUSE_MILLIS = 5_000;

    private final CdrStore store;
    private final long firstPauseMillis;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong poisoned = new AtomicLong();
    private final AtomicLong loggedUnstored = new AtomicLong();

    RetryingCdrStorage(CdrStore store, long firstPauseMillis) {
        this.store = store;
        this.firstPauseMillis = firstPauseMillis;
    }

    /**
     * Stores the batch on the writer thread, waiting out failures. Removes each record from {@code batch} once it is
     * stored or poisoned, so that on return the batch is empty and on interruption it holds exactly the records that
     * are neither.
     *
     * @param takeMore adds records waiting behind the batch to it, to tell a bad record from a store that is down
     * @param stop     whether the writer is told to stop (close() past its timeout), checked after each failure
     * @throws InterruptedException when interrupted or told to stop
     */
    void storeUntilDone(List<CallDetailRecord> batch, Consumer<List<CallDetailRecord>> takeMore, BooleanSupplier stop)
            throws InterruptedException {
        long pause = firstPauseMillis;
        for (int failures = 1; !storeWhole(batch, stop); failures++) {
            if (failures % ATTEMPTS_BEFORE_SPLIT == 0) {
                takeMore.accept(batch);
                if (batch.size() > 1 && storeOneByOne(batch, stop)) {
                    retryOrPoisonEach(batch, stop);
                    return;
                }
            }
            pause = pause(pause);
        }
    }

    /**
     * Tries at most {@code attempts} times with short pauses; what still fails is logged. Never waits long.
     *
     * @param situation why these records are stored here rather than by the writer thread, for the log
     * @return whether the records were stored
     */
    boolean storeOrLog(List<CallDetailRecord> records, int attempts, String situation) {
        long pause = firstPauseMillis;
        try {
            for (int attempt = 1; attempt <= attempts; attempt++) {
                if (attempt(records, System.Logger.Level.WARNING)) {
                    return true;
                }
                if (attempt < attempts) {
                    pause = pause(pause);
                }
            }
            logUnstored(records, situation + "; " + attempts + " attempts failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // this thread is asked to stop: it may not wait, so log them now
            logUnstored(records, situation + "; interrupted while retrying");
        } catch (Error e) {
            logUnstored(records, situation + "; the store failed with " + e);
            throw e;
        }
        return false;
    }

    /** The last resort: each record in full, at ERROR, so that it can be re-entered from the log. */
    void logUnstored(List<CallDetailRecord> records, String why) {
        for (CallDetailRecord record : records) {
            LOG.log(System.Logger.Level.ERROR, "CDR not stored (" + why + "): " + record);
        }
        loggedUnstored.addAndGet(records.size());
    }

    long stored() {
        return stored.get();
    }

    long failedAttempts() {
        return failedAttempts.get();
    }

    long poisoned() {
        return poisoned.get();
    }

    long loggedUnstored() {
        return loggedUnstored.get();
    }

    private boolean storeWhole(List<CallDetailRecord> batch, BooleanSupplier stop) throws InterruptedException {
        if (attempt(batch, System.Logger.Level.WARNING)) {
            batch.clear();
            return true;
        }
        giveUpIfTold(stop);
        return false;
    }

    /** @return whether the store accepted any record, proving it is up */
    private boolean storeOneByOne(List<CallDetailRecord> batch, BooleanSupplier stop) throws InterruptedException {
        boolean anyStored = false;
        for (CallDetailRecord record : new ArrayList<>(batch)) {
            // DEBUG: while the store is down this fails for every record; the batch failures are logged already.
            if (attempt(List.of(record), System.Logger.Level.DEBUG)) {
                batch.remove(record);
                anyStored = true;
            } else {
                giveUpIfTold(stop);
            }
        }
        return anyStored;
    }

    private void retryOrPoisonEach(List<CallDetailRecord> suspects, BooleanSupplier stop)
            throws InterruptedException {
        for (CallDetailRecord record : new ArrayList<>(suspects)) {
            if (!retrySingle(record, stop)) {
                LOG.log(System.Logger.Level.ERROR, "CDR not stored (poison record: refused " + ATTEMPTS_BEFORE_SPLIT
                        + " times while the store accepted others; skipped): " + record);
                poisoned.incrementAndGet(); // after the log line: a counted record is always in the log
            }
            suspects.remove(record);
        }
    }

    /** The attempts left to a record that failed once in {@link #storeOneByOne}. */
    private boolean retrySingle(CallDetailRecord record, BooleanSupplier stop) throws InterruptedException {
        long pause = firstPauseMillis;
        for (int attempt = 2; attempt <= ATTEMPTS_BEFORE_SPLIT; attempt++) {
            pause = pause(pause);
            if (attempt(List.of(record), System.Logger.Level.WARNING)) {
                return true;
            }
            giveUpIfTold(stop);
        }
        return false;
    }

    private boolean attempt(List<CallDetailRecord> records, System.Logger.Level failureLevel) {
        try {
            store.storeAll(List.copyOf(records));
            stored.addAndGet(records.size());
            return true;
        } catch (Exception e) {
            // Exception, not RuntimeException: a store may throw a checked exception undeclared (a sneaky SQLException)
            // and that must count as a failed attempt, not kill the writer thread.
            failedAttempts.incrementAndGet();
            LOG.log(failureLevel, "Storing " + records.size() + " CDRs failed: " + e);
            return false;
        }
    }

    /**
     * A failed store call may be the writer being stopped by close(); it then hands its batch back. The flag as well as
     * the interrupt, because a store call may swallow the interrupt.
     */
    private static void giveUpIfTold(BooleanSupplier stop) throws InterruptedException {
        if (Thread.interrupted() || stop.getAsBoolean()) {
            throw new InterruptedException("told to stop while storing CDRs");
        }
    }

    private long pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return Math.min(millis * 2, MAX_PAUSE_MILLIS);
    }
}
