package io.trunkline.sip;

import io.trunkline.transaction.InviteIdentity;
import io.trunkline.transaction.SeenInvites;

import javax.servlet.sip.SipServletRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses an initial INVITE that is a copy of one already received: the container lets go of an answered INVITE's
 * transaction after a few seconds (server.xml, TRUNKLINE_SIP_INVITE_LINGER_MS) and then hands a late
 * retransmission to the servlet as if it were a new call. Answered with 482, as RFC 3261 §8.2.2.2 answers a
 * request that is not new; no CDR, since the call it copies has its own.
 */
final class LateInviteCopies {
    private static final Logger LOG = Logger.getLogger(LateInviteCopies.class.getName());
    private final SeenInvites seen;

    LateInviteCopies(SeenInvites seen) {
        this.seen = seen;
    }

    /** True when the INVITE was a late copy and has been answered here; false for a new call. */
    boolean refused(SipServletRequest invite) throws IOException {
        if (seen.firstSight(identityOf(invite))) {
            return false;
        }
        LOG.log(Level.FINE, "Late copy of INVITE {0} refused with 482", invite.getCallId());
        invite.createResponse(482, "Loop Detected").send();
        return true;
    }

    static InviteIdentity identityOf(SipServletRequest invite) {
        return new InviteIdentity(invite.getCallId(), invite.getFrom().getParameter("tag"),
                SipAddresses.cseqNumber(invite.getHeader("CSeq")), branchOf(invite.getHeader("Via")));
    }

    /** The branch parameter of the top Via (its first value, if the header holds several). */
    static String branchOf(String via) {
        if (via == null) {
            return null;
        }
        String top = via.split(",", 2)[0];
        for (String parameter : top.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().toLowerCase(Locale.ROOT).equals("branch")) {
                return pair[1].trim();
            }
        }
        return null;
    }
}
