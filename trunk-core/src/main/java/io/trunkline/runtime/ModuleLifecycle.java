package io.trunkline.runtime;

import javax.annotation.Resource;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceUnit;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;
import javax.sql.DataSource;
import java.util.concurrent.Executors;

/**
 * Base of each web module's start-up listener: the module joins the one {@link TrunklineRuntime} when it starts and
 * leaves it when it stops. The container injects the fields into the concrete subclass.
 */
public abstract class ModuleLifecycle implements ServletContextListener {
    @PersistenceUnit(unitName = "trunkline")
    private EntityManagerFactory entityManagerFactory;

    @Resource(lookup = "jdbc/trunkline")
    private DataSource dataSource;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // A plain thread, not a managed one: Liberty interrupts managed threads when their module stops, and the CDR
        // writer must outlive that to drain its queue.
        TrunklineRuntime.acquire(dataSource, entityManagerFactory, Executors.defaultThreadFactory());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        TrunklineRuntime.release();
    }
}
