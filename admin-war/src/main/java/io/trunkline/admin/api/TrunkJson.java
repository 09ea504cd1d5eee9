package io.trunkline.admin.api;

import io.trunkline.trunk.DigestCredentials;
import io.trunkline.trunk.FailoverPolicy;
import io.trunkline.trunk.Gateway;
import io.trunkline.trunk.HealthProbe;
import io.trunkline.trunk.InvalidConfigurationException;
import io.trunkline.trunk.TransferPolicy;
import io.trunkline.trunk.Registration;
import io.trunkline.trunk.Transport;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkLimits;
import io.trunkline.trunk.TrunkRole;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** JSON form of a trunk. Public fields: JSON-B 1.0 binds neither records nor constructor parameters. */
public class TrunkJson {
    public String name;
    public String role;
    public String defaultRegion;
    public List<GatewayJson> gateways = new ArrayList<>();
    public FailoverJson failover;
    public LimitsJson limits;
    public CredentialsJson credentials;
    public ProbeJson probe;
    /** REFER handling: RELAY, TRANSFER or REJECT (default). */
    public String transfer;
    public NumbersJson numbers;

    /**
     * Number handling: dialPlan rules for received numbers, the format of sent numbers, identity trust and
     * verified caller-ID; absent fields take the defaults (no rules, E164, UNTRUSTED, not verified).
     */
    public static class NumbersJson {
        public List<DialPlanRuleJson> dialPlan;
        public String format;
        public String techPrefix;
        public String trust;
        public boolean verifiedCallerId;
        public String defaultCallerId;
        public List<String> ownCallerIds;
    }

    public static class DialPlanRuleJson {
        public String type;
        public String prefix;
    }

    public RegistrationJson registration;

    /** REGISTER at the carrier: absent fields take the first gateway, the credentials' username and 3600 s. */
    public static class RegistrationJson {
        public boolean enabled;
        public String registrarHost;
        public Integer registrarPort;
        public String transport;
        public String aorUser;
        public Integer expiresSeconds;
    }

    /** OPTIONS probing: intervalSeconds 0 (default) is off; downAfter failed probes mark a gateway down. */
    public static class ProbeJson {
        public int intervalSeconds;
        public Integer downAfter;
    }

    /** Digest credentials for the trunk's challenges. The password is write-only: answers carry passwordSet. */
    public static class CredentialsJson {
        public String username;
        public String password;
        public Boolean passwordSet;
    }

    /** Channel and calls-per-second limits; absent or 0 means no limit. */
    public static class LimitsJson {
        public int maxChannels;
        public int maxInboundChannels;
        public int maxOutboundChannels;
        public int maxCallsPerSecond;
        public int maxInboundCallsPerSecond;
        public int maxOutboundCallsPerSecond;
    }

    public static class GatewayJson {
        public String host;
        public Integer port;
        public String transport;
        public Integer priority;
        public Integer weight;
    }

    /** When calls move on to the next gateway; absent fields take the defaults. */
    public static class FailoverJson {
        public Set<Integer> retryCodes;
        public Set<Integer> finalCodes;
        public Long setupTimeoutMillis;
        public Long ringTimeoutSeconds;
    }

    static TrunkJson of(Trunk trunk) {
        TrunkJson json = new TrunkJson();
        json.name = trunk.name();
        json.role = trunk.role().name();
        json.defaultRegion = trunk.defaultRegion();
        for (Gateway g : trunk.gateways()) {
            GatewayJson gateway = new GatewayJson();
            gateway.host = g.host();
            gateway.port = g.port();
            gateway.transport = g.transport().name();
            gateway.priority = g.priority();
            gateway.weight = g.weight();
            json.gateways.add(gateway);
        }
        json.failover = new FailoverJson();
        json.failover.retryCodes = new TreeSet<>(trunk.failover().retryCodes());
        json.failover.finalCodes = new TreeSet<>(trunk.failover().finalCodes());
        json.failover.setupTimeoutMillis = trunk.failover().setupTimeout().toMillis();
        json.failover.ringTimeoutSeconds = trunk.failover().ringTimeout().toSeconds();
        TrunkLimits l = trunk.limits();
        json.limits = new LimitsJson();
        json.limits.maxChannels = l.maxChannels();
        json.limits.maxInboundChannels = l.maxInboundChannels();
        json.limits.maxOutboundChannels = l.maxOutboundChannels();
        json.limits.maxCallsPerSecond = l.maxCallsPerSecond();
        json.limits.maxInboundCallsPerSecond = l.maxInboundCallsPerSecond();
        json.limits.maxOutboundCallsPerSecond = l.maxOutboundCallsPerSecond();
        json.probe = new ProbeJson();
        json.probe.intervalSeconds = trunk.probe().intervalSeconds();
        json.probe.downAfter = trunk.probe().downAfter();
        json.transfer = trunk.transfer().name();
        json.numbers = NumbersMapping.of(trunk.numbers());
        json.registration = registrationJson(trunk.registration());
        if (trunk.credentials() != null) {
            json.credentials = new CredentialsJson();
            json.credentials.username = trunk.credentials().username();
            json.credentials.passwordSet = true;
        }
        return json;
    }

    Trunk toDomain(String pathName) {
        if (name != null && pathName != null && !name.equals(pathName)) {
            throw new InvalidConfigurationException("name", "differs from the name in the URL");
        }
        return new Trunk(pathName != null ? pathName : name, role(role), defaultRegion, gateways(), failover(),
                limits(), credentials(), probe(), TransferPolicy.parse(transfer), NumbersMapping.toDomain(numbers),
                registration());
    }

    private static RegistrationJson registrationJson(Registration r) {
        RegistrationJson json = new RegistrationJson();
        json.enabled = r.enabled();
        json.registrarHost = r.registrarHost();
        json.registrarPort = r.registrarPort();
        json.transport = r.transport() == null ? null : r.transport().name();
        json.aorUser = r.aorUser();
        json.expiresSeconds = r.expiresSeconds();
        return json;
    }

    private Registration registration() {
        if (registration == null) {
            return Registration.off();
        }
        Transport transport;
        try {
            transport = registration.transport == null ? null : Transport.parse(registration.transport);
        } catch (InvalidConfigurationException e) {
            throw new InvalidConfigurationException("registration.transport", e.problem());
        }
        return new Registration(registration.enabled, registration.registrarHost,
                registration.registrarPort == null ? 0 : registration.registrarPort, transport, registration.aorUser,
                registration.expiresSeconds == null ? 0 : registration.expiresSeconds);
    }

    private HealthProbe probe() {
        if (probe == null) {
            return HealthProbe.off();
        }
        return new HealthProbe(probe.intervalSeconds, probe.downAfter == null ? HealthProbe.off().downAfter()
                : probe.downAfter);
    }

    /**
     * The password is write-only, so a client that PUTs back what it got from GET sends none. While the username
     * stays the same that keeps the stored password; a new username needs its password.
     */
    void keepStoredPassword(Optional<Trunk> stored) {
        if (credentials == null || credentials.password != null || stored.isEmpty()) {
            return;
        }
        DigestCredentials old = stored.get().credentials();
        if (old != null && old.username().equals(credentials.username)) {
            credentials.password = old.password();
        }
    }

    private DigestCredentials credentials() {
        return credentials == null ? null : new DigestCredentials(credentials.username, credentials.password);
    }

    private TrunkLimits limits() {
        return limits == null ? TrunkLimits.none() : new TrunkLimits(limits.maxChannels, limits.maxInboundChannels,
                limits.maxOutboundChannels, limits.maxCallsPerSecond, limits.maxInboundCallsPerSecond,
                limits.maxOutboundCallsPerSecond);
    }

    private FailoverPolicy failover() {
        if (failover == null) {
            return FailoverPolicy.defaults();
        }
        return new FailoverPolicy(failover.retryCodes, failover.finalCodes,
                failover.setupTimeoutMillis == null ? null : Duration.ofMillis(failover.setupTimeoutMillis),
                failover.ringTimeoutSeconds == null ? null : Duration.ofSeconds(failover.ringTimeoutSeconds));
    }

    private List<Gateway> gateways() {
        List<Gateway> result = new ArrayList<>();
        if (gateways != null) {
            for (GatewayJson g : gateways) {
                if (g == null) {
                    throw new InvalidConfigurationException("gateways", "must not contain null");
                }
                result.add(new Gateway(g.host, g.port == null ? 0 : g.port, Transport.parse(g.transport),
                        g.priority == null ? Gateway.DEFAULT_PRIORITY : g.priority,
                        g.weight == null ? Gateway.DEFAULT_WEIGHT : g.weight));
            }
        }
        return result;
    }

    private static TrunkRole role(String value) {
        if (value == null) {
            throw new InvalidConfigurationException("role", "is required (CARRIER or PBX)");
        }
        try {
            return TrunkRole.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("role", "must be CARRIER or PBX, not '" + value + "'");
        }
    }
}
