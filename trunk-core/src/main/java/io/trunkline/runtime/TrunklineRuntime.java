package io.trunkline.runtime;

import io.trunkline.adapter.jpa.DatabaseMigrations;
import io.trunkline.adapter.jpa.JpaCatchAllDirectory;
import io.trunkline.adapter.jpa.JpaCdrStore;
import io.trunkline.adapter.jpa.JpaCredentialStore;
import io.trunkline.adapter.jpa.JpaNumberDirectory;
import io.trunkline.adapter.jpa.JpaNumberRanges;
import io.trunkline.adapter.jpa.JpaRateDecks;
import io.trunkline.adapter.jpa.JpaRouteTable;
import io.trunkline.adapter.jpa.JpaTransactions;
import io.trunkline.adapter.jpa.JpaTrunkRepository;
import io.trunkline.cdr.BatchingCdrWriter;
import io.trunkline.cdr.CdrStore;
import io.trunkline.health.GatewayHealth;
import io.trunkline.limits.CallAdmission;
import io.trunkline.limits.ChannelAccounting;
import io.trunkline.limits.OverloadControl;
import io.trunkline.number.NumberDirectory;
import io.trunkline.number.NumberNormalizer;
import io.trunkline.provisioning.Provisioning;
import io.trunkline.provisioning.RoutingExtensions;
import io.trunkline.registration.TrunkRegistrations;
import io.trunkline.routing.CallRouter;
import io.trunkline.routing.GatewayOrder;
import io.trunkline.routing.LiveRoutingConfiguration;
import io.trunkline.routing.RouteTable;
import io.trunkline.security.AdminAccount;
import io.trunkline.trunk.TrunkRepository;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One Trunkline per application. Both web modules {@link #acquire} it when they start and {@link #release} it when
 * they stop; the first start migrates the schema and loads the routing configuration, the last stop drains the CDR
 * queue, so no CDR is lost whichever module the server stops first.
 */
public final class TrunklineRuntime {
    private static final System.Logger LOG = System.getLogger(TrunklineRuntime.class.getName());
    private static TrunklineRuntime instance;
    private static int users;

    private final TrunklineSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final TrunkRepository trunks;
    private final NumberDirectory numbers;
    private final RouteTable routes;
    private final CdrStore cdrStore;
    private final LiveRoutingConfiguration routing;
    private final NumberNormalizer normalizer = new NumberNormalizer();
    private final CallRouter router;
    private final BatchingCdrWriter cdrWriter;
    private final Provisioning provisioning;
    private final CallAdmission admission;
    private final GatewayHealth health;
    private final AdminAccount adminAccount;
    private final OverloadControl overload;
    private final TrunkRegistrations registrations = new TrunkRegistrations(clock, () -> UUID.randomUUID().toString());

    private TrunklineRuntime(TrunklineSettings settings, EntityManagerFactory factory, ThreadFactory threads) {
        this.settings = settings;
        JpaTransactions tx = new JpaTransactions(factory);
        this.trunks = new JpaTrunkRepository(tx);
        this.numbers = new JpaNumberDirectory(tx);
        this.routes = new JpaRouteTable(tx);
        this.cdrStore = new JpaCdrStore(tx);
        RoutingExtensions extensions = new RoutingExtensions(new JpaNumberRanges(tx), new JpaCatchAllDirectory(tx),
                new JpaRateDecks(tx));
        this.routing = new LiveRoutingConfiguration(trunks, numbers, routes, new DnsHostResolver(),
                extensions.ranges()::findAll, extensions.catchAlls()::findAll, extensions.rateDecks()::findAll);
        this.routing.reload();
        this.health = new GatewayHealth(clock);
        this.router = new CallRouter(routing, normalizer,
                new GatewayOrder(() -> ThreadLocalRandom.current().nextLong()), health);
        this.provisioning = new Provisioning(trunks, numbers, routes, routing, extensions);
        this.admission = new CallAdmission(routing, ChannelAccounting.withSystemClock());
        this.overload = new OverloadControl(settings.overloadDelay(), clock, () -> ThreadLocalRandom.current().nextDouble());
        this.adminAccount = AdminAccount.establish(settings.adminPassword(), new JpaCredentialStore(tx),
                password -> LOG.log(System.Logger.Level.WARNING, "Generated the admin password (shown only now; set "
                        + "TRUNKLINE_ADMIN_PASSWORD to choose one): " + password));
        this.cdrWriter = new BatchingCdrWriter(cdrStore, threads, settings.cdrQueueCapacity(), settings.cdrBatchSize());
    }

    /**
     * Starts Trunkline on first use (schema migration, configuration load) and counts the module as a user.
     *
     * @param threads where the CDR writer's thread comes from (the container's managed thread factory)
     */
    public static synchronized TrunklineRuntime acquire(DataSource dataSource, EntityManagerFactory factory,
                                                        ThreadFactory threads) {
        if (instance == null) {
            TrunklineSettings settings = TrunklineSettings.fromEnvironment();
            int applied = DatabaseMigrations.migrate(dataSource);
            LOG.log(System.Logger.Level.INFO, "Database schema current (" + applied + " migrations applied now)");
            instance = new TrunklineRuntime(settings, factory, threads);
        }
        users++;
        return instance;
    }

    /** The running instance, for code called after its module acquired it. */
    public static synchronized TrunklineRuntime current() {
        if (instance == null) {
            throw new IllegalStateException("Trunkline has not been started by a module yet");
        }
        return instance;
    }

    public static synchronized void release() {
        if (users > 0 && --users == 0) {
            instance.cdrWriter.close(Duration.ofSeconds(30));
            LOG.log(System.Logger.Level.INFO, "Trunkline stopped; " + instance.cdrWriter.storedCount()
                    + " CDRs stored since start");
            instance = null;
        }
    }

    public TrunklineSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public CallRouter router() {
        return router;
    }

    public NumberNormalizer normalizer() {
        return normalizer;
    }

    public BatchingCdrWriter cdrWriter() {
        return cdrWriter;
    }

    public LiveRoutingConfiguration routing() {
        return routing;
    }

    public TrunkRepository trunks() {
        return trunks;
    }

    public NumberDirectory numbers() {
        return numbers;
    }

    public RouteTable routes() {
        return routes;
    }

    public Provisioning provisioning() {
        return provisioning;
    }

    public GatewayHealth health() {
        return health;
    }

    public CallAdmission admission() {
        return admission;
    }

    public OverloadControl overload() {
        return overload;
    }

    public AdminAccount adminAccount() {
        return adminAccount;
    }

    public CdrStore cdrStore() {
        return cdrStore;
    }

    public TrunkRegistrations registrations() {
        return registrations;
    }
}
