package io.trunkline.sip;

import io.trunkline.runtime.TrunklineRuntime;

import javax.annotation.Resource;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceUnit;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;
import javax.servlet.annotation.WebListener;
import javax.sql.DataSource;
import java.util.concurrent.Executors;

/** Starts Trunkline (or joins the running instance) before the SIP servlet loads, and releases it on stop. */
@WebListener
public class SipModuleLifecycle implements ServletContextListener {
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
