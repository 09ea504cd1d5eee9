package io.trunkline.transfer;

import io.trunkline.routing.RoutingDecision.Forward;

/** What to do with a REFER received in an established call. */
public sealed interface TransferDecision {

    /** Send the REFER on to the other party (topology hidden) and relay its 202 and NOTIFYs back. */
    record Relay() implements TransferDecision {
    }

    /** Trunkline transfers the call itself: a new leg to {@code forward}'s targets replaces the referrer. */
    record Transfer(Forward forward) implements TransferDecision {
    }

    /**
     * Answer the REFER with an error; the call goes on unchanged.
     *
     * @param status SIP status for the REFER (4xx-6xx)
     * @param reason reason phrase that says why
     */
    record Refuse(int status, String reason) implements TransferDecision {
        public Refuse {
            if (status < 400 || status > 699) {
                throw new IllegalArgumentException("a refusal needs a final error status, not " + status);
            }
        }
    }
}
