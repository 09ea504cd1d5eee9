package io.trunkline.admin.api;

import io.trunkline.limits.OverloadStatus;

import javax.json.bind.annotation.JsonbNillable;

/**
 * Overload protection's state: OFF (target delay 0), NORMAL or SHEDDING; times ISO-8601 UTC, null when they
 * never happened. {@code probeDelayMs} is how long the last probe took from Trunkline's SIP socket to the
 * application (1000 when it was lost), at {@code lastProbeAt}.
 */
@JsonbNillable
public class OverloadJson {
    public String state;
    public int refusingPercent;
    public long targetDelayMs;
    public long probeDelayMs;
    public String lastProbeAt;
    public String sheddingSince;
    public long callsRefused;

    static OverloadJson of(OverloadStatus status) {
        OverloadJson json = new OverloadJson();
        json.state = !status.enabled() ? "OFF" : status.shedding() ? "SHEDDING" : "NORMAL";
        json.refusingPercent = status.refusingPercent();
        json.targetDelayMs = status.target().toMillis();
        json.probeDelayMs = status.lastDelay().toMillis();
        json.lastProbeAt = status.lastObservedAt() == null ? null : status.lastObservedAt().toString();
        json.sheddingSince = status.sheddingSince() == null ? null : status.sheddingSince().toString();
        json.callsRefused = status.callsRefused();
        return json;
    }
}
