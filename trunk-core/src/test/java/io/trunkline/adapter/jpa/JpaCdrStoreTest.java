package io.trunkline.adapter.jpa;

import io.trunkline.cdr.CallDetailRecord;
import io.trunkline.cdr.CdrFilter;
import io.trunkline.cdr.CdrPage;
import io.trunkline.cdr.EndCause;
import io.trunkline.cdr.HangupParty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class JpaCdrStoreTest {
    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

    private final TestDatabase database = new TestDatabase();
    private final JpaCdrStore store = new JpaCdrStore(database.transactions);

    @AfterEach
    void closeDatabase() throws Exception {
        database.close();
    }

    /** An answered one-minute call from us-carrier to office-pbx, invited {@code minutesAfterNine} after 09:00. */
    private static CallDetailRecord call(String callId, int minutesAfterNine) {
        Instant invited = NINE.plusSeconds(60L * minutesAfterNine);
        return new CallDetailRecord(null, callId, callId + "-b", "+14155550123", "+12125550199", "us-carrier",
                "office-pbx", invited, invited.plusMillis(480), invited.plusSeconds(6), invited.plusSeconds(66), 200,
                HangupParty.CALLER, EndCause.NORMAL_CLEARING);
    }

    private static CallDetailRecord unanswered(String callId, int minutesAfterNine, int status) {
        Instant invited = NINE.plusSeconds(60L * minutesAfterNine);
        return new CallDetailRecord(null, callId, null, "anonymous", "+442079460000", "office-pbx", null, invited,
                null, null, invited.plusSeconds(20), status, HangupParty.CALLEE,
                EndCause.ofCalleeRefusal(status, false));
    }

    private List<String> callIds(CdrFilter filter) {
        return store.find(filter, 0, 100).items().stream().map(CallDetailRecord::inboundCallId).toList();
    }

    @Test
    void storedRecordsComeBackWithEveryFieldAndAnId() {
        CallDetailRecord answered = call("answered", 1);
        CallDetailRecord rejected = unanswered("rejected", 0, 486);

        store.storeAll(List.of(answered, rejected));
        CdrPage page = store.find(CdrFilter.none(), 0, 10);

        assertThat(page.items()).hasSize(2);
        assertThat(page.items()).extracting(CallDetailRecord::id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(page.items().get(0)).isEqualTo(answered.withId(page.items().get(0).id()));
        assertThat(page.items().get(1)).isEqualTo(rejected.withId(page.items().get(1).id()));
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void listsNewestFirstAcrossSeveralBatches() {
        store.storeAll(List.of(call("09:03", 3), call("09:01", 1)));
        store.storeAll(List.of(call("09:04", 4), call("09:00", 0), call("09:02", 2)));

        assertThat(callIds(CdrFilter.none())).containsExactly("09:04", "09:03", "09:02", "09:01", "09:00");
    }

    @Test
    void pagesThroughMatchesWithTheTotalOnEveryPage() {
        List<CallDetailRecord> calls = IntStream.range(0, 25).mapToObj(i -> call("call-" + i, i)).toList();
        store.storeAll(calls);

        CdrPage first = store.find(CdrFilter.none(), 0, 10);
        CdrPage second = store.find(CdrFilter.none(), 1, 10);
        CdrPage last = store.find(CdrFilter.none(), 2, 10);
        CdrPage beyond = store.find(CdrFilter.none(), 3, 10);

        assertThat(first.items()).extracting(CallDetailRecord::inboundCallId)
                .containsExactly(IntStream.rangeClosed(15, 24).map(i -> 39 - i).mapToObj(i -> "call-" + i)
                        .toArray(String[]::new));
        assertThat(second.items()).extracting(CallDetailRecord::inboundCallId)
                .containsExactly(IntStream.rangeClosed(5, 14).map(i -> 19 - i).mapToObj(i -> "call-" + i)
                        .toArray(String[]::new));
        assertThat(last.items()).extracting(CallDetailRecord::inboundCallId)
                .containsExactly("call-4", "call-3", "call-2", "call-1", "call-0");
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first, second, last, beyond)).allSatisfy(page -> assertThat(page.total()).isEqualTo(25));
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(10);
    }

    @Test
    void filtersByTrunkOnEitherSide() {
        store.storeAll(List.of(call("in-and-out", 0), unanswered("pbx-only", 1, 404),
                new CallDetailRecord(null, "elsewhere", null, "+1", "+2", "uk-carrier", "london-pbx", NINE, null,
                        null, NINE.plusSeconds(1), 503, HangupParty.TRUNKLINE)));

        assertThat(callIds(new CdrFilter("office-pbx", null, null, null, null, null)))
                .containsExactly("pbx-only", "in-and-out");
        assertThat(callIds(new CdrFilter("us-carrier", null, null, null, null, null)))
                .containsExactly("in-and-out");
        assertThat(store.find(new CdrFilter("london-pbx", null, null, null, null, null), 0, 10).total())
                .isEqualTo(1);
    }

    @Test
    void filtersByCallingOrCalledNumberExactly() {
        store.storeAll(List.of(call("us-call", 0), unanswered("uk-call", 1, 480)));

        assertThat(callIds(new CdrFilter(null, "+14155550123", null, null, null, null))).containsExactly("us-call");
        assertThat(callIds(new CdrFilter(null, "+442079460000", null, null, null, null))).containsExactly("uk-call");
        assertThat(callIds(new CdrFilter(null, "anonymous", null, null, null, null))).containsExactly("uk-call");
        assertThat(callIds(new CdrFilter(null, "+4420794600", null, null, null, null))).isEmpty();
    }

    @Test
    void filtersByTheCallIdOfEitherLeg() {
        store.storeAll(List.of(call("first", 0), call("second", 1)));

        assertThat(callIds(new CdrFilter(null, null, "second", null, null, null))).containsExactly("second");
        assertThat(callIds(new CdrFilter(null, null, "first-b", null, null, null))).containsExactly("first");
        assertThat(callIds(new CdrFilter(null, null, "third", null, null, null))).isEmpty();
    }

    @Test
    void filtersByInviteTimeFromInclusiveToExclusive() {
        store.storeAll(IntStream.range(0, 5).mapToObj(i -> call("09:0" + i, i)).toList());
        Instant nineOhOne = NINE.plusSeconds(60);
        Instant nineOhThree = NINE.plusSeconds(180);

        assertThat(callIds(new CdrFilter(null, null, null, nineOhOne, nineOhThree, null)))
                .containsExactly("09:02", "09:01");
        assertThat(callIds(new CdrFilter(null, null, null, nineOhThree, null, null)))
                .containsExactly("09:04", "09:03");
        assertThat(callIds(new CdrFilter(null, null, null, null, nineOhOne, null))).containsExactly("09:00");
    }

    @Test
    void filtersByFinalStatus() {
        store.storeAll(List.of(call("answered", 0), unanswered("busy", 1, 486), unanswered("busy-again", 2, 486),
                unanswered("cancelled", 3, 487)));

        assertThat(callIds(new CdrFilter(null, null, null, null, null, 486))).containsExactly("busy-again", "busy");
        assertThat(callIds(new CdrFilter(null, null, null, null, null, 200))).containsExactly("answered");
        assertThat(callIds(new CdrFilter(null, null, null, null, null, 503))).isEmpty();
    }

    @Test
    void filtersByEndCause() {
        store.storeAll(List.of(call("answered", 0), unanswered("busy", 1, 486), unanswered("refused", 2, 603)));

        assertThat(callIds(filterByCause(EndCause.CALLEE_BUSY))).containsExactly("busy");
        assertThat(callIds(filterByCause(EndCause.NORMAL_CLEARING))).containsExactly("answered");
        assertThat(callIds(filterByCause(EndCause.SESSION_EXPIRED))).isEmpty();
    }

    private static CdrFilter filterByCause(EndCause cause) {
        return new CdrFilter(null, null, null, null, null, null, cause);
    }

    @Test
    void rowsWithoutACauseOrWithOneThisVersionDoesNotKnowReadBackWithoutOne() throws Exception {
        store.storeAll(List.of(call("old", 0), call("newer", 1)));
        try (Connection sql = database.dataSource.getConnection(); Statement update = sql.createStatement()) {
            update.executeUpdate("UPDATE cdr SET end_cause = NULL WHERE inbound_call_id = 'old'");
            update.executeUpdate("UPDATE cdr SET end_cause = 'NOT_YET_INVENTED' WHERE inbound_call_id = 'newer'");
        }

        assertThat(store.find(CdrFilter.none(), 0, 10).items()).extracting(CallDetailRecord::endCause)
                .containsExactly(null, null);
        assertThat(callIds(filterByCause(EndCause.NORMAL_CLEARING))).isEmpty();
    }

    @Test
    void aNewestFirstPageIsReadFromAnIndexInThatOrderNotSortedFromTheWholeTable() throws Exception {
        // The shape of find()'s query; the database must not sort every matching row to return one page.
        assumeFalse(database.isPostgres(), "reads H2's plan; PostgreSQL plans by table statistics, not rules");
        String page = "SELECT * FROM cdr c WHERE (c.calling_number = '+14155550123' OR c.called_number = '+14155550123')"
                + " ORDER BY c.invited_at DESC, c.id DESC OFFSET 500 ROWS FETCH NEXT 100 ROWS ONLY";
        try (Connection sql = database.dataSource.getConnection(); Statement explain = sql.createStatement();
             var plan = explain.executeQuery("EXPLAIN " + page)) {
            plan.next();
            assertThat(plan.getString(1)).contains("CDR_INVITED_AT_ID").contains("index sorted");
        }
    }

    @Test
    void combinedFiltersMustAllMatchAndTheTotalCountsOnlyMatches() {
        List<CallDetailRecord> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(i % 3 == 0 ? unanswered("busy-" + i, i, 486) : call("answered-" + i, i));
        }
        store.storeAll(calls);

        CdrPage page = store.find(new CdrFilter("office-pbx", null, null, NINE.plusSeconds(60), null, 486), 0, 2);

        assertThat(page.items()).extracting(CallDetailRecord::inboundCallId).containsExactly("busy-9", "busy-6");
        assertThat(page.total()).isEqualTo(3);
    }

    /**
     * The page and its total come from two queries, and the CDR writer stores records between them. A caller polling
     * for the CDR of the call it just made (an API client, the in-server tests) must not be told "1 match" with an
     * empty list: each round here polls for a number whose one record is being stored at that moment.
     */
    @Test
    void aPageThatCountsAMatchArrivingMeanwhileAlsoListsIt() throws Exception {
        List<String> inconsistent = new ArrayList<>();
        for (int round = 0; round < 200; round++) {
            String number = "+1415555" + String.format("%04d", round);
            Instant invited = NINE.plusSeconds(round);
            CallDetailRecord arriving = new CallDetailRecord(null, "arriving-" + round, null, number, "+12125550199",
                    "us-carrier", null, invited, null, null, invited.plusSeconds(1), 486, HangupParty.CALLEE,
                    EndCause.ofCalleeRefusal(486, false));
            Thread writer = new Thread(() -> store.storeAll(List.of(arriving)));
            writer.start();
            CdrFilter byNumber = new CdrFilter(null, number, null, null, null, null);
            CdrPage page;
            do {
                page = store.find(byNumber, 0, 10);
            } while (page.total() == 0 && writer.isAlive());
            writer.join();
            if (page.total() == 0) {
                page = store.find(byNumber, 0, 10); // stored just as the polling stopped
            }
            assertThat(page.total()).as(number).isEqualTo(1);
            if (page.items().isEmpty()) {
                inconsistent.add(number + ": total " + page.total() + ", no items");
            }
        }
        assertThat(inconsistent).isEmpty();
    }

    @Test
    void largeBatchIsStoredWhole() {
        store.storeAll(IntStream.range(0, 250).mapToObj(i -> call("call-" + i, i)).toList());

        assertThat(store.find(CdrFilter.none(), 0, 1).total()).isEqualTo(250);
    }

    @Test
    void recordsStoredAfterARestartDoNotCollideWithEarlierOnes() {
        store.storeAll(IntStream.range(0, 3).mapToObj(i -> call("before-" + i, i)).toList());
        database.entityManagerFactory.close();

        EntityManagerFactory restarted = Persistence.createEntityManagerFactory("trunkline",
                Map.of("javax.persistence.nonJtaDataSource", database.dataSource));
        try {
            JpaCdrStore afterRestart = new JpaCdrStore(new JpaTransactions(restarted));
            afterRestart.storeAll(IntStream.range(0, 3).mapToObj(i -> call("after-" + i, 10 + i)).toList());

            CdrPage all = afterRestart.find(CdrFilter.none(), 0, 10);
            assertThat(all.total()).isEqualTo(6);
            assertThat(all.items()).extracting(CallDetailRecord::id).doesNotHaveDuplicates();
        } finally {
            restarted.close();
        }
    }

    @Test
    void callerSuppliedTextLongerThanItsColumnIsCutRatherThanLosingTheRecord() {
        String longCallingUser = "x".repeat(300);
        String longCallId = "c".repeat(300) + "@pbx.example";
        CallDetailRecord odd = new CallDetailRecord(null, longCallId, longCallId + "-b", longCallingUser,
                "+12125550199", "us-carrier", null, NINE, null, null, NINE.plusSeconds(1), 404,
                HangupParty.TRUNKLINE);

        store.storeAll(List.of(odd));

        CallDetailRecord stored = store.find(CdrFilter.none(), 0, 1).items().get(0);
        assertThat(stored.callingNumber()).isEqualTo("x".repeat(128));
        assertThat(stored.inboundCallId()).isEqualTo(longCallId.substring(0, 255));
        assertThat(stored.outboundCallId()).isEqualTo(longCallId.substring(0, 255));
        assertThat(stored.calledNumber()).isEqualTo("+12125550199");
    }
}
