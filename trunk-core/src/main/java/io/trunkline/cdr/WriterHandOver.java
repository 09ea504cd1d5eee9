package io.trunkline.cdr;

import java.util.ArrayList;
import java.util.List;

/**
 * How the {@link BatchingCdrWriter}'s thread gives its unfinished batch to {@code close()}, so that records in hand
 * when the shutdown timeout passes are stored by the closing thread, not dropped.
 *
 * <p>The writer tells the hand-over what it holds whenever that changes, and hands its batch back when it stops (told
 * to, interrupted, or dying of an Error). If it does not stop in time, because a store call ignores the interrupt, the
 * closing thread abandons it: what it last said it held is logged, and anything it hands back later goes to the log
 * too, as no one is left to take it. Synchronized so that a hand-back is either taken by close or logged, never
 * neither.
 */
final class WriterHandOver {
    private volatile boolean stopRequested;
    private boolean abandoned;
    private List<CallDetailRecord> inHand = List.of();
    private final List<CallDetailRecord> handedBack = new ArrayList<>();

    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** Writer thread: the records it now holds and has not stored. */
    synchronized void holding(List<CallDetailRecord> batch) {
        inHand = List.copyOf(batch);
    }

    /** Writer thread, on its way out: gives up its batch, which is then empty. */
    synchronized void handBack(List<CallDetailRecord> batch, RetryingCdrStorage storage) {
        if (abandoned) {
            storage.logUnstored(batch, "handed back by the writer thread after close() had stopped waiting for it");
        } else {
            handedBack.addAll(batch);
        }
        batch.clear();
        inHand = List.of();
    }

    /** Closing thread: gives up on a writer that did not stop and logs what it holds. */
    synchronized void abandon(RetryingCdrStorage storage, String why) {
        abandoned = true;
        stopRequested = true;
        storage.logUnstored(inHand, why + "; if that call completes, these are stored as well");
        inHand = List.of();
    }

    /** Closing thread: takes what the writer handed back. */
    synchronized void takeHandedBack(List<CallDetailRecord> into) {
        into.addAll(handedBack);
        handedBack.clear();
    }

    synchronized int handedBackCount() {
        return handedBack.size();
    }
}
