package io.trunkline.sip;

import javax.servlet.sip.SipServletMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;

/**
 * Applies the {@link HeaderPolicy} to real messages: strips what may not cross from a B2BUA copy, carries what may
 * into a message created afresh, and negotiates the option tags (Supported/Require) each leg gets.
 */
final class RelayedHeaders {
    /** The extensions Trunkline itself implements on each leg (RFC 3262, RFC 4028); other option tags stay behind. */
    static final Set<String> HANDLED_OPTIONS = Set.of("100rel", "timer");

    private final HeaderPolicy policy;

    RelayedHeaders(HeaderPolicy policy) {
        this.policy = policy;
    }

    /** Removes from a copy made by the B2BUA helper every header that must not cross (topology hiding). */
    void strip(SipServletMessage copy) {
        for (String name : names(copy)) {
            if (!HeaderPolicy.containerOwned(name) && !policy.crosses(name)) {
                copy.removeHeader(name);
            }
        }
    }

    /** Adds to a message created afresh (a relayed response, a PRACK) the headers of the original that cross. */
    void carry(SipServletMessage from, SipServletMessage to) {
        for (String name : names(from)) {
            if (policy.crosses(name)) {
                to.removeHeader(name);
                for (ListIterator<String> values = from.getHeaders(name); values.hasNext(); ) {
                    to.addHeader(name, values.next());
                }
            }
        }
    }

    /** Whether a message lists an option tag in one of its headers (Supported or Require, RFC 3261 §20.37, §20.32). */
    static boolean lists(SipServletMessage message, String header, String option) {
        return optionTags(message, header).contains(option);
    }

    /** The option tags a message lists in a header, lower-cased, in order, from every value of it. */
    static List<String> optionTags(SipServletMessage message, String header) {
        List<String> tags = new ArrayList<>();
        for (ListIterator<String> values = message.getHeaders(header); values.hasNext(); ) {
            for (String token : values.next().split(",")) {
                String tag = token.trim().toLowerCase(Locale.ROOT);
                if (!tag.isEmpty()) {
                    tags.add(tag);
                }
            }
        }
        return tags;
    }

    /** Whether the sender of {@code message} can use an option: it supports or requires it. */
    static boolean accepts(SipServletMessage message, String option) {
        return lists(message, "Supported", option) || lists(message, "Require", option);
    }

    private static List<String> names(SipServletMessage message) {
        List<String> names = new ArrayList<>();
        message.getHeaderNames().forEachRemaining(names::add);
        return names;
    }
}
