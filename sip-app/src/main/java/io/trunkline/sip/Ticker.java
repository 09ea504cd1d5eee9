package io.trunkline.sip;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a round of work at a fixed period on a daemon thread of its own, for what Trunkline starts itself (OPTIONS
 * probes and REGISTERs once a second, overload protection's probe ten times a second): each round only looks at
 * what is due and sends it, so it never waits on the network, and a round that throws does not stop the next one
 * (the task catches and logs).
 */
final class Ticker implements AutoCloseable {
    private final ScheduledExecutorService executor;
    private final Runnable round;
    private final long periodMillis;

    Ticker(String threadName, long periodMillis, Runnable round) {
        this.round = round;
        this.periodMillis = periodMillis;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        executor.scheduleWithFixedDelay(round, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
