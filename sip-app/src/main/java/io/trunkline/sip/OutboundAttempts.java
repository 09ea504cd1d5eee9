package io.trunkline.sip;

import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.Target;

import java.io.Serializable;

/**
 * Where a call's outbound leg has been tried so far. States of the current attempt: SENT (INVITE out, setup timer
 * running) → PROGRESSING (a provisional or final answer arrived; timer cancelled); a failed attempt is replaced by
 * the next target until none is left.
 */
final class OutboundAttempts implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Forward forward;
    private int tried;
    private String currentLeg;
    private String setupTimer;
    private boolean progressing;
    private int lastFailure = 503;
    private boolean answered;
    private boolean challengeAnswered;

    OutboundAttempts(Forward forward) {
        this.forward = forward;
    }

    Forward forward() {
        return forward;
    }

    boolean hasNext() {
        return tried < forward.targets().size();
    }

    Target next() {
        Target target = forward.targets().get(tried++);
        currentLeg = null;
        setupTimer = null;
        progressing = false;
        challengeAnswered = false;
        return target;
    }

    void sent(String legId, String timerId) {
        currentLeg = legId;
        setupTimer = timerId;
    }

    boolean isCurrent(String legId) {
        return legId != null && legId.equals(currentLeg);
    }

    /** @return the setup timer to cancel, or null if none is running */
    String progressed() {
        progressing = true;
        String timer = setupTimer;
        setupTimer = null;
        return timer;
    }

    boolean isProgressing() {
        return progressing;
    }

    /** Whether a response on this leg belongs to setting the call up (rather than to a re-INVITE later). */
    boolean isSettingUp(String legId) {
        return isCurrent(legId) && !answered;
    }

    void answered() {
        answered = true;
    }

    /** Records that the current attempt answered a digest challenge; true only the first time (no loops). */
    boolean answerChallengeOnce() {
        if (challengeAnswered) {
            return false;
        }
        challengeAnswered = true;
        return true;
    }

    void failed(int status) {
        lastFailure = status;
    }

    /** The status to give the caller when every target failed: the last failure's. */
    int lastFailure() {
        return lastFailure;
    }
}
