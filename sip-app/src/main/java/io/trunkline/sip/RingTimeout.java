package io.trunkline.sip;

import java.io.Serializable;

/** Timer payload: the outbound leg that rings and must be answered before the trunk's ring timeout. */
record RingTimeout(String legId) implements Serializable {
}
