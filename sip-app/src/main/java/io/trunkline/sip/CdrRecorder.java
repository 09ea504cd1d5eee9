package io.trunkline.sip;

import io.trunkline.cdr.BatchingCdrWriter;
import io.trunkline.cdr.CallDetailRecord;
import io.trunkline.cdr.CallTimeline;
import io.trunkline.cdr.EndCause;
import io.trunkline.cdr.HangupParty;
import io.trunkline.limits.CallChannels;

import javax.servlet.sip.SipApplicationSession;

import java.time.Clock;

/**
 * Ends calls: the timeline becomes a CDR handed to the writer, and the channels the call held are released. A call
 * that already ended is left as it is, so every path may call this without counting anything twice.
 */
final class CdrRecorder {
    private final BatchingCdrWriter writer;
    private final Clock clock;

    CdrRecorder(BatchingCdrWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    void end(CallTimeline timeline, int status, HangupParty party, EndCause cause) {
        if (timeline == null) {
            return;
        }
        CallDetailRecord finished = timeline.end(status, party, cause, clock.instant());
        if (finished != null) {
            writer.submit(finished);
        }
    }

    /** Ends the call this application session carries. */
    void endCall(SipApplicationSession call, int status, HangupParty party, EndCause cause) {
        end(CallLegs.timeline(call), status, party, cause);
        CallChannels channels = CallLegs.channels(call);
        if (channels != null) {
            channels.release();
        }
    }

    Clock clock() {
        return clock;
    }
}
