package io.trunkline.number;

import io.trunkline.trunk.InvalidConfigurationException;

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
        public ToUri {
            if (uri == null || !uri.matches("sips?:[^\\s<>\"]+")) {
                throw new InvalidConfigurationException("destination.uri", "must be a sip: or sips: URI");
            }
        }
    }
}
