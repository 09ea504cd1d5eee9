package io.trunkline.sip;

import java.io.Serializable;

/** Timer payload: the outbound leg that must show progress before the trunk's setup timeout. */
record SetupTimeout(String legId) implements Serializable {
}
