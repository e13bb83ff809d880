package org.switchboard.it;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deploys the EAR exactly as the build produced it: nothing is hand-listed. */
@ExtendWith(ArquillianExtension.class)
public abstract class SwitchboardDeployment {
    @Deployment(testable = false)
    public static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("switchboard.ear", "../app-ear/target/switchboard.ear"));
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
