package io.trunkline.sip;

import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The NOTIFYs of a REFER's implicit subscription (RFC 3515 §2.4.4): each carries the status line of the transfer's
 * INVITE as message/sipfrag (RFC 3420), nothing more, so no header of the far side reaches the referrer.
 */
final class TransferNotifier {
    static final String SIPFRAG = "message/sipfrag;version=2.0";
    private static final Logger LOG = Logger.getLogger(TransferNotifier.class.getName());

    private TransferNotifier() {
    }

    /** Progress: the subscription stays active (RFC 3515 §2.4.7 lets the notifier pick the duration). */
    static void progress(SipServletRequest refer, int status, String reason) {
        send(refer, status, reason, "active;expires=60");
    }

    /** The outcome: the subscription ends with it (RFC 6665 §4.1.3, reason noresource). */
    static void outcome(SipServletRequest refer, int status, String reason) {
        send(refer, status, reason, "terminated;reason=noresource");
    }

    private static void send(SipServletRequest refer, int status, String reason, String subscriptionState) {
        SipSession referrer = refer.getSession();
        if (!referrer.isValid() || referrer.getState() == SipSession.State.TERMINATED) {
            return; // the referrer hung up already: nobody left to tell
        }
        try {
            SipServletRequest notify = referrer.createRequest("NOTIFY");
            // RFC 3515 §2.4.6: the id is the REFER's CSeq number, so that several REFERs in a dialog stay apart.
            notify.setHeader("Event", "refer;id=" + SipAddresses.cseqNumber(refer.getHeader("CSeq")));
            notify.setHeader("Subscription-State", subscriptionState);
            notify.setContent(statusLine(status, reason).getBytes(StandardCharsets.US_ASCII), SIPFRAG);
            notify.send();
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.WARNING, "NOTIFY " + status + " for the transfer of " + refer.getCallId() + " not sent", e);
        }
    }

    static String statusLine(int status, String reason) {
        String phrase = reason == null || reason.isBlank() ? (status < 300 ? "OK" : "Transfer Failed") : reason;
        return "SIP/2.0 " + status + " " + phrase + "\r\n";
    }
}
