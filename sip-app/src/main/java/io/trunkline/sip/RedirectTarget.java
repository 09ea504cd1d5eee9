package io.trunkline.sip;

import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;

/**
 * The number a callee's redirect (300, 301, 302) sends the call on to: the user part of its most preferred Contact
 * (highest q, then first listed, RFC 3261 §21.3, §20.10). Only the number is taken. The Contact's host is not, so
 * the call stays on the trunk's own gateways: a redirect can neither send Trunkline's INVITEs to an address nobody
 * configured nor show the callee's hosts to the caller.
 */
final class RedirectTarget {
    private RedirectTarget() {
    }

    static boolean isRedirect(int status) {
        return status == 300 || status == 301 || status == 302; // not 305 (use a proxy) nor 380 (a service)
    }

    /** @return the user to call next, empty when no Contact names one */
    static Optional<String> userOf(SipServletResponse redirect) {
        List<Address> contacts = new ArrayList<>();
        try {
            for (ListIterator<Address> it = redirect.getAddressHeaders("Contact"); it.hasNext(); ) {
                contacts.add(it.next());
            }
        } catch (ServletParseException e) {
            return Optional.empty(); // a Contact that does not parse: nothing to follow
        }
        // A stable sort keeps the listed order among equal q; an absent q (-1) counts as 1.0 (§20.10).
        contacts.sort(Comparator.comparingDouble(RedirectTarget::q).reversed());
        return contacts.stream().map(contact -> SipAddresses.userOf(contact.getURI()))
                .filter(user -> !user.isBlank()).findFirst();
    }

    private static double q(Address contact) {
        float q = contact.getQ();
        return q < 0 ? 1.0 : q;
    }
}
