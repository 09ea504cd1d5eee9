package io.trunkline.cdr;

import io.trunkline.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class CallTimelineTest {
    private static final Instant INVITE = Instant.parse("2026-03-02T09:15:00Z");

    private final MutableClock clock = new MutableClock(INVITE);
    private final CallTimeline call = CallTimeline.begin("a84b4c76e66710", "+14155550123", "+12125550199", clock);

    @Test
    void recordsEveryStageOfAnAnsweredCall() {
        call.routed("us-carrier", "office-pbx", "b-leg-1");
        call.provisional(100, clock.advance(Duration.ofMillis(20)));
        Instant ringing = clock.advance(Duration.ofMillis(480));
        call.provisional(180, ringing);
        Instant answered = clock.advance(Duration.ofSeconds(6));
        call.answered(answered);
        Instant hungUp = clock.advance(Duration.ofSeconds(95));

        CallDetailRecord record = call.end(200, HangupParty.CALLER, EndCause.NORMAL_CLEARING, hungUp);

        assertThat(record).isEqualTo(new CallDetailRecord(null, "a84b4c76e66710", "b-leg-1", "+14155550123",
                "+12125550199", "us-carrier", "office-pbx", INVITE, ringing, answered, hungUp, 200,
                HangupParty.CALLER, EndCause.NORMAL_CLEARING));
        assertThat(record.duration()).isEqualTo(Duration.ofSeconds(95));
    }

    @Test
    void recordCarriesTheNumbersAsRoutingNormalisedThem() {
        CallTimeline asReceived = CallTimeline.begin("call-2", "4155550123", "2125550199;phone-context=+1", clock);
        asReceived.normalizedNumbers("+14155550123", "+12125550199");

        CallDetailRecord record = asReceived.end(404, HangupParty.TRUNKLINE, EndCause.NUMBER_NOT_IN_SERVICE,
                clock.advance(Duration.ofMillis(5)));

        assertThat(record.callingNumber()).isEqualTo("+14155550123");
        assertThat(record.calledNumber()).isEqualTo("+12125550199");
    }

    @Test
    void trying100IsNotTheFirstProvisionalResponse() {
        call.provisional(100, clock.advance(Duration.ofMillis(20)));

        CallDetailRecord record = call.end(486, HangupParty.CALLEE, EndCause.CALLEE_BUSY,
                clock.advance(Duration.ofSeconds(1)));

        assertThat(record.firstProvisionalAt()).isNull();
    }

    @Test
    void laterProvisionalResponsesDoNotMoveTheFirstOne() {
        Instant sessionProgress = clock.advance(Duration.ofMillis(300));
        call.provisional(183, sessionProgress);
        call.provisional(180, clock.advance(Duration.ofSeconds(1)));

        CallDetailRecord record = call.end(487, HangupParty.CALLER, EndCause.CALLER_CANCELLED,
                clock.advance(Duration.ofSeconds(3)));

        assertThat(record.firstProvisionalAt()).isEqualTo(sessionProgress);
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {99, 200, 202, 300, 486})
    void aStatusOutside101To199IsNotAProvisionalResponse(int status) {
        call.provisional(status, clock.advance(Duration.ofMillis(200)));
        Instant ringing = clock.advance(Duration.ofMillis(300));
        call.provisional(180, ringing);

        CallDetailRecord record = call.end(487, HangupParty.CALLER, EndCause.CALLER_CANCELLED,
                clock.advance(Duration.ofSeconds(3)));

        assertThat(record.firstProvisionalAt()).isEqualTo(ringing);
    }

    @Test
    void status199IsStillProvisional() {
        Instant progress = clock.advance(Duration.ofMillis(250));
        call.provisional(199, progress);

        CallDetailRecord record = call.end(487, HangupParty.CALLER, EndCause.CALLER_CANCELLED,
                clock.advance(Duration.ofSeconds(3)));

        assertThat(record.firstProvisionalAt()).isEqualTo(progress);
    }

    @Test
    void provisionalResponseArrivingAfterTheAnswerIsIgnored() {
        call.answered(clock.advance(Duration.ofSeconds(2)));
        call.provisional(180, clock.advance(Duration.ofMillis(20)));

        CallDetailRecord record = call.end(200, HangupParty.CALLER, EndCause.NORMAL_CLEARING,
                clock.advance(Duration.ofSeconds(30)));

        assertThat(record.firstProvisionalAt()).isNull();
    }

    @Test
    void unansweredCallTakesTheStatusItEndedWithAndLastsNothing() {
        call.provisional(180, clock.advance(Duration.ofSeconds(1)));
        Instant cancelled = clock.advance(Duration.ofSeconds(20));

        CallDetailRecord record = call.end(487, HangupParty.CALLER, EndCause.CALLER_CANCELLED, cancelled);

        assertThat(record.finalStatus()).isEqualTo(487);
        assertThat(record.hangupParty()).isEqualTo(HangupParty.CALLER);
        assertThat(record.answeredAt()).isNull();
        assertThat(record.endedAt()).isEqualTo(cancelled);
        assertThat(record.duration()).isZero();
        assertThat(call.isAnswered()).isFalse();
    }

    @Test
    void answeredCallKeepsStatus200WhateverEndsIt() {
        Instant answered = clock.advance(Duration.ofSeconds(4));
        call.answered(answered);

        CallDetailRecord record = call.end(408, HangupParty.TRUNKLINE, EndCause.SETUP_ABANDONED,
                clock.advance(Duration.ofSeconds(32)));

        assertThat(record.finalStatus()).isEqualTo(200);
        assertThat(record.hangupParty()).isEqualTo(HangupParty.TRUNKLINE);
        assertThat(record.duration()).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void endsOnlyOnceAndTheFirstEndWins() {
        call.answered(clock.advance(Duration.ofSeconds(2)));
        Instant bye = clock.advance(Duration.ofSeconds(10));

        CallDetailRecord first = call.end(200, HangupParty.CALLEE, EndCause.NORMAL_CLEARING, bye);
        CallDetailRecord second = call.end(500, HangupParty.TRUNKLINE, EndCause.INTERNAL_ERROR,
                clock.advance(Duration.ofSeconds(1)));

        assertThat(first.hangupParty()).isEqualTo(HangupParty.CALLEE);
        assertThat(first.endCause()).isEqualTo(EndCause.NORMAL_CLEARING);
        assertThat(first.endedAt()).isEqualTo(bye);
        assertThat(second).isNull();
        assertThat(call.isEnded()).isTrue();
    }

    @Test
    void answerArrivingAfterTheEndIsIgnored() {
        call.end(487, HangupParty.CALLER, EndCause.CALLER_CANCELLED, clock.advance(Duration.ofSeconds(5)));

        call.answered(clock.advance(Duration.ofMillis(10)));

        assertThat(call.isAnswered()).isFalse();
    }

    @Test
    void callEndedFromSeveralThreadsAtOnceYieldsExactlyOneRecord() throws Exception {
        int racers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CallDetailRecord>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int status = 480 + i;
                results.add(threads.submit(() -> {
                    start.await();
                    return call.end(status, HangupParty.TRUNKLINE, EndCause.CALLEE_REJECTED, INVITE.plusSeconds(1));
                }));
            }
            start.countDown();
            List<CallDetailRecord> records = new ArrayList<>();
            for (Future<CallDetailRecord> result : results) {
                records.add(result.get());
            }

            assertThat(records.stream().filter(Objects::nonNull)).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void survivesSerialisationWithItsStateAsTheSipSessionRequires() throws Exception {
        call.routed("us-carrier", "office-pbx", "b-leg-1");
        Instant answered = clock.advance(Duration.ofSeconds(3));
        call.answered(answered);

        CallTimeline restored = serialiseAndRestore(call);
        CallDetailRecord record = restored.end(200, HangupParty.CALLER, EndCause.NORMAL_CLEARING,
                clock.advance(Duration.ofSeconds(60)));

        assertThat(record.answeredAt()).isEqualTo(answered);
        assertThat(record.outboundTrunk()).isEqualTo("office-pbx");
        assertThat(record.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(record.endCause()).isEqualTo(EndCause.NORMAL_CLEARING);
    }

    private static CallTimeline serialiseAndRestore(CallTimeline timeline) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(timeline);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (CallTimeline) in.readObject();
        }
    }
}
