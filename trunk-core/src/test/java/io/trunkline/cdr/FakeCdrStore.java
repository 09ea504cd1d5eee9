package io.trunkline.cdr;

import io.trunkline.testing.Await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * In-memory {@link CdrStore} that remembers every stored record and the thread that stored it. It can fail its first
 * calls, as a database that is briefly away, or every call, as one that stays down; hold its first call until
 * released, as a slow one, even ignoring interrupts, as a driver stuck in a socket read; refuse batches holding
 * certain records, as a constraint violation; fail for one thread only, as a connection that is broken; and throw
 * something unusual on its first call. The storing is atomic, like a transaction: a refused batch stores nothing.
 */
final class FakeCdrStore implements CdrStore {
    private static final Duration HOLD_LIMIT = Duration.ofSeconds(10);

    private final List<CallDetailRecord> stored = new ArrayList<>();
    private final Map<String, String> storingThreadByCallId = new HashMap<>();
    private final CountDownLatch firstCallEntered = new CountDownLatch(1);
    private final CountDownLatch firstCallReleased;
    private final Set<String> refusedCallIds = new HashSet<>();
    private int failuresLeft;
    private int failures;
    private boolean firstCallSeen;
    private boolean holdIgnoresInterrupts;
    private String unreachableFromThread;
    private Throwable onFirstCall;

    private FakeCdrStore(int failures, boolean holdFirstCall) {
        this.failuresLeft = failures;
        this.firstCallReleased = new CountDownLatch(holdFirstCall ? 1 : 0);
    }

    static FakeCdrStore working() {
        return new FakeCdrStore(0, false);
    }

    static FakeCdrStore failingFirst(int failures) {
        return new FakeCdrStore(failures, false);
    }

    /** A store whose first call waits until {@link #releaseFirstCall()}. */
    static FakeCdrStore holdingFirstCall() {
        return new FakeCdrStore(0, true);
    }

    /** A store whose first call waits until {@link #releaseFirstCall()}, whatever interrupts it. */
    static FakeCdrStore holdingFirstCallIgnoringInterrupts() {
        FakeCdrStore store = new FakeCdrStore(0, true);
        store.holdIgnoresInterrupts = true;
        return store;
    }

    /** A database that stays down. */
    static FakeCdrStore down() {
        return new FakeCdrStore(Integer.MAX_VALUE, false);
    }

    /** Works, except for calls from the thread with this name. */
    static FakeCdrStore unreachableFrom(String threadName) {
        FakeCdrStore store = working();
        store.unreachableFromThread = threadName;
        return store;
    }

    /** Works, except that the first call throws this (an Error, or a checked exception the port does not declare). */
    static FakeCdrStore throwingOnFirstCall(Throwable thrown) {
        FakeCdrStore store = working();
        store.onFirstCall = thrown;
        return store;
    }

    /** Also refuses, every time, any batch that holds a record with one of these Call-IDs. */
    synchronized FakeCdrStore refusing(String... callIds) {
        refusedCallIds.addAll(List.of(callIds));
        return this;
    }

    @Override
    public void storeAll(List<CallDetailRecord> records) {
        if (isFirstCall()) {
            firstCallEntered.countDown();
            awaitRelease();
            if (onFirstCall != null) {
                FakeCdrStore.<RuntimeException>sneakyThrow(onFirstCall);
            }
        }
        synchronized (this) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw failure("database unavailable (simulated)");
            }
            if (Thread.currentThread().getName().equals(unreachableFromThread)) {
                throw failure("connection broken (simulated)");
            }
            if (records.stream().anyMatch(r -> refusedCallIds.contains(r.inboundCallId()))) {
                throw failure("constraint violated (simulated)");
            }
            stored.addAll(records);
            records.forEach(r -> storingThreadByCallId.put(r.inboundCallId(), Thread.currentThread().getName()));
            notifyAll();
        }
    }

    private IllegalStateException failure(String what) {
        failures++;
        notifyAll();
        return new IllegalStateException(what);
    }

    private synchronized boolean isFirstCall() {
        boolean first = !firstCallSeen;
        firstCallSeen = true;
        return first;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable thrown) throws T {
        throw (T) thrown;
    }

    private void awaitRelease() {
        if (holdIgnoresInterrupts) {
            awaitReleaseUninterruptibly();
            return;
        }
        try {
            if (!firstCallReleased.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("test never released the store");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while held", e);
        }
    }

    private void awaitReleaseUninterruptibly() {
        long deadline = System.nanoTime() + HOLD_LIMIT.toNanos();
        boolean interrupted = false;
        while (firstCallReleased.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                firstCallReleased.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    void awaitFirstCall() throws InterruptedException {
        if (!firstCallEntered.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the store was never called");
        }
    }

    void releaseFirstCall() {
        firstCallReleased.countDown();
    }

    @Override
    public CdrPage find(CdrFilter filter, int page, int size) {
        throw new UnsupportedOperationException("the writer only stores");
    }

    /** Waits until at least {@code count} records are stored. */
    void awaitStored(int count, Duration timeout) {
        Await.until(this, () -> stored.size() >= count, timeout, () -> stored.size() + " of " + count + " stored");
    }

    /** Waits until at least {@code count} calls have failed. */
    void awaitFailures(int count, Duration timeout) {
        Await.until(this, () -> failures >= count, timeout, () -> failures + " of " + count + " calls failed");
    }

    synchronized List<CallDetailRecord> stored() {
        return List.copyOf(stored);
    }

    /** How many times each Call-ID was stored. */
    synchronized Map<String, Long> timesStoredByCallId() {
        return stored.stream().collect(Collectors.groupingBy(CallDetailRecord::inboundCallId,
                Collectors.counting()));
    }

    synchronized String threadThatStored(String callId) {
        return storingThreadByCallId.get(callId);
    }

    static CallDetailRecord record(String callId) {
        Instant invited = Instant.parse("2026-03-02T09:15:00Z");
        return new CallDetailRecord(null, callId, null, "+14155550123", "+12125550199", "us-carrier", "office-pbx",
                invited, null, invited.plusSeconds(5), invited.plusSeconds(65), 200, HangupParty.CALLER);
    }
}
