package io.trunkline.trunk;

import java.io.Serializable;

/**
 * Registration of a trunk at its carrier's registrar (RFC 3261 §10), for carriers that send calls to a registered
 * Contact instead of to a fixed address. Off by default: most trunks are IP-authenticated.
 *
 * @param enabled        whether Trunkline keeps a binding at the registrar
 * @param registrarHost  registrar host, or {@code null} for the host of the trunk's first gateway
 * @param registrarPort  registrar port, or 0 for the first gateway's port (or the transport's default port)
 * @param transport      transport to the registrar, or {@code null} for the first gateway's
 * @param aorUser        user part of the address-of-record, or {@code null} for the credentials' username
 * @param expiresSeconds binding lifetime asked for; the registrar may grant less (RFC 3261 §10.2.1.1)
 */
public record Registration(boolean enabled, String registrarHost, int registrarPort, Transport transport,
                           String aorUser, int expiresSeconds) implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int DEFAULT_EXPIRES_SECONDS = 3600;
    private static final int MIN_EXPIRES_SECONDS = 10;
    private static final int MAX_EXPIRES_SECONDS = 86_400;

    public Registration {
        registrarHost = registrarHost == null || registrarHost.isBlank() ? null : checkHost(registrarHost);
        if (registrarPort < 0 || registrarPort > 65535) {
            throw new InvalidConfigurationException("registration.registrarPort",
                    "must be between 1 and 65535 (0: the gateway's), not " + registrarPort);
        }
        aorUser = aorUser == null || aorUser.isBlank() ? null : aorUser.trim();
        if (aorUser != null && (aorUser.length() > 128 || !aorUser.matches("[A-Za-z0-9._~!$&'()*+,;=%-]+"))) {
            throw new InvalidConfigurationException("registration.aorUser",
                    "must be at most 128 characters allowed in a SIP URI user part (RFC 3261 §25.1)");
        }
        if (expiresSeconds == 0) {
            expiresSeconds = DEFAULT_EXPIRES_SECONDS;
        }
        if (expiresSeconds < MIN_EXPIRES_SECONDS || expiresSeconds > MAX_EXPIRES_SECONDS) {
            throw new InvalidConfigurationException("registration.expiresSeconds",
                    "must be between " + MIN_EXPIRES_SECONDS + " and " + MAX_EXPIRES_SECONDS + ", not " + expiresSeconds);
        }
    }

    public static Registration off() {
        return new Registration(false, null, 0, null, null, DEFAULT_EXPIRES_SECONDS);
    }

    private static String checkHost(String host) {
        try {
            return HostSyntax.check(host);
        } catch (InvalidConfigurationException e) {
            throw new InvalidConfigurationException("registration.registrarHost", e.problem());
        }
    }
}
