package io.trunkline.cdr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Takes finished CDRs from signalling threads and stores them in batches on a thread of its own, so that a call's
 * signalling never waits on the database (one synchronous insert per call caps throughput near 500 calls/s).
 *
 * <p>Nothing is lost: every record ends up in the store or, as the last resort, written in full to the log at ERROR
 * (logger {@code io.trunkline.cdr.BatchingCdrWriter}), from where it can be re-entered.
 * <ul>
 *   <li>While the database is away the writer thread retries with back-off and the queue absorbs new records.
 *       A record the store keeps refusing while it accepts others is a poison record: it is logged and skipped so
 *       that it cannot block the records behind it (see {@link RetryingCdrStorage}).</li>
 *   <li>When the queue is full the submitting thread stores the record itself, with a few attempts (a call must not
 *       hang on the database), then logs it.</li>
 *   <li>{@link #close(Duration)} waits up to its timeout for the writer thread to store everything queued. Past it,
 *       the writer thread is interrupted and hands back the batch it holds, and the closing thread makes a few last
 *       attempts at everything left; what still cannot be stored is logged. When the database stays down past the
 *       shutdown timeout this is the only fallback that loses nothing, so shutdown is not held up any longer: close
 *       returns after its timeout, {@link #STOP_GRACE}, and at most a few failing store calls. A writer thread stuck
 *       in a store call that ignores the interrupt has its batch logged too (stored as well if the call completes).
 *       At this stage a bad record is not told from a down store: it takes the records after it to the log.</li>
 *   <li>A record submitted during or after close, or after the writer thread died, is stored by the submitting
 *       thread; what a dead writer held or left queued is stored by close.</li>
 * </ul>
 *
 * <p>States: RUNNING → CLOSING ({@link #close} called: nothing more is queued, the writer drains the queue) →
 * STOPPING (timeout passed: the writer hands back its batch) → CLOSED. A writer thread killed by an Error or stopped
 * by someone else's interrupt leaves RUNNING for a state where submitters store themselves until close.
 */
public final class BatchingCdrWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BatchingCdrWriter.class.getName());
    private static final long POLL_MILLIS = 100;
    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final int SUBMITTER_ATTEMPTS = 3;
    private static final int CLOSING_ATTEMPTS = 3;
    /** How long close waits, after interrupting the writer thread, for it to hand its batch back. */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final BlockingQueue<CallDetailRecord> queue;
    private final int maxBatch;
    private final RetryingCdrStorage storage;
    private final Thread writer;
    // Shared while a record is queued, exclusive while the flags below change: once close or the writer's end has set
    // them, no offer is still in flight, so no record can slip into the queue after its final drain.
    private final ReadWriteLock admission = new ReentrantReadWriteLock();
    private volatile boolean closing;
    private volatile boolean writerStopped;
    private final WriterHandOver handOver = new WriterHandOver();

    public BatchingCdrWriter(CdrStore store, ThreadFactory threads, int capacity, int maxBatch) {
        this(store, threads, new ArrayBlockingQueue<>(capacity), maxBatch, FIRST_PAUSE_MILLIS);
    }

    /** For tests: a queue they can watch and a shorter first pause between attempts. */
    BatchingCdrWriter(CdrStore store, ThreadFactory threads, BlockingQueue<CallDetailRecord> queue, int maxBatch,
                      long firstPauseMillis) {
        this.queue = queue;
        this.maxBatch = maxBatch;
        this.storage = new RetryingCdrStorage(store, firstPauseMillis);
        this.writer = threads.newThread(this::writeUntilClosed);
        this.writer.setName("trunkline-cdr-writer");
        this.writer.start();
    }

    /** Hands a finished record over for storage; returns at once unless the queue is full or the writer is gone. */
    public void submit(CallDetailRecord record) {
        if (!enqueue(record)) {
            String situation = closing ? "submitted while the writer closes"
                    : writerStopped ? "the writer thread has stopped" : "the queue is full";
            storage.storeOrLog(List.of(record), SUBMITTER_ATTEMPTS, situation);
        }
    }

    private boolean enqueue(CallDetailRecord record) {
        Lock shared = admission.readLock();
        shared.lock();
        try {
            return !closing && !writerStopped && queue.offer(record);
        } finally {
            shared.unlock();
        }
    }

    private void stopAdmitting(Runnable setFlag) {
        Lock exclusive = admission.writeLock();
        exclusive.lock();
        try {
            setFlag.run();
        } finally {
            exclusive.unlock();
        }
    }

    public long storedCount() {
        return storage.stored();
    }

    public long failedAttempts() {
        return storage.failedAttempts();
    }

    /** Records the store kept refusing while it accepted others; logged in full and skipped. */
    public long poisonedCount() {
        return storage.poisoned();
    }

    /** Records written to the log because the store could not take them in time (full queue, shutdown); not poison. */
    public long loggedUnstoredCount() {
        return storage.loggedUnstored();
    }

    /** Records waiting for the writer thread, or for close after the writer thread stopped. */
    public int pending() {
        return queue.size() + handOver.handedBackCount();
    }

    private void writeUntilClosed() {
        List<CallDetailRecord> batch = new ArrayList<>(maxBatch);
        try {
            while (!handOver.stopRequested() && (!batch.isEmpty() || !closing || !queue.isEmpty())) {
                writeNextBatch(batch);
            }
            handOver.handBack(batch, storage);
        } catch (InterruptedException e) {
            handOver.handBack(batch, storage); // close() past its timeout, or the container stopping this thread
        } catch (Error e) {
            handOver.handBack(batch, storage);
            LOG.log(System.Logger.Level.ERROR, "CDR writer thread dies; submitters store their own CDRs from now on "
                    + "and close() stores what is left", e);
            throw e;
        } finally {
            stopAdmitting(() -> writerStopped = true);
        }
    }

    private void writeNextBatch(List<CallDetailRecord> batch) throws InterruptedException {
        try {
            if (batch.isEmpty()) {
                CallDetailRecord first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    return;
                }
                batch.add(first);
            }
            takeMore(batch);
            storage.storeUntilDone(batch, this::takeMore, handOver::stopRequested);
            handOver.holding(List.of());
        } catch (RuntimeException e) {
            // Not a store failure (those are retried inside) but a fault of this thread's own; the batch stays in hand
            // for the next round. The pause keeps a fault that repeats from flooding the log.
            LOG.log(System.Logger.Level.ERROR, "CDR writer failed unexpectedly; carrying on", e);
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Fills the batch from the queue, unless the writer is to stop, and tells the hand-over what it now holds. */
    private void takeMore(List<CallDetailRecord> batch) {
        if (!handOver.stopRequested()) {
            queue.drainTo(batch, maxBatch - batch.size());
        }
        handOver.holding(batch);
    }

    /**
     * Stores everything still queued. Waits at most {@code timeout} for the writer thread, then at most
     * {@link #STOP_GRACE} for it to hand back its batch, then makes a few attempts per batch at what is left;
     * what still cannot be stored is logged in full at ERROR.
     */
    public void close(Duration timeout) {
        stopAdmitting(() -> closing = true);
        boolean closerInterrupted = false;
        try {
            if (!writerEnded(timeout)) {
                stopWriter();
                writerEnded(STOP_GRACE);
            }
        } catch (InterruptedException e) {
            // Whoever interrupted wants the shutdown to hurry: wait no more, but still store or log what is left.
            closerInterrupted = true;
            stopWriter();
        }
        if (writer.isAlive()) {
            // Stuck in a store call that ignores interrupts: log its batch rather than wait without bound. Should the
            // call still succeed, those records are both stored and logged; duplicates, but nothing lost.
            handOver.abandon(storage, "the writer thread is stuck in a store call past the shutdown timeout");
        }
        List<CallDetailRecord> rest = new ArrayList<>();
        handOver.takeHandedBack(rest);
        queue.drainTo(rest);
        storeLastOnes(rest);
        if (closerInterrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean writerEnded(Duration patience) throws InterruptedException {
        writer.join(Math.max(1, patience.toMillis())); // join(0) would wait forever
        return !writer.isAlive();
    }

    /** The flag reaches the writer even if a store call swallows the interrupt; the interrupt cuts a pause short. */
    private void stopWriter() {
        handOver.requestStop();
        writer.interrupt();
    }

    /** A few attempts per batch; once a batch fails, the store is taken as down and the rest is logged untried. */
    private void storeLastOnes(List<CallDetailRecord> rest) {
        int from = 0;
        try {
            boolean storeDown = false;
            for (; from < rest.size(); from += maxBatch) {
                List<CallDetailRecord> chunk = rest.subList(from, Math.min(rest.size(), from + maxBatch));
                if (storeDown) {
                    storage.logUnstored(chunk, "left at shutdown; the store was still failing");
                } else {
                    storeDown = !storage.storeOrLog(chunk, CLOSING_ATTEMPTS, "left at shutdown");
                }
            }
        } catch (Error e) {
            storage.logUnstored(rest.subList(Math.min(rest.size(), from + maxBatch), rest.size()),
                    "left at shutdown; the store failed with " + e);
            throw e;
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
