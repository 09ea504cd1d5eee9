package io.trunkline.cdr;

import io.trunkline.testing.Await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * In-memory {@link CdrStore} that remembers every stored record and the thread that stored it. It can fail its first
 * calls, as a database that is briefly away, and hold its first call until released, as a slow one.
 */
final class FakeCdrStore implements CdrStore {
    private static final Duration HOLD_LIMIT = Duration.ofSeconds(10);

    private final List<CallDetailRecord> stored = new ArrayList<>();
    private final Map<String, String> storingThreadByCallId = new HashMap<>();
    private final CountDownLatch firstCallEntered = new CountDownLatch(1);
    private final CountDownLatch firstCallReleased;
    private int failuresLeft;
    private boolean firstCallSeen;

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

    @Override
    public void storeAll(List<CallDetailRecord> records) {
        if (isFirstCall()) {
            firstCallEntered.countDown();
            awaitRelease();
        }
        synchronized (this) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("database unavailable (simulated)");
            }
            stored.addAll(records);
            records.forEach(r -> storingThreadByCallId.put(r.inboundCallId(), Thread.currentThread().getName()));
            notifyAll();
        }
    }

    private synchronized boolean isFirstCall() {
        boolean first = !firstCallSeen;
        firstCallSeen = true;
        return first;
    }

    private void awaitRelease() {
        try {
            if (!firstCallReleased.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("test never released the store");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while held", e);
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
