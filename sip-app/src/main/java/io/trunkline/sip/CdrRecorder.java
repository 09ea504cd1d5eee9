package io.trunkline.sip;

import io.trunkline.cdr.BatchingCdrWriter;
import io.trunkline.cdr.CallDetailRecord;
import io.trunkline.cdr.CallTimeline;
import io.trunkline.cdr.HangupParty;

import java.time.Clock;

/** Ends a call's timeline and hands the finished CDR to the writer; a call that already ended is ignored. */
final class CdrRecorder {
    private final BatchingCdrWriter writer;
    private final Clock clock;

    CdrRecorder(BatchingCdrWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    void end(CallTimeline timeline, int status, HangupParty party) {
        if (timeline == null) {
            return;
        }
        CallDetailRecord finished = timeline.end(status, party, clock.instant());
        if (finished != null) {
            writer.submit(finished);
        }
    }

    Clock clock() {
        return clock;
    }
}
