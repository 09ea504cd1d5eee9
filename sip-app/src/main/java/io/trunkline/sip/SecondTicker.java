package io.trunkline.sip;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a round of work once a second on a daemon thread of its own, for the requests Trunkline starts itself
 * (OPTIONS probes, REGISTERs): each round only looks at what is due and sends it, so it never waits on the
 * network, and a round that throws does not stop the next one (the task catches and logs).
 */
final class SecondTicker implements AutoCloseable {
    private final ScheduledExecutorService executor;
    private final Runnable round;

    SecondTicker(String threadName, Runnable round) {
        this.round = round;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        executor.scheduleWithFixedDelay(round, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
