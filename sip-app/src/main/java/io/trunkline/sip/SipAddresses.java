package io.trunkline.sip;

import io.trunkline.number.PresentedNumbers;
import io.trunkline.routing.RoutingDecision.Forward;
import io.trunkline.routing.RoutingDecision.GatewayTarget;
import io.trunkline.routing.RoutingDecision.Target;
import io.trunkline.routing.RoutingDecision.UriTarget;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Transport;

import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.TelURL;
import javax.servlet.sip.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Builds the outbound leg's addresses from a routing decision, and reads numbers out of incoming URIs and CSeq
 * headers.
 */
final class SipAddresses {
    private final SipFactory factory;
    private final IdentityHeaders identity;

    SipAddresses(SipFactory factory) {
        this.factory = factory;
        this.identity = new IdentityHeaders(factory);
    }

    /** Reads and writes the caller-identity headers. */
    IdentityHeaders identity() {
        return identity;
    }

    /**
     * {@code host:port} with an IPv6 host in brackets (RFC 3261 §25.1) and a transport parameter unless UDP: the
     * host part of a URI that is parsed rather than built, since Liberty's createSipURI(null, host) returns null
     * instead of a URI without user.
     */
    static String hostPortTransport(String host, int port, Transport transport) {
        String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String parameter = transport == Transport.UDP ? "" : ";transport=" + transport.name().toLowerCase(Locale.ROOT);
        return bracketed + ":" + port + parameter;
    }

    /** A user part as RFC 3261 §25.1 writes it: unreserved and user-unreserved characters as they are, others escaped. */
    static String escapedUser(String user) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : user.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.!~*'()&=+$,;?/".indexOf(c) >= 0)) {
                escaped.append(c);
            } else {
                escaped.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return escaped.toString();
    }

    /** The sequence number of a CSeq header ("314159 INVITE" gives "314159"), as the request carried it. */
    static String cseqNumber(String cseq) {
        String trimmed = cseq.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    /** The user part of a sip:/sips: URI or the number of a tel: URL; empty for other schemes. */
    static String userOf(URI uri) {
        if (uri instanceof SipURI sip) {
            return sip.getUser() == null ? "" : unescaped(sip.getUser());
        }
        if (uri instanceof TelURL tel) {
            return tel.isGlobal() ? "+" + tel.getPhoneNumber() : tel.getPhoneNumber();
        }
        return "";
    }

    /**
     * RFC 3261 §19.1.2: '#' and other reserved characters travel escaped ("1234%23..."), and escaped and unescaped
     * users are the same user (§19.1.4). Containers differ in whether getUser() has already decoded; decoding what
     * no longer holds a valid escape changes nothing. Not URLDecoder: '+' is a digit sign here, not a space.
     */
    static String unescaped(String user) {
        if (user.indexOf('%') < 0) {
            return user;
        }
        StringBuilder decoded = new StringBuilder(user.length());
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            int high = i + 2 < user.length() ? Character.digit(user.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(user.charAt(i + 2), 16) : -1;
            if (c == '%' && low >= 0) {
                decoded.append((char) (high * 16 + low));
                i += 2;
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }

    URI requestUri(Forward forward, Target target) throws ServletParseException {
        if (target instanceof UriTarget uri) {
            return factory.createURI(uri.uri());
        }
        Gateway gateway = ((GatewayTarget) target).gateway();
        SipURI uri = factory.createSipURI(forward.presented().calledUser(), gateway.host());
        uri.setPort(gateway.port());
        if (gateway.transport() != Transport.UDP) {
            uri.setTransportParam(gateway.transport().name().toLowerCase(Locale.ROOT));
        }
        return uri;
    }

    /** To of the outbound leg: the called number at the target, no tag (RFC 3261 §8.1.1.2). */
    String to(URI requestUri) {
        if (requestUri instanceof SipURI sip) {
            SipURI to = factory.createSipURI(sip.getUser(), sip.getHost());
            return factory.createAddress(to).toString();
        }
        return factory.createAddress(requestUri).toString();
    }

    /**
     * From of the outbound leg: the calling number at Trunkline's own address, never the caller's host, so the
     * far side learns nothing of the near side's topology; the anonymous From when the caller withholds its identity.
     */
    String from(Forward forward, String displayName, String localHost) {
        PresentedNumbers presented = forward.presented();
        if (presented.anonymous()) {
            return identity.anonymousFrom();
        }
        SipURI uri = factory.createSipURI(presented.callingUser().isEmpty() ? "anonymous" : presented.callingUser(),
                localHost);
        Address address = factory.createAddress(uri);
        if (displayName != null && !displayName.isBlank()) {
            address.setDisplayName(displayName);
        }
        return address.toString();
    }
}
