package org.switchboard.core.routing.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import org.switchboard.core.audit.boundary.AdminChanges;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.OnCreate;
import org.switchboard.core.platform.Validation;
import org.switchboard.core.routing.control.DryRuns;
import org.switchboard.core.routing.control.ReloadOnCommit;
import org.switchboard.core.routing.control.ResilienceDefaults;
import org.switchboard.core.routing.control.RoutingScopes;
import org.switchboard.core.routing.control.RoutingStore;
import org.switchboard.core.routing.control.TargetHealth;
import org.switchboard.core.routing.entity.DryRun;
import org.switchboard.core.routing.entity.Provider;
import org.switchboard.core.routing.entity.RoutingNotFound;
import org.switchboard.core.routing.entity.RoutingPolicy;
import org.switchboard.core.routing.entity.Target;
import org.switchboard.core.tenants.boundary.RequiresRole;
import org.switchboard.core.tenants.boundary.TenantScoped;
import org.switchboard.core.tenants.entity.Caller;

/**
 * Model aliases and how they are served ({@code /api/v1/admin/policies}): a tenant's policy for an alias hides a
 * global one of the same alias. Targets name providers the tenant can see. Scopes and reloads as for
 * {@link Providers}; every change is audited with the policy before and after.
 */
@Stateless
@RequiresRole({Caller.ADMIN_ROLE, Caller.PLATFORM_ADMIN_ROLE})
@TenantScoped
public class RoutingPolicies {
    @Inject
    RoutingStore store;

    @Inject
    RoutingScopes scopes;

    @Inject
    ResilienceDefaults defaults;

    @Inject
    TargetHealth health;

    @Inject
    Validation validation;

    @Inject
    ReloadOnCommit reload;

    @Inject
    DryRuns dryRuns;

    @Inject
    AdminChanges changes;

    public List<PolicyResponse> list(Caller caller) {
        return store.policies().stream().map(this::response).toList();
    }

    public PolicyResponse get(Caller caller, String id) {
        return response(scopes.readable(caller, RoutingPolicy.class, id));
    }

    public PolicyResponse create(Caller caller, PolicyRequest request) {
        String tenant = scopes.tenantFor(caller, request.scope());
        validation.check(request, OnCreate.class);
        List<Target> targets = knownTargets(caller, request);
        requireUnique(tenant, request.alias(), null);
        RoutingPolicy policy = new RoutingPolicy(
                Ids.next(),
                tenant,
                request.alias(),
                request.strategyOrDefault(),
                targets,
                request.resilienceOrDefaults(),
                request.deadlinesOrDefaults());
        store.persist(policy);
        reload.changed();
        PolicyResponse created = response(policy);
        changes.record(caller, "policy.create", subject(policy), null, created);
        return created;
    }

    public PolicyResponse update(Caller caller, String id, PolicyRequest changes) {
        RoutingPolicy policy = scopes.writable(caller, RoutingPolicy.class, id);
        PolicyResponse before = response(policy);
        PolicyRequest next = validation.check(changes.over(policy), OnCreate.class); // after the 404/403
        List<Target> targets = knownTargets(caller, next);
        requireUnique(policy.tenantId(), next.alias(), policy.id());
        policy.update(
                next.alias(),
                next.strategyOrDefault(),
                targets,
                next.resilienceOrDefaults(),
                next.deadlinesOrDefaults(),
                next.enabled());
        store.merge(policy);
        reload.changed();
        PolicyResponse after = response(policy);
        this.changes.record(caller, "policy.update", subject(policy), before, after);
        return after;
    }

    public void delete(Caller caller, String id) {
        RoutingPolicy policy = scopes.writable(caller, RoutingPolicy.class, id);
        PolicyResponse before = response(policy);
        store.remove(RoutingPolicy.class, policy.id());
        reload.changed();
        changes.record(caller, "policy.delete", subject(policy), before, null);
    }

    /** This instance's view of every target: breaker state, latency average, quota rest. */
    public List<TargetStatus> health(Caller caller) {
        return health.snapshot().stream()
                .map(s -> new TargetStatus(s.target(), s.label(), s.breaker(), s.restingMillis(), s.ttftMillis()))
                .toList();
    }

    /**
     * Which target would serve a request for the policy's alias now, on this instance, and why; nothing is called
     * and no breaker permit is taken. Not found when the policy is disabled, or shadowed for the caller's tenant
     * by the tenant's own policy of the alias (then that one serves).
     */
    public DryRun dryRun(Caller caller, String id) {
        RoutingPolicy policy = scopes.readable(caller, RoutingPolicy.class, id);
        return dryRuns.explain(caller.tenant(), policy)
                .orElseThrow(() -> new RoutingNotFound(
                        "route-not-found",
                        policy.enabled()
                                ? "The policy for '" + policy.alias()
                                        + "' is shadowed by your tenant's own policy of that alias"
                                : "The policy for '" + policy.alias() + "' is disabled: it serves nothing"));
    }

    private static String subject(RoutingPolicy policy) {
        return "policies/" + policy.id();
    }

    /** The request's targets, each naming a provider the caller can see (its tenant's or a global one). */
    private List<Target> knownTargets(Caller caller, PolicyRequest request) {
        List<String> known = store.providers().stream().map(Provider::name).toList();
        List<Target> targets = request.typedTargets();
        for (Target target : targets) {
            if (!known.contains(target.provider())) {
                throw new InvalidInput(
                        "invalid-routing-policy",
                        "Invalid routing policy: no provider named '" + target.provider() + "'");
            }
        }
        return targets;
    }

    private void requireUnique(String tenant, String alias, Long self) {
        boolean taken = store.policies().stream()
                .anyMatch(r -> r.alias().equals(alias)
                        && Objects.equals(r.tenantId(), tenant)
                        && (self == null || r.id() != self));
        if (taken) {
            throw new PolicyAliasTaken(alias);
        }
    }

    private PolicyResponse response(RoutingPolicy r) {
        return PolicyResponse.of(r, defaults.get());
    }
}
