package io.trunkline.health;

import io.trunkline.routing.GatewayOrder;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Trunk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The health of every probed gateway, and routing's view of it: a gateway is skipped only while DOWN. Gateways are
 * identified by address and transport, so one shared by two trunks has one health.
 */
public final class GatewayHealth implements GatewayOrder.Availability {
    private static final System.Logger LOG = System.getLogger(GatewayHealth.class.getName());
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public GatewayHealth(Clock clock) {
        this.clock = clock;
    }

    private static final class Entry {
        GatewayState state = GatewayState.UNKNOWN;
        int failures;
        Instant lastProbeAt;
        Instant lastChangeAt;
        Instant pendingSince;
        int downAfter = 1;
    }

    static String key(Gateway gateway) {
        return gateway.host() + "|" + gateway.port() + "|" + gateway.transport();
    }

    @Override
    public boolean isUp(Gateway gateway) {
        Entry entry = entries.get(key(gateway));
        return entry == null || entry.state != GatewayState.DOWN;
    }

    /** Gateways of probed trunks whose interval has passed and which have no probe outstanding. */
    public List<Gateway> due(List<Trunk> trunks) {
        Instant now = clock.instant();
        List<Gateway> due = new ArrayList<>();
        for (Trunk trunk : trunks) {
            if (!trunk.probe().enabled()) {
                continue;
            }
            Duration interval = Duration.ofSeconds(trunk.probe().intervalSeconds());
            for (Gateway gateway : trunk.gateways()) {
                Entry entry = entries.computeIfAbsent(key(gateway), k -> new Entry());
                synchronized (entry) {
                    boolean idle = entry.pendingSince == null;
                    boolean intervalPassed = entry.lastProbeAt == null || !now.isBefore(entry.lastProbeAt.plus(interval));
                    if (idle && intervalPassed && !due.contains(gateway)) {
                        entry.downAfter = trunk.probe().downAfter();
                        entry.pendingSince = now;
                        entry.lastProbeAt = now;
                        due.add(gateway);
                    }
                }
            }
        }
        return due;
    }

    /** Any answer but 408 and 503 proves the gateway's SIP stack is alive (a 404 or 405 included). */
    public void answered(Gateway gateway, int status) {
        if (status == 408 || status == 503) {
            failed(gateway);
            return;
        }
        Entry entry = entries.computeIfAbsent(key(gateway), k -> new Entry());
        synchronized (entry) {
            entry.pendingSince = null;
            entry.failures = 0;
            change(entry, key(gateway), GatewayState.UP);
        }
    }

    /** Outstanding probes older than {@code timeout} count as failures against their trunk's downAfter. */
    public void expire(List<Trunk> trunks, Duration timeout) {
        Instant limit = clock.instant().minus(timeout);
        for (Trunk trunk : trunks) {
            for (Gateway gateway : trunk.gateways()) {
                Entry entry = entries.get(key(gateway));
                if (entry != null && trunk.probe().enabled()) {
                    boolean expired;
                    synchronized (entry) {
                        expired = entry.pendingSince != null && entry.pendingSince.isBefore(limit);
                    }
                    if (expired) {
                        failed(gateway);
                    }
                }
            }
        }
    }

    private void failed(Gateway gateway) {
        Entry entry = entries.computeIfAbsent(key(gateway), k -> new Entry());
        synchronized (entry) {
            entry.pendingSince = null;
            entry.failures++;
            if (entry.failures >= entry.downAfter) {
                change(entry, key(gateway), GatewayState.DOWN);
            }
        }
    }

    private void change(Entry entry, String key, GatewayState state) {
        if (entry.state != state) {
            LOG.log(System.Logger.Level.INFO, "Gateway " + key.replace('|', ' ') + " is now " + state
                    + (state == GatewayState.DOWN ? " after " + entry.failures + " failed probes" : ""));
            entry.state = state;
            entry.lastChangeAt = clock.instant();
        }
    }

    public GatewayStatus status(Gateway gateway) {
        Entry entry = entries.get(key(gateway));
        if (entry == null) {
            return new GatewayStatus(gateway, GatewayState.UNKNOWN, 0, null, null);
        }
        synchronized (entry) {
            return new GatewayStatus(gateway, entry.state, entry.failures, entry.lastProbeAt, entry.lastChangeAt);
        }
    }
}
