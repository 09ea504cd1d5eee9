package io.trunkline.cdr;

import io.trunkline.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.stream.IntStream;

import static io.trunkline.cdr.FakeCdrStore.record;
import static org.assertj.core.api.Assertions.assertThat;

class BatchingCdrWriterTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final ThreadFactory DAEMON_THREADS = runnable -> {
        Thread thread = new Thread(runnable);
        thread.setDaemon(true);
        return thread;
    };

    private final List<Runnable> cleanUp = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        cleanUp.forEach(Runnable::run);
    }

    private BatchingCdrWriter writer(FakeCdrStore store, int capacity) {
        BatchingCdrWriter writer = new BatchingCdrWriter(store, DAEMON_THREADS, capacity, 100);
        cleanUp.add(store::releaseFirstCall);
        cleanUp.add(writer::close);
        return writer;
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

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }
}
