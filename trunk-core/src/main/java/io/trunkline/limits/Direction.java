package io.trunkline.limits;

/** Whether a call arrives on a trunk or leaves on it. */
public enum Direction {
    INBOUND, OUTBOUND
}
