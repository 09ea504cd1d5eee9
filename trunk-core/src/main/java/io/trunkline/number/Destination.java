package io.trunkline.number;

import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.HostSyntax;
import io.trunkline.trunk.InvalidConfigurationException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where calls to a DID go: a PBX-side trunk, or a fixed SIP URI. Later: applications (IVR, streams). */
public sealed interface Destination {

    /** Route to a trunk's gateways, presenting the DID as the called number. */
    record ToTrunk(String trunkName) implements Destination {
        public ToTrunk {
            if (trunkName == null || trunkName.isBlank()) {
                throw new InvalidConfigurationException("destination.trunk", "is required");
            }
        }
    }

    /** Route to a fixed SIP URI such as {@code sip:reception@10.0.0.5:5070;transport=tcp}. */
    record ToUri(String uri) implements Destination {
        private static final Pattern SIP_URI = Pattern.compile("sips?:[^\\s<>\"]+");
        /**
         * RFC 3261 §19.1.1: [user@]host[:port], then ;parameters and ?headers; an IPv6 host in brackets. The user
         * may carry parameters of its own (4155550199;phone-context=+1@host).
         */
        private static final Pattern HOST_PORT =
                Pattern.compile("sips?:(?:[^@?]*@)?(\\[[^\\]]+\\]|[^:;?@\\[\\]]+)(?::([^;?]*))?(?:[;?].*)?");

        public ToUri {
            if (uri == null || !SIP_URI.matcher(uri).matches()) {
                throw new InvalidConfigurationException("destination.uri", "must be a sip: or sips: URI");
            }
        }

        /**
         * Checked where configuration comes in (Provisioning), not in the constructor, so that a destination
         * stored before this check still loads.
         */
        public void requireHostAndPort() {
            Matcher hostPort = HOST_PORT.matcher(uri);
            if (!hostPort.matches()) {
                throw new InvalidConfigurationException("destination.uri", "must name a host, as in sip:desk@10.0.0.5");
            }
            try {
                HostSyntax.check(hostPort.group(1)); // the check a gateway's host gets
            } catch (InvalidConfigurationException e) {
                throw new InvalidConfigurationException("destination.uri", "host " + e.problem());
            }
            String port = hostPort.group(2);
            if (port != null && !validPort(port)) {
                // Accepted, it failed every call to the DID at the moment of sending.
                throw new InvalidConfigurationException("destination.uri",
                        "port must be between 1 and 65535, not '" + port + "'");
            }
        }

        private static boolean validPort(String port) {
            return port.matches("[0-9]{1,5}") && Gateway.isPort(Integer.parseInt(port));
        }
    }
}
