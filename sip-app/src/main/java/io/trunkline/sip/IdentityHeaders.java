package io.trunkline.sip;

import io.trunkline.number.PresentedNumbers;
import io.trunkline.number.ReceivedIdentity;

import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import java.util.Iterator;
import java.util.ListIterator;
import java.util.Locale;

/**
 * Reads the identity claims of an incoming INVITE (From, P-Asserted-Identity, Remote-Party-ID, Privacy) and writes
 * the ones the domain decided on into the outbound INVITE. Which claims count is the domain's decision.
 */
final class IdentityHeaders {
    static final String ASSERTED = "P-Asserted-Identity";
    static final String PRIVACY = "Privacy";
    private static final String REMOTE_PARTY = "Remote-Party-ID";
    private static final String PREFERRED = "P-Preferred-Identity";
    private static final String ANONYMOUS_DISPLAY = "Anonymous";

    private final SipFactory factory;

    IdentityHeaders(SipFactory factory) {
        this.factory = factory;
    }

    /** The caller's claims as received; unparseable identity headers count as absent. */
    static ReceivedIdentity read(SipServletRequest invite) {
        String fromUser = SipAddresses.userOf(invite.getFrom().getURI());
        String asserted = assertedUser(invite);
        Address remoteParty = remotePartyCalling(invite);
        if (asserted == null && remoteParty != null) {
            asserted = SipAddresses.userOf(remoteParty.getURI());
        }
        String rpidPrivacy = remoteParty == null ? null : remoteParty.getParameter("privacy");
        boolean rpidWithheld = rpidPrivacy != null
                && ("full".equalsIgnoreCase(rpidPrivacy) || "uri".equalsIgnoreCase(rpidPrivacy));
        return new ReceivedIdentity(fromUser, asserted, asksForIdPrivacy(invite), rpidWithheld);
    }

    /**
     * Replaces whatever identity headers the B2BUA copied from the caller's INVITE with the decided ones. An
     * asserted identity received from anyone is never passed on as is (RFC 3325 §5); one is sent only to a trusted
     * trunk, with Privacy: id when the caller asked for it, so that the trust domain's edge can withhold it.
     */
    void write(SipServletRequest outbound, PresentedNumbers presented, String localHost) {
        dropReceived(outbound);
        if (presented.assertedUser() != null) {
            outbound.setHeader(ASSERTED, factory.createAddress(
                    factory.createSipURI(presented.assertedUser(), localHost)).toString());
            if (presented.privacyId()) {
                outbound.setHeader(PRIVACY, "id");
            }
        }
    }

    /**
     * Removes the identity headers a B2BUA copy carries over from the other leg. Used for mid-dialog requests too:
     * the caller-ID decision is made once, on the initial INVITE, and nothing asserted later crosses unjudged.
     */
    static void dropReceived(SipServletRequest copy) {
        copy.removeHeader(ASSERTED);
        copy.removeHeader(PREFERRED);
        copy.removeHeader(REMOTE_PARTY);
        copy.removeHeader(PRIVACY);
    }

    /** RFC 3323 §4.1.1.3: the From of a caller who withholds its identity. */
    String anonymousFrom() {
        Address address = factory.createAddress(factory.createSipURI("anonymous", "anonymous.invalid"));
        address.setDisplayName(ANONYMOUS_DISPLAY);
        return address.toString();
    }

    /** The first P-Asserted-Identity naming a user (a sip: and a tel: value may both be present, RFC 3325 §9.1). */
    private static String assertedUser(SipServletRequest invite) {
        try {
            ListIterator<Address> values = invite.getAddressHeaders(ASSERTED);
            while (values.hasNext()) {
                String user = SipAddresses.userOf(values.next().getURI());
                if (!user.isEmpty()) {
                    return user;
                }
            }
        } catch (ServletParseException e) {
            return null;
        }
        return null;
    }

    /** The Remote-Party-ID of the calling party: party=calling, or no party parameter (its default). */
    private static Address remotePartyCalling(SipServletRequest invite) {
        try {
            ListIterator<Address> values = invite.getAddressHeaders(REMOTE_PARTY);
            while (values.hasNext()) {
                Address value = values.next();
                String party = value.getParameter("party");
                if (party == null || "calling".equalsIgnoreCase(party)) {
                    return value;
                }
            }
        } catch (ServletParseException e) {
            return null;
        }
        return null;
    }

    /** Privacy: id, possibly among other values ("id;critical", RFC 3323 §4.2 and RFC 3325 §9.3). */
    private static boolean asksForIdPrivacy(SipServletRequest invite) {
        Iterator<String> values = invite.getHeaders(PRIVACY);
        while (values.hasNext()) {
            for (String token : values.next().split("[;,]")) {
                if ("id".equals(token.trim().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
