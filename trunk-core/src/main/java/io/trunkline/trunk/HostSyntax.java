package io.trunkline.trunk;

import java.util.regex.Pattern;

/**
 * Checks that a gateway host is only a host: a host name, an IPv4 address or an IPv6 address (bare, or bracketed as
 * RFC 3261 §25.1 writes it in a SIP URI). A port, a scheme or a space means the administrator pasted a URI or
 * "host:port" into the field; the port belongs in its own field and the Request-URI is built from the parts.
 *
 * <p>Written by hand rather than with {@code InetAddress}: that falls back to a DNS lookup for anything it cannot
 * read as a literal, and validation must not depend on, or wait for, DNS.
 */
public final class HostSyntax {
    private static final int MAX_HOST_NAME_LENGTH = 253; // RFC 1035 §2.3.4, without the trailing dot
    // RFC 3261 §25.1: domainlabels of letters, digits and inner hyphens; the top label starts with a letter, which
    // is what tells "999.1.1.1" (a bad address) from a host name.
    private static final Pattern HOST_NAME = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.?");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern WITH_PORT = Pattern.compile(".*:[0-9]+");
    private static final Pattern WITH_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

    private HostSyntax() {
    }

    /** @return the host without surrounding blanks */
    public static String check(String host) {
        if (host == null || host.isBlank()) {
            throw new InvalidConfigurationException("host", "is required");
        }
        String trimmed = host.trim();
        if (isHostName(trimmed) || isIpv4(trimmed) || isIpv6(trimmed) || isBracketedIpv6(trimmed)) {
            return trimmed;
        }
        throw new InvalidConfigurationException("host", problemWith(trimmed));
    }

    private static String problemWith(String host) {
        if (host.chars().anyMatch(Character::isWhitespace)) {
            return "must not contain spaces: '" + host + "'";
        }
        if (WITH_PORT.matcher(host).matches()) {
            return "must not include a port ('" + host + "'); give the port in the port field";
        }
        if (WITH_SCHEME.matcher(host).matches()) {
            return "must be a bare host, without a scheme such as 'sip:' ('" + host + "')";
        }
        return "is not a host name or IP address: '" + host + "'";
    }

    static boolean isHostName(String host) {
        return host.length() <= MAX_HOST_NAME_LENGTH && HOST_NAME.matcher(host).matches();
    }

    static boolean isIpv4(String host) {
        if (!IPV4.matcher(host).matches()) {
            return false;
        }
        for (String octet : host.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBracketedIpv6(String host) {
        return host.length() > 2 && host.startsWith("[") && host.endsWith("]")
                && isIpv6(host.substring(1, host.length() - 1));
    }

    /** RFC 4291 §2.2 text forms: eight groups, one "::" standing for missing groups, an IPv4 tail counting as two. */
    static boolean isIpv6(String host) {
        int lastColon = host.lastIndexOf(':');
        if (lastColon < 0) {
            return false;
        }
        String groups = host;
        String tail = host.substring(lastColon + 1);
        if (tail.contains(".")) {
            if (!isIpv4(tail)) {
                return false;
            }
            groups = host.substring(0, lastColon + 1) + "0:0";
        }
        String[] halves = groups.split("::", -1);
        if (halves.length > 2) {
            return false;
        }
        int count = 0;
        for (String half : halves) {
            int inHalf = countGroups(half);
            if (inHalf < 0) {
                return false;
            }
            count += inHalf;
        }
        return halves.length == 2 ? count < 8 : count == 8;
    }

    /** @return the number of hex groups in a colon-separated run, or -1 if it is not one */
    private static int countGroups(String run) {
        if (run.isEmpty()) {
            return 0;
        }
        String[] groups = run.split(":", -1);
        for (String group : groups) {
            if (!IPV6_GROUP.matcher(group).matches()) {
                return -1;
            }
        }
        return groups.length;
    }
}
