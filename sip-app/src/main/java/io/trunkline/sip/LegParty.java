package io.trunkline.sip;

import java.io.Serializable;

/**
 * Who is on one leg of a call.
 *
 * @param trunk  the trunk the leg runs on, {@code null} for a leg sent to a bare SIP URI
 * @param number the party's number as routing normalised it
 */
record LegParty(String trunk, String number) implements Serializable {
    private static final long serialVersionUID = 1L;
}
