package io.trunkline.trunk;

import io.trunkline.number.NumberHandling;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A SIP trunk: a named peer with one or more gateways.
 *
 * @param name          unique, URL-safe identifier chosen by the administrator
 * @param role          carrier or PBX side
 * @param defaultRegion ISO 3166-1 alpha-2 region used to read national-format numbers received on this trunk
 * @param gateways      addresses of the peer; the order a call tries them in comes from their priority and weight
 * @param failover      when a call moves on from one gateway to the next
 * @param limits        channel and calls-per-second limits
 * @param credentials   answer to the trunk's digest challenges, or {@code null} for an IP-authenticated trunk
 * @param probe         OPTIONS health probing of the gateways
 * @param transfer      what a REFER received from this trunk does
 * @param numbers       dial plan, presentation format, identity trust and caller-ID rules
 * @param registration  REGISTER of the trunk at its carrier's registrar
 */
public record Trunk(String name, TrunkRole role, String defaultRegion, List<Gateway> gateways,
                    FailoverPolicy failover, TrunkLimits limits, DigestCredentials credentials, HealthProbe probe,
                    TransferPolicy transfer, NumberHandling numbers, Registration registration) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");

    public Trunk {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidConfigurationException("name",
                    "must be 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        if (role == null) {
            throw new InvalidConfigurationException("role", "is required (CARRIER or PBX)");
        }
        defaultRegion = defaultRegion == null || defaultRegion.isBlank()
                ? "US" : defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (!REGION.matcher(defaultRegion).matches()) {
            throw new InvalidConfigurationException("defaultRegion", "must be an ISO 3166-1 alpha-2 code such as US or GB");
        }
        if (gateways != null && gateways.stream().anyMatch(Objects::isNull)) {
            // List.copyOf would throw a bare NullPointerException, which the REST API cannot explain (JSON [null]).
            throw new InvalidConfigurationException("gateways", "must not contain an empty entry");
        }
        gateways = gateways == null ? List.of() : List.copyOf(gateways);
        failover = failover == null ? FailoverPolicy.defaults() : failover;
        limits = limits == null ? TrunkLimits.none() : limits;
        probe = probe == null ? HealthProbe.off() : probe;
        transfer = transfer == null ? TransferPolicy.defaultPolicy() : transfer;
        numbers = numbers == null ? NumberHandling.defaults() : numbers;
        registration = registration == null ? Registration.off() : registration;
        if (registration.enabled() && registration.registrarHost() == null && gateways.isEmpty()) {
            throw new InvalidConfigurationException("registration.registrarHost",
                    "is required when the trunk has no gateway to register at");
        }
        if (registration.enabled() && registration.aorUser() == null && credentials == null) {
            throw new InvalidConfigurationException("registration.aorUser",
                    "is required when the trunk has no credentials whose username could serve");
        }
    }

    /** A trunk with the default failover policy, no limits, no credentials, no probing, the default transfer
     * policy and number handling, not registering; the withers below set the rest. */
    public Trunk(String name, TrunkRole role, String defaultRegion, List<Gateway> gateways) {
        this(name, role, defaultRegion, gateways, FailoverPolicy.defaults(), TrunkLimits.none(), null,
                HealthProbe.off(), null, null, null);
    }

    /** A record with many optional parts: a short constructor plus withers, not a constructor per combination. */
    public Trunk withFailover(FailoverPolicy failover) {
        return new Trunk(name, role, defaultRegion, gateways, failover, limits, credentials, probe, transfer, numbers,
                registration);
    }

    public Trunk withLimits(TrunkLimits limits) {
        return new Trunk(name, role, defaultRegion, gateways, failover, limits, credentials, probe, transfer, numbers,
                registration);
    }

    public Trunk withCredentials(DigestCredentials credentials) {
        return new Trunk(name, role, defaultRegion, gateways, failover, limits, credentials, probe, transfer, numbers,
                registration);
    }

    public Trunk withProbe(HealthProbe probe) {
        return new Trunk(name, role, defaultRegion, gateways, failover, limits, credentials, probe, transfer, numbers,
                registration);
    }

    public Trunk withTransfer(TransferPolicy transfer) {
        return new Trunk(name, role, defaultRegion, gateways, failover, limits, credentials, probe, transfer, numbers,
                registration);
    }

    public Trunk withNumbers(NumberHandling numbers) {
        return new Trunk(name, role, defaultRegion, gateways, failover, limits, credentials, probe, transfer, numbers,
                registration);
    }

    public Trunk withRegistration(Registration registration) {
        return new Trunk(name, role, defaultRegion, gateways, failover, limits, credentials, probe, transfer, numbers,
                registration);
    }
}
