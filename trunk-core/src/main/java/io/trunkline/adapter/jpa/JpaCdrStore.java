package io.trunkline.adapter.jpa;

import io.trunkline.cdr.CallDetailRecord;
import io.trunkline.cdr.CdrFilter;
import io.trunkline.cdr.CdrPage;
import io.trunkline.cdr.CdrStore;

import javax.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class JpaCdrStore implements CdrStore {
    private final JpaTransactions tx;

    public JpaCdrStore(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void storeAll(List<CallDetailRecord> records) {
        tx.run(em -> records.forEach(r -> em.persist(CdrEntity.of(r))));
    }

    @Override
    public CdrPage find(CdrFilter filter, int page, int size) {
        return tx.inTransaction(em -> {
            Map<String, Object> parameters = new HashMap<>();
            String where = whereClause(filter, parameters);
            TypedQuery<CdrEntity> query = em.createQuery(
                    "select c from CdrEntity c" + where + " order by c.invitedAt desc, c.id desc", CdrEntity.class);
            TypedQuery<Long> count = em.createQuery("select count(c) from CdrEntity c" + where, Long.class);
            parameters.forEach((k, v) -> {
                query.setParameter(k, v);
                count.setParameter(k, v);
            });
            // Counted before listing: each statement sees what was committed when it ran (read committed), and the
            // CDR writer commits between them. CDRs are only ever added, so a total taken first never claims a match
            // the list then leaves out; listed first, a record arriving in between was counted but not shown.
            long total = count.getSingleResult();
            List<CallDetailRecord> items = query.setFirstResult(page * size).setMaxResults(size)
                    .getResultList().stream().map(CdrEntity::toDomain).toList();
            return new CdrPage(items, page, size, total);
        });
    }

    private static String whereClause(CdrFilter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.trunk() != null) {
            conditions.add("(c.inboundTrunk = :trunk or c.outboundTrunk = :trunk)");
            parameters.put("trunk", filter.trunk());
        }
        if (filter.number() != null) {
            conditions.add("(c.callingNumber = :number or c.calledNumber = :number)");
            parameters.put("number", filter.number());
        }
        if (filter.callId() != null) {
            conditions.add("(c.inboundCallId = :callId or c.outboundCallId = :callId)");
            parameters.put("callId", filter.callId());
        }
        if (filter.from() != null) {
            conditions.add("c.invitedAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("c.invitedAt < :to");
            parameters.put("to", filter.to());
        }
        if (filter.status() != null) {
            conditions.add("c.finalStatus = :status");
            parameters.put("status", filter.status());
        }
        if (filter.cause() != null) {
            conditions.add("c.endCause = :cause");
            parameters.put("cause", filter.cause().name());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

}
