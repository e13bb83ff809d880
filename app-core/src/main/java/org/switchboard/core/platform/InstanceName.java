package org.switchboard.core.platform;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/** This JVM's name as a lease owner: unique per process start, readable in the database. */
public final class InstanceName {
    public static final String VALUE = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private InstanceName() {}
}
