package io.trunkline.registration;

import io.trunkline.trunk.DigestCredentials;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.Registration;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;

import java.util.Optional;

/**
 * Where and as whom a trunk registers, with the trunk's defaults filled in: the first gateway stands in for a
 * missing registrar, the credentials' username for a missing address-of-record user.
 *
 * @param trunk          the trunk's name
 * @param host           registrar host; also the domain of the address-of-record
 * @param port           registrar port
 * @param transport      transport to the registrar
 * @param aorUser        user part of the address-of-record (To and From, RFC 3261 §10.2)
 * @param expiresSeconds binding lifetime to ask for
 * @param credentials    answer to the registrar's challenge, or {@code null}
 */
public record RegistrationTarget(String trunk, String host, int port, Transport transport, String aorUser,
                                 int expiresSeconds, DigestCredentials credentials) {

    /** The trunk's target, or empty when it does not register. */
    public static Optional<RegistrationTarget> of(Trunk trunk) {
        Registration registration = trunk.registration();
        if (!registration.enabled()) {
            return Optional.empty();
        }
        Gateway first = trunk.gateways().isEmpty() ? null : trunk.gateways().get(0);
        boolean ownHost = registration.registrarHost() != null;
        Transport transport = registration.transport() != null ? registration.transport()
                : first != null && !ownHost ? first.transport() : Transport.UDP;
        String host = ownHost ? registration.registrarHost() : first.host();
        int port = registration.registrarPort() != 0 ? registration.registrarPort()
                : !ownHost ? first.port() : transport == Transport.TLS ? Gateway.DEFAULT_SIPS_PORT : Gateway.DEFAULT_SIP_PORT;
        String user = registration.aorUser() != null ? registration.aorUser() : trunk.credentials().username();
        return Optional.of(new RegistrationTarget(trunk.name(), host, port, transport, user,
                registration.expiresSeconds(), trunk.credentials()));
    }
}
