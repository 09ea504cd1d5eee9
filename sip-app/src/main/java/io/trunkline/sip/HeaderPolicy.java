package io.trunkline.sip;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers of a message cross from one leg to the other (topology hiding). A B2BUA re-creates each message,
 * and the container writes the headers that make a dialog (Via, Contact, Call-ID, tags, CSeq, Record-Route, Route);
 * of the rest only what the far side needs to understand the message passes, plus the operator's allow-list.
 * Everything else (Server, User-Agent, Warning, Organization, Reply-To, Alert-Info, Call-Info, History-Info, ...)
 * may name internal hosts or products and is dropped.
 *
 * <p>Allow-list entries are header names, case-insensitive (RFC 3261 §7.3.1), or a prefix ending in {@code *}
 * ({@code X-*}, {@code X-Campaign-*}).
 */
final class HeaderPolicy {
    /** Written by the container for each leg; never copied nor removed by the application (JSR 289 §5.4.2). */
    private static final Set<String> CONTAINER_OWNED = Set.of("via", "route", "record-route", "path", "call-id",
            "from", "to", "cseq", "max-forwards", "contact", "content-length", "content-type", "rseq", "rack");

    /**
     * End-to-end meaning the other leg needs. Supported/Require are not here: Trunkline negotiates 100rel and
     * timer on each leg itself. Privacy and the identity headers are the caller-ID policy's to rewrite.
     */
    private static final Set<String> END_TO_END = Set.of("content-disposition", "content-encoding",
            "content-language", "accept", "accept-encoding", "accept-language", "allow", "event", "info-package",
            "recv-info", "subject", "priority", "reason", "session-expires", "min-se", "retry-after",
            "privacy", "p-asserted-identity", "p-preferred-identity", "remote-party-id");

    private final List<String> allowed;

    HeaderPolicy(List<String> allowList) {
        this.allowed = allowList.stream().map(String::trim).filter(entry -> !entry.isEmpty())
                .map(entry -> entry.toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether the application must leave this header to the container on both legs. */
    static boolean containerOwned(String name) {
        return CONTAINER_OWNED.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether a header the container does not own crosses to the other leg. */
    boolean crosses(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (CONTAINER_OWNED.contains(lower)) {
            return false;
        }
        return END_TO_END.contains(lower) || allowed.stream().anyMatch(entry -> matches(entry, lower));
    }

    private static boolean matches(String entry, String name) {
        return entry.endsWith("*") ? name.startsWith(entry.substring(0, entry.length() - 1)) : entry.equals(name);
    }
}
