package io.trunkline.runtime;

import io.trunkline.routing.HostResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves gateway host names once per configuration change. An unresolvable name keeps the literal so that the
 * gateway is still listed, and simply matches no source address.
 */
final class DnsHostResolver implements HostResolver {
    private static final System.Logger LOG = System.getLogger(DnsHostResolver.class.getName());

    @Override
    public Set<String> addressesOf(String host) {
        try {
            return Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (UnknownHostException e) {
            LOG.log(System.Logger.Level.WARNING, "Gateway host " + host + " does not resolve; "
                    + "calls from it will not be recognised");
            return Set.of(host);
        }
    }
}
