package io.trunkline.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;

/**
 * What makes a class an in-server test: Arquillian starts the Liberty test server, deploys the EAR this module
 * packaged, and the tests drive it from outside as a user would (sipp peers, the REST API). {@link SuiteDeployment}
 * keeps that one deployment for the whole run instead of redeploying it for every class.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class InServerTest {
    private static final File EAR = new File(System.getProperty("trunkline.ear", "target/trunkline.ear"));

    /** The packaged EAR as it is (not testable: nothing of the tests goes into it). */
    @Deployment(testable = false)
    static EnterpriseArchive trunkline() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, EAR);
    }
}
