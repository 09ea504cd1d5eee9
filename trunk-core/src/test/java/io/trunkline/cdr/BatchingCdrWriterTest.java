package io.trunkline.cdr;

import io.trunkline.testing.Await;
import io.trunkline.testing.CapturedLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.trunkline.cdr.FakeCdrStore.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class BatchingCdrWriterTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final ThreadFactory DAEMON_THREADS = runnable -> {
        Thread thread = new Thread(runnable);
        thread.setDaemon(true);
        return thread;
    };

    private static final String WRITER_THREAD = "trunkline-cdr-writer";

    private final List<Runnable> cleanUp = new ArrayList<>();
    private final CapturedLog log = CapturedLog.of(BatchingCdrWriter.class);

    @AfterEach
    void cleanUp() {
        cleanUp.forEach(Runnable::run);
        log.close();
    }

    private BatchingCdrWriter writer(FakeCdrStore store, int capacity) {
        BatchingCdrWriter writer = new BatchingCdrWriter(store, DAEMON_THREADS, capacity, 100);
        cleanUp.add(store::releaseFirstCall);
        cleanUp.add(writer::close);
        return writer;
    }

    /** A writer that pauses only 1 ms before its first retry, so that tests of retrying run fast. */
    private BatchingCdrWriter quickWriter(FakeCdrStore store, BlockingQueue<CallDetailRecord> queue,
                                          ThreadFactory threads) {
        BatchingCdrWriter writer = new BatchingCdrWriter(store, threads, queue, 100, 1);
        cleanUp.add(store::releaseFirstCall);
        cleanUp.add(writer::close);
        return writer;
    }

    private BatchingCdrWriter quickWriter(FakeCdrStore store) {
        return quickWriter(store, new ArrayBlockingQueue<>(1_000), DAEMON_THREADS);
    }

    private static List<String> callIds(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    @ParameterizedTest(name = "queue capacity {0}")
    @ValueSource(ints = {16, 10_000})
    void recordsSubmittedFromManyThreadsAreEachStoredExactlyOnce(int capacity) throws Exception {
        FakeCdrStore store = FakeCdrStore.working();
        BatchingCdrWriter writer = writer(store, capacity);
        int threads = 8;
        int perThread = 250;
        ExecutorService signalling = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> submitters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<String> ids = callIds("thread" + t, perThread);
                submitters.add(signalling.submit(() -> {
                    start.await();
                    ids.forEach(id -> writer.submit(record(id)));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> submitter : submitters) {
                submitter.get();
            }
        } finally {
            signalling.shutdownNow();
        }

        store.awaitStored(threads * perThread, PATIENCE);
        writer.close();

        assertThat(store.stored()).hasSize(threads * perThread);
        assertThat(store.timesStoredByCallId()).hasSize(threads * perThread).allSatisfy((callId, times) ->
                assertThat(times).as(callId).isEqualTo(1L));
        assertThat(writer.storedCount()).isEqualTo(threads * perThread);
    }

    @Test
    void closeStoresEverythingStillQueuedBeforeReturning() throws Exception {
        FakeCdrStore store = FakeCdrStore.holdingFirstCall();
        BatchingCdrWriter writer = writer(store, 1_000);
        writer.submit(record("first"));
        store.awaitFirstCall();
        List<String> queued = callIds("queued", 250);
        queued.forEach(id -> writer.submit(record(id)));
        assertThat(writer.pending()).isEqualTo(queued.size());

        Thread closer = new Thread(writer::close, "closer");
        closer.start();
        // close() has begun once it waits for the writer thread, which is still held with the queue full behind it.
        Await.until(() -> closer.getState() == Thread.State.TIMED_WAITING, PATIENCE,
                () -> "closer is " + closer.getState());
        store.releaseFirstCall();
        closer.join(PATIENCE.toMillis());

        assertThat(closer.isAlive()).as("close() returned").isFalse();
        assertThat(store.timesStoredByCallId()).containsOnlyKeys(concat("first", queued))
                .allSatisfy((callId, times) -> assertThat(times).as(callId).isEqualTo(1L));
        assertThat(writer.pending()).isZero();
    }

    @Test
    void batchThatFailsIsRetriedUntilTheStoreAcceptsIt() {
        FakeCdrStore store = FakeCdrStore.failingFirst(3);
        BatchingCdrWriter writer = writer(store, 1_000);
        List<String> ids = callIds("call", 20);

        ids.forEach(id -> writer.submit(record(id)));
        store.awaitStored(ids.size(), PATIENCE);
        writer.close();

        assertThat(store.timesStoredByCallId()).containsOnlyKeys(ids)
                .allSatisfy((callId, times) -> assertThat(times).as(callId).isEqualTo(1L));
        assertThat(writer.failedAttempts()).isEqualTo(3);
    }

    @Test
    void whenTheQueueIsFullTheSubmittingThreadStoresTheRecordItself() throws Exception {
        FakeCdrStore store = FakeCdrStore.holdingFirstCall();
        BatchingCdrWriter writer = writer(store, 2);
        writer.submit(record("taken-by-writer"));
        store.awaitFirstCall();
        writer.submit(record("queued-1"));
        writer.submit(record("queued-2"));
        assertThat(writer.pending()).isEqualTo(2);

        writer.submit(record("overflow"));

        assertThat(store.threadThatStored("overflow")).isEqualTo(Thread.currentThread().getName());
        store.releaseFirstCall();
        writer.close();
        assertThat(store.timesStoredByCallId())
                .containsOnlyKeys("taken-by-writer", "queued-1", "queued-2", "overflow")
                .allSatisfy((callId, times) -> assertThat(times).as(callId).isEqualTo(1L));
    }

    @Test
    void recordSubmittedAfterCloseIsStoredAtOnceOnTheSubmittingThread() {
        FakeCdrStore store = FakeCdrStore.working();
        BatchingCdrWriter writer = writer(store, 1_000);
        writer.close();

        writer.submit(record("late"));

        assertThat(store.threadThatStored("late")).isEqualTo(Thread.currentThread().getName());
        assertThat(store.timesStoredByCallId()).containsExactly(Map.entry("late", 1L));
    }

    @Test
    void closePastItsTimeoutHasTheBatchTheWriterHeldStoredByTheClosingThread() {
        // The writer thread's connection is broken, the closing thread's is not: what the writer holds when close()
        // runs out of patience must reach the store through the closing thread, not only the log.
        FakeCdrStore store = FakeCdrStore.unreachableFrom(WRITER_THREAD);
        BatchingCdrWriter writer = quickWriter(store);
        List<String> ids = callIds("held", 3);
        ids.forEach(id -> writer.submit(record(id)));
        Await.until(() -> writer.failedAttempts() >= 1, PATIENCE, () -> "the writer has not tried yet");

        writer.close(Duration.ofMillis(50));

        assertThat(store.timesStoredByCallId()).containsOnlyKeys(ids)
                .allSatisfy((callId, times) -> assertThat(times).as(callId).isEqualTo(1L));
        ids.forEach(id -> assertThat(store.threadThatStored(id)).isEqualTo(Thread.currentThread().getName()));
        assertThat(writer.loggedUnstoredCount()).isZero();
        assertThat(writer.pending()).isZero();
    }

    @Test
    void whenTheStoreStaysDownCloseReturnsAfterItsTimeoutWithEveryRecordInTheLog() {
        FakeCdrStore store = FakeCdrStore.down();
        BatchingCdrWriter writer = quickWriter(store);
        List<CallDetailRecord> records = callIds("unstorable", 3).stream().map(FakeCdrStore::record).toList();
        records.forEach(writer::submit);

        assertTimeoutPreemptively(PATIENCE, () -> writer.close(Duration.ofMillis(100)));

        assertThat(store.stored()).isEmpty();
        assertThat(log.errors()).allSatisfy(message -> assertThat(message).startsWith("CDR not stored"));
        records.forEach(r -> assertThat(log.errors()).as("logged in full").anyMatch(m -> m.endsWith(r.toString())));
        assertThat(writer.loggedUnstoredCount()).isEqualTo(records.size());
        assertThat(writer.pending()).isZero();
    }

    @Test
    void closeDoesNotWaitWithoutBoundForAStoreCallThatIgnoresInterrupts() throws Exception {
        FakeCdrStore store = FakeCdrStore.holdingFirstCallIgnoringInterrupts();
        BatchingCdrWriter writer = quickWriter(store);
        CallDetailRecord stuck = record("stuck");
        writer.submit(stuck);
        store.awaitFirstCall();

        assertTimeoutPreemptively(PATIENCE, () -> writer.close(Duration.ofMillis(50)));

        // Logged because it might never be stored; if the hung call completes after all, it is stored as well.
        assertThat(log.errors()).anyMatch(message -> message.endsWith(stuck.toString()));
        assertThat(writer.loggedUnstoredCount()).isEqualTo(1);
        store.releaseFirstCall();
        store.awaitStored(1, PATIENCE);
    }

    @Test
    void recordSubmittedAsCloseBeginsIsStoredAndNotLeftInTheQueue() throws Exception {
        CountDownLatch offerStarted = new CountDownLatch(1);
        CountDownLatch offerMayFinish = new CountDownLatch(1);
        // A queue whose offer of "racing" pauses half way, so that close() begins while the record is being queued.
        BlockingQueue<CallDetailRecord> queue = new ArrayBlockingQueue<>(1_000) {
            @Override
            public boolean offer(CallDetailRecord record) {
                if (record.inboundCallId().equals("racing")) {
                    offerStarted.countDown();
                    awaitQuietly(offerMayFinish);
                }
                return super.offer(record);
            }
        };
        FakeCdrStore store = FakeCdrStore.working();
        BatchingCdrWriter writer = quickWriter(store, queue, DAEMON_THREADS);
        Thread submitter = new Thread(() -> writer.submit(record("racing")), "submitter");
        submitter.start();
        offerStarted.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

        Thread closer = new Thread(writer::close, "closer");
        closer.start();
        // Either close() waits for the offer in flight, or (the race) it has already finished without the record.
        Await.until(() -> closer.getState() == Thread.State.WAITING || closer.getState() == Thread.State.TERMINATED,
                PATIENCE, () -> "closer is " + closer.getState());
        offerMayFinish.countDown();
        submitter.join(PATIENCE.toMillis());
        closer.join(PATIENCE.toMillis());

        assertThat(store.timesStoredByCallId()).containsExactly(Map.entry("racing", 1L));
        assertThat(writer.pending()).isZero();
    }

    @Test
    void writerThreadKilledByAnErrorLosesNoRecordAndSubmittersStoreTheirOwn() {
        Map<Thread, Throwable> deaths = new ConcurrentHashMap<>();
        List<Thread> created = new ArrayList<>();
        ThreadFactory watchedThreads = runnable -> {
            Thread thread = DAEMON_THREADS.newThread(runnable);
            thread.setUncaughtExceptionHandler(deaths::put);
            created.add(thread);
            return thread;
        };
        FakeCdrStore store = FakeCdrStore.throwingOnFirstCall(new StoreBrokenError());
        BatchingCdrWriter writer = quickWriter(store, new ArrayBlockingQueue<>(1_000), watchedThreads);
        Thread writerThread = created.get(0);

        writer.submit(record("in-hand"));
        Await.until(() -> writerThread.getState() == Thread.State.TERMINATED, PATIENCE,
                () -> "writer thread is " + writerThread.getState());
        writer.submit(record("after-death"));

        assertThat(deaths.get(writerThread)).as("the Error is not swallowed").isInstanceOf(StoreBrokenError.class);
        assertThat(store.threadThatStored("after-death")).isEqualTo(Thread.currentThread().getName());
        assertThat(log.errors()).anyMatch(message -> message.contains("CDR writer thread dies"));
        writer.close();
        assertThat(store.timesStoredByCallId()).containsOnlyKeys("in-hand", "after-death")
                .allSatisfy((callId, times) -> assertThat(times).as(callId).isEqualTo(1L));
    }

    @Test
    void checkedExceptionFromTheStoreIsRetriedAndTheWriterThreadCarriesOn() {
        FakeCdrStore store = FakeCdrStore.throwingOnFirstCall(new IOException("socket closed (simulated)"));
        BatchingCdrWriter writer = quickWriter(store);

        writer.submit(record("first"));
        store.awaitStored(1, PATIENCE);
        writer.submit(record("second"));
        store.awaitStored(2, PATIENCE);

        assertThat(store.threadThatStored("first")).isEqualTo(WRITER_THREAD);
        assertThat(store.threadThatStored("second")).isEqualTo(WRITER_THREAD);
        assertThat(writer.failedAttempts()).isEqualTo(1);
    }

    @Test
    void poisonRecordIsLoggedAndSkippedSoThatTheRecordsBehindItAreStored() {
        FakeCdrStore store = FakeCdrStore.working().refusing("poison");
        BatchingCdrWriter writer = quickWriter(store);
        CallDetailRecord poison = record("poison");
        List<String> behind = callIds("behind", 9);

        writer.submit(poison);
        behind.forEach(id -> writer.submit(record(id)));
        store.awaitStored(behind.size(), PATIENCE);
        Await.until(() -> writer.poisonedCount() == 1, PATIENCE, () -> writer.poisonedCount() + " poisoned");

        assertThat(store.timesStoredByCallId()).containsOnlyKeys(behind)
                .allSatisfy((callId, times) -> assertThat(times).as(callId).isEqualTo(1L));
        assertThat(log.errors()).anyMatch(message -> message.contains("poison record")
                && message.endsWith(poison.toString()));
        assertThat(writer.storedCount()).isEqualTo(behind.size());
    }

    @Test
    void aStoreThatIsDownMakesNoPoisonOfTheRecordsItRefuses() {
        // More failures than the writer allows a batch before splitting it, and the split fails for every record:
        // that is the store being down, not the records being bad, so the writer goes on waiting for it.
        FakeCdrStore store = FakeCdrStore.failingFirst(2 * RetryingCdrStorage.ATTEMPTS_BEFORE_SPLIT + 3);
        BatchingCdrWriter writer = quickWriter(store);
        List<String> ids = callIds("outage", 3);
        writer.submit(record(ids.get(0)));
        store.awaitFailures(1, PATIENCE); // so that the writer holds ids[0] alone and takes on the rest later
        ids.subList(1, ids.size()).forEach(id -> writer.submit(record(id)));

        store.awaitStored(ids.size(), PATIENCE);

        assertThat(store.timesStoredByCallId()).containsOnlyKeys(ids)
                .allSatisfy((callId, times) -> assertThat(times).as(callId).isEqualTo(1L));
        assertThat(writer.poisonedCount()).isZero();
        assertThat(writer.loggedUnstoredCount()).isZero();
    }

    @Test
    void aLoneRecordTheStoreRefusesIsRetriedNotPoisonedAsNothingWaitsBehindIt() {
        FakeCdrStore store = FakeCdrStore.failingFirst(RetryingCdrStorage.ATTEMPTS_BEFORE_SPLIT + 2);
        BatchingCdrWriter writer = quickWriter(store);

        writer.submit(record("alone"));
        store.awaitStored(1, PATIENCE);

        assertThat(writer.poisonedCount()).isZero();
        assertThat(writer.failedAttempts()).isEqualTo(RetryingCdrStorage.ATTEMPTS_BEFORE_SPLIT + 2);
    }

    @Test
    void submitterFacingAFullQueueAndAFailingStoreLogsTheRecordRatherThanHangTheCall() throws Exception {
        FakeCdrStore store = FakeCdrStore.holdingFirstCall().refusing("overflow");
        BatchingCdrWriter writer = writer(store, 1);
        writer.submit(record("taken-by-writer"));
        store.awaitFirstCall();
        writer.submit(record("queued"));
        CallDetailRecord overflow = record("overflow");

        assertTimeoutPreemptively(PATIENCE, () -> writer.submit(overflow));

        assertThat(log.errors()).anyMatch(message -> message.contains("the queue is full")
                && message.endsWith(overflow.toString()));
        assertThat(writer.loggedUnstoredCount()).isEqualTo(1);
        assertThat(writer.failedAttempts()).isEqualTo(3);
        store.releaseFirstCall();
        writer.close();
        assertThat(store.timesStoredByCallId()).containsOnlyKeys("taken-by-writer", "queued");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a broken class path or an exhausted heap looks like to the writer thread. */
    private static final class StoreBrokenError extends Error {
        StoreBrokenError() {
            super("store broken (simulated)");
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }
}
