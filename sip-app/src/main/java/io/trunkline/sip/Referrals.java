package io.trunkline.sip;

import io.trunkline.transfer.ReferTarget;
import io.trunkline.transfer.TransferDecision;
import io.trunkline.transfer.TransferPlanner;

import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.SipURI;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * In-dialog REFER (RFC 3515) and the NOTIFYs of its subscription: checked, then relayed, performed by
 * {@link BlindTransfer} or refused, as the referrer's trunk says. A refused REFER changes nothing in the call.
 */
final class Referrals {
    private final TransferPlanner planner;
    private final BlindTransfer transfers;

    Referrals(TransferPlanner planner, BlindTransfer transfers) {
        this.planner = planner;
        this.transfers = transfers;
    }

    void refer(SipServletRequest refer) throws IOException {
        Optional<SipSession> other = LinkedLegs.otherLeg(refer);
        if (other.isEmpty()) {
            refuse(refer, 481, "Call/Transaction Does Not Exist");
        } else if (!established(refer.getSession()) || !established(other.get())) {
            refuse(refer, 403, "Call Not Answered Yet");
        } else if (transfers.inProgress(refer.getApplicationSession())) {
            refuse(refer, 491, "Transfer Already In Progress");
        } else {
            decide(refer, other.get());
        }
    }

    private void decide(SipServletRequest refer, SipSession other) throws IOException {
        ReferTarget target;
        try {
            target = referTo(refer);
        } catch (ServletParseException e) {
            refuse(refer, 400, e.getMessage());
            return;
        }
        LegParty referrer = CallLegs.party(refer.getSession());
        LegParty remaining = CallLegs.party(other);
        TransferDecision decision = planner.plan(referrer == null ? null : referrer.trunk(), target,
                remaining == null ? "" : remaining.number());
        if (decision instanceof TransferDecision.Refuse refusal) {
            refuse(refer, refusal.status(), refusal.reason());
        } else if (decision instanceof TransferDecision.Transfer transfer) {
            transfers.start(refer, other, transfer.forward());
        } else {
            relay(refer, other);
        }
    }

    /** RFC 3515 §2.4.1: exactly one Refer-To, else 400. */
    private static ReferTarget referTo(SipServletRequest refer) throws ServletParseException {
        List<String> values = new ArrayList<>();
        refer.getHeaders("Refer-To").forEachRemaining(values::add);
        if (values.size() != 1) {
            throw new ServletParseException(values.isEmpty() ? "Missing Refer-To" : "More Than One Refer-To");
        }
        Address address;
        try {
            address = refer.getAddressHeader("Refer-To");
        } catch (ServletParseException | IllegalArgumentException e) {
            throw new ServletParseException("Malformed Refer-To");
        }
        if (address == null || address.getURI() == null) {
            throw new ServletParseException("Malformed Refer-To");
        }
        boolean replaces = address.getURI() instanceof SipURI sip && sip.getHeader("Replaces") != null;
        return new ReferTarget(SipAddresses.userOf(address.getURI()), replaces);
    }

    /**
     * The REFER goes to the other party re-created in its own dialog; Referred-By (RFC 3892) is dropped because it
     * names the referrer, and Contact, Via and the dialog identifiers are the container's own.
     */
    private static void relay(SipServletRequest refer, SipSession other) throws IOException {
        SipServletRequest relayed = LinkedLegs.copyTo(other, refer);
        relayed.removeHeader("Referred-By");
        relayed.send();
    }

    /**
     * A NOTIFY of a relayed REFER's subscription goes back to the referrer. A sipfrag may hold any header of the
     * far side's messages (RFC 3420 §2), so only its status line crosses.
     */
    void relayNotify(SipServletRequest notify) throws IOException {
        Optional<SipSession> other = LinkedLegs.otherLeg(notify);
        if (other.isEmpty()) {
            refuse(notify, 481, "Subscription Does Not Exist"); // RFC 6665 §4.1.3
            return;
        }
        SipServletRequest relayed = LinkedLegs.copyTo(other.get(), notify);
        byte[] body = notify.getRawContent();
        if (body != null && body.length > 0) {
            String type = notify.getContentType();
            boolean sipfrag = type != null && type.toLowerCase(Locale.ROOT).startsWith("message/sipfrag");
            relayed.setContent(sipfrag ? statusLineOf(body) : body, type);
        }
        relayed.send();
    }

    private static byte[] statusLineOf(byte[] sipfrag) {
        String content = new String(sipfrag, StandardCharsets.UTF_8);
        int end = content.indexOf('\n');
        return ((end < 0 ? content : content.substring(0, end)).strip() + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static boolean established(SipSession leg) {
        return leg.getState() == SipSession.State.CONFIRMED;
    }

    private static void refuse(SipServletRequest request, int status, String reason) throws IOException {
        request.createResponse(status, reason).send();
    }
}
