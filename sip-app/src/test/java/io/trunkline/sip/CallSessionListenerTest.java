package io.trunkline.sip;

import io.trunkline.cdr.BatchingCdrWriter;
import io.trunkline.cdr.CallDetailRecord;
import io.trunkline.cdr.CallTimeline;
import io.trunkline.cdr.CdrFilter;
import io.trunkline.cdr.CdrPage;
import io.trunkline.cdr.CdrStore;
import io.trunkline.cdr.EndCause;
import io.trunkline.cdr.HangupParty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipApplicationSessionEvent;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container's last word on a call: an unanswered call whose application session expires (minutes of ringing,
 * nobody cancelled or answered) gets its CDR with SETUP_ABANDONED; an answered one is extended instead; a session
 * invalidated without any handler having ended its call gets INTERNAL_ERROR, and a call already ended is not
 * recorded twice.
 */
class CallSessionListenerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    private final List<CallDetailRecord> stored = new CopyOnWriteArrayList<>();
    private final BatchingCdrWriter writer = new BatchingCdrWriter(new ListStore(stored),
            task -> new Thread(task), 100, 10);
    private final CallSessionListener listener = new CallSessionListener();

    CallSessionListenerTest() {
        CallSessionListener.use(new CdrRecorder(writer, CLOCK));
    }

    @AfterEach
    void stopWriter() {
        writer.close(Duration.ofSeconds(5));
    }

    @Test
    void anUnansweredCallWhoseSessionExpiresIsRecordedAsSetupAbandoned() {
        FakeCall call = new FakeCall(CallTimeline.begin("ringing@host", "+14155550100", "+14155550199", CLOCK));

        listener.sessionExpired(new SipApplicationSessionEvent(call.session()));

        writer.close(Duration.ofSeconds(5));
        assertThat(stored).singleElement().satisfies(cdr -> {
            assertThat(cdr.inboundCallId()).isEqualTo("ringing@host");
            assertThat(cdr.finalStatus()).isEqualTo(408);
            assertThat(cdr.hangupParty()).isEqualTo(HangupParty.TRUNKLINE);
            assertThat(cdr.endCause()).isEqualTo(EndCause.SETUP_ABANDONED);
        });
        assertThat(call.extensions).isEmpty();
    }

    @Test
    void anAnsweredCallThatIsStillUpHasItsSessionExtendedAndNoCdr() {
        CallTimeline timeline = CallTimeline.begin("talking@host", "+14155550100", "+14155550199", CLOCK);
        timeline.answered(CLOCK.instant());
        FakeCall call = new FakeCall(timeline);

        listener.sessionExpired(new SipApplicationSessionEvent(call.session()));

        writer.close(Duration.ofSeconds(5));
        assertThat(stored).isEmpty();
        assertThat(call.extensions).containsExactly(5);
    }

    @Test
    void aSessionInvalidatedWithItsCallNeverEndedIsRecordedAsInternalErrorOnce() {
        FakeCall call = new FakeCall(CallTimeline.begin("lost@host", "+14155550100", "+14155550199", CLOCK));

        listener.sessionReadyToInvalidate(new SipApplicationSessionEvent(call.session()));
        listener.sessionReadyToInvalidate(new SipApplicationSessionEvent(call.session()));

        writer.close(Duration.ofSeconds(5));
        assertThat(stored).singleElement().satisfies(cdr -> {
            assertThat(cdr.finalStatus()).isEqualTo(500);
            assertThat(cdr.endCause()).isEqualTo(EndCause.INTERNAL_ERROR);
        });
    }

    /** An application session holding only attributes and the expiry extensions asked of it. */
    private static final class FakeCall {
        private final Map<String, Object> attributes = new HashMap<>();
        private final List<Integer> extensions = new ArrayList<>();
        private final SipApplicationSession session = (SipApplicationSession) Proxy.newProxyInstance(
                FakeCall.class.getClassLoader(), new Class<?>[] {SipApplicationSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "setExpires" -> {
                        extensions.add((Integer) args[0]);
                        yield (Integer) args[0];
                    }
                    case "getId" -> "app-session";
                    case "isValid" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "FakeCall" + attributes.keySet();
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        FakeCall(CallTimeline timeline) {
            CallLegs.replaceTimeline(session, timeline);
        }

        SipApplicationSession session() {
            return session;
        }
    }

    private record ListStore(List<CallDetailRecord> records) implements CdrStore {
        @Override
        public void storeAll(List<CallDetailRecord> batch) {
            records.addAll(batch);
        }

        @Override
        public CdrPage find(CdrFilter filter, int page, int size) {
            throw new UnsupportedOperationException("not needed here");
        }
    }
}
