package io.trunkline.it;

import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * One deployment of the EAR for all in-server test classes of a run. Arquillian deploys a class's deployment before
 * the class and undeploys it after; the EAR takes 10 to 25 s to start (JPA, Flyway, SIP container), which for every
 * class would cost more than the tests themselves. Every class declares the same EAR ({@link InServerTest}), so the
 * first class's deployment stays for the others. The tests already share one server and one database and make their
 * trunks and numbers unique, so sharing the deployment changes nothing they can see.
 *
 * <p>Nothing is undeployed: the application stops with the server, which Arquillian stops when the run ends. An
 * undeploy would not end either: the test server configures the application (so that the user's class loader
 * settings apply), and a configured application whose file is removed stays STOPPED where Arquillian waits for
 * NOT_INSTALLED. The EAR left in dropins is removed by the next build before the server starts (ear/pom.xml).
 */
public final class SuiteDeployment implements LoadableExtension {
    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(KeepDeployed.class);
    }

    /** Arquillian observer: lets the first successful deployment through, holds back all later ones. */
    public static final class KeepDeployed {
        private boolean deployed;

        public void deployOnce(@Observes EventContext<DeployManagedDeployments> deploy) {
            if (!deployed) {
                deploy.proceed();
            }
        }

        public void deployedOnce(@Observes AfterDeploy done) {
            deployed = true;
        }

        public void keepDeployed(@Observes EventContext<UnDeployManagedDeployments> undeploy) {
            // Not proceeding: the next class uses the same deployment.
        }
    }
}
