package org.switchboard.core.metrics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.switchboard.core.metrics.control.MinuteSamples;
import org.switchboard.core.metrics.entity.MetricsDashboard;
import org.switchboard.core.tenants.boundary.RequiresRole;
import org.switchboard.core.tenants.entity.Caller;

/**
 * The dashboard's door: the last hour of this instance's metrics, minute by minute. A platform admin sees every
 * tenant's token and cost series; a tenant admin only their own tenant's.
 */
@ApplicationScoped
@RequiresRole({Caller.ADMIN_ROLE, Caller.PLATFORM_ADMIN_ROLE})
public class MetricsHistory {
    @Inject
    MinuteSamples samples;

    public MetricsDashboard lastHour(Caller caller) {
        MetricsDashboard hour = samples.lastHour();
        return caller.isPlatformAdmin() ? hour : hour.onlyTenant(caller.tenant());
    }
}
