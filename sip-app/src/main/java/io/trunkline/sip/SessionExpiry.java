package io.trunkline.sip;

import java.io.Serializable;

/** Timer payload: the call's session interval ran out without a refresh (RFC 4028 §10). */
record SessionExpiry() implements Serializable {
}
