package io.trunkline.sip;

import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.Target;

import java.io.Serializable;

/**
 * Where a call's outbound leg has been tried so far. States of the current attempt: SENT (INVITE out, setup timer
 * running) → PROGRESSING (a provisional or final answer arrived; timer cancelled); a failed attempt is replaced by
 * the next target of the current trunk, and when none is left, by the first target of the next candidate trunk,
 * until no trunk is left.
 */
final class OutboundAttempts implements Serializable {
    private static final long serialVersionUID = 1L;

    private Forward forward;
    private int tried;
    private boolean sentAny;
    private boolean trunkAdmitted;
    private String refusal;
    private int retryAfterSeconds;
    private String currentLeg;
    private String setupTimer;
    private String ringTimer;
    private boolean progressing;
    private int lastFailure = 503;
    private boolean answered;
    private boolean challengeAnswered;
    private int redirects;
    private String redirectedUser;

    /** Redirects followed in one call at most (see GatewayFailover). */
    static final int MAX_REDIRECTS = 3;

    OutboundAttempts(Forward forward) {
        this.forward = forward;
    }

    Forward forward() {
        return forward;
    }

    /** Whether another target is left, on this trunk or a later one. */
    boolean hasNext() {
        return hasNextTarget() || forward.hasNextTrunk();
    }

    boolean hasNextTarget() {
        return tried < forward.targets().size();
    }

    /** Moves on to the next candidate trunk; {@link #forward()} then names it and holds its targets and policy. */
    Forward nextTrunk() {
        forward = forward.onNextTrunk();
        tried = 0;
        trunkAdmitted = false;
        redirectedUser = null; // another carrier: the number the last one redirected to is its own business
        return forward;
    }

    /** Whether the current trunk's limits admitted the call. */
    boolean isTrunkAdmitted() {
        return trunkAdmitted;
    }

    void trunkAdmitted() {
        trunkAdmitted = true;
    }

    /** The current trunk refused the call (over its limits): what the caller hears if no trunk takes it. */
    void refused(String reason, int retryAfter) {
        lastFailure = 503;
        refusal = reason;
        retryAfterSeconds = retryAfter;
    }

    /** The reason of the last failure when it was a trunk's limit, else null. */
    String refusal() {
        return refusal;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Whether any INVITE went out (so the CDR already names a trunk and an outbound Call-ID). */
    boolean sentAny() {
        return sentAny;
    }

    Target next() {
        Target target = forward.targets().get(tried++);
        currentLeg = null;
        setupTimer = null;
        ringTimer = null;
        progressing = false;
        challengeAnswered = false;
        return target;
    }

    /**
     * The callee redirected the call to {@code user}: the next INVITE goes to it, at the same target.
     *
     * @return false when the call has been redirected {@link #MAX_REDIRECTS} times already
     */
    boolean redirectTo(String user) {
        if (redirects >= MAX_REDIRECTS) {
            return false;
        }
        redirects++;
        redirectedUser = user;
        return true;
    }

    /** The user a redirect named, for the Request-URI of the attempts that follow it; null if none. */
    String redirectedUser() {
        return redirectedUser;
    }

    /** The current target is to be tried once more, as a new attempt (after a redirect): next() gives it again. */
    void repeatCurrentTarget() {
        tried--;
    }

    void sent(String legId, String timerId) {
        sentAny = true;
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

    /** The current attempt rings: its ring timer runs. */
    void ringing(String timerId) {
        ringTimer = timerId;
    }

    boolean isRinging() {
        return ringTimer != null;
    }

    /** @return the ring timer to cancel, or null if none is running */
    String ringingOver() {
        String timer = ringTimer;
        ringTimer = null;
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
        refusal = null;
    }

    /** The status to give the caller when every target failed: the last failure's. */
    int lastFailure() {
        return lastFailure;
    }
}
