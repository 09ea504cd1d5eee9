package io.trunkline.adapter.jpa;

import io.trunkline.trunk.DigestCredentials;
import io.trunkline.trunk.FailoverPolicy;
import io.trunkline.trunk.HealthProbe;
import io.trunkline.trunk.TransferPolicy;
import io.trunkline.trunk.Trunk;
import io.trunkline.trunk.TrunkRole;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "trunk")
public class TrunkEntity {
    @Id
    @Column(name = "name")
    private String name;
    @Column(name = "role", nullable = false)
    private String role;
    @Column(name = "default_region", nullable = false)
    private String defaultRegion;
    @Column(name = "retry_codes", nullable = false)
    private String retryCodes;
    @Column(name = "final_codes", nullable = false)
    private String finalCodes;
    @Column(name = "setup_timeout_ms", nullable = false)
    private int setupTimeoutMillis;
    @Column(name = "ring_timeout_s", nullable = false)
    private int ringTimeoutSeconds;
    @Column(name = "auth_username")
    private String authUsername;
    // Kept readable: Trunkline is the digest client and must compute responses with it.
    @Column(name = "auth_password")
    private String authPassword;
    @Column(name = "probe_interval_seconds", nullable = false)
    private int probeIntervalSeconds;
    @Column(name = "probe_down_after", nullable = false)
    private int probeDownAfter = 3;
    @Column(name = "transfer_policy", nullable = false)
    private String transferPolicy = TransferPolicy.defaultPolicy().name();
    @Embedded
    private LimitsEmbeddable limits = new LimitsEmbeddable();
    @Embedded
    private RegistrationEmbeddable registration;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "trunk_gateway", joinColumns = @JoinColumn(name = "trunk_name"))
    @OrderColumn(name = "position")
    private List<GatewayEmbeddable> gateways = new ArrayList<>();
    @Embedded
    private NumberHandlingEmbeddable numbers;

    protected TrunkEntity() {
    }

    TrunkEntity(String name) {
        this.name = name;
    }

    void update(Trunk trunk) {
        role = trunk.role().name();
        defaultRegion = trunk.defaultRegion();
        retryCodes = StatusCodes.format(trunk.failover().retryCodes());
        finalCodes = StatusCodes.format(trunk.failover().finalCodes());
        setupTimeoutMillis = (int) trunk.failover().setupTimeout().toMillis();
        ringTimeoutSeconds = (int) trunk.failover().ringTimeout().toSeconds();
        limits = LimitsEmbeddable.of(trunk.limits());
        probeIntervalSeconds = trunk.probe().intervalSeconds();
        probeDownAfter = trunk.probe().downAfter();
        transferPolicy = trunk.transfer().name();
        registration = RegistrationEmbeddable.of(trunk.registration());
        authUsername = trunk.credentials() == null ? null : trunk.credentials().username();
        authPassword = trunk.credentials() == null ? null : trunk.credentials().password();
        gateways.clear();
        trunk.gateways().forEach(g -> gateways.add(GatewayEmbeddable.of(g)));
        numbers = NumberHandlingEmbeddable.of(trunk.numbers());
    }

    Trunk toDomain() {
        FailoverPolicy failover = new FailoverPolicy(StatusCodes.parse(retryCodes), StatusCodes.parse(finalCodes),
                Duration.ofMillis(setupTimeoutMillis), Duration.ofSeconds(ringTimeoutSeconds));
        return new Trunk(name, TrunkRole.valueOf(role), defaultRegion,
                gateways.stream().map(GatewayEmbeddable::toDomain).toList(), failover,
                limits == null ? null : limits.toDomain(),
                authUsername == null ? null : new DigestCredentials(authUsername, authPassword),
                new HealthProbe(probeIntervalSeconds, probeDownAfter), TransferPolicy.parse(transferPolicy),
                numbers == null ? null : numbers.toDomain(), registration == null ? null : registration.toDomain());
    }
}
