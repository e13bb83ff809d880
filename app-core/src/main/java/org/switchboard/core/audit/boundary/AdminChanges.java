package org.switchboard.core.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.switchboard.core.audit.entity.AdminChange;
import org.switchboard.core.tenants.entity.Caller;

/**
 * What an admin boundary calls once it made a change: the change goes into the audit log with the caller and the
 * row before and after, as the admin API shows it (so key secrets appear masked, never in clear). The console and
 * the REST API call the same boundaries, so both are covered by the one call here.
 */
@ApplicationScoped
public class AdminChanges {
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    AuditTrail trail;

    /** {@code before} or {@code after} is null for a creation or a deletion. */
    public void record(Caller caller, String action, String subject, Object before, Object after) {
        trail.change(new AdminChange(caller.tenant(), caller.user(), action, subject, json(before), json(after)));
    }

    private static String json(Object state) {
        return state == null ? null : JSON.toJson(state);
    }
}
