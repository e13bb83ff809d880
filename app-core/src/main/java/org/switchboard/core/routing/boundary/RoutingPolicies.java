package org.switchboard.core.routing.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.platform.InvalidInput;
import org.switchboard.core.platform.OnCreate;
import org.switchboard.core.platform.Validation;
import org.switchboard.core.routing.control.ReloadOnCommit;
import org.switchboard.core.routing.control.ResilienceDefaults;
import org.switchboard.core.routing.control.RoutingScopes;
import org.switchboard.core.routing.control.RoutingStore;
import org.switchboard.core.routing.control.TargetHealth;
import org.switchboard.core.routing.entity.Provider;
import org.switchboard.core.routing.entity.RoutingPolicy;
import org.switchboard.core.routing.entity.Target;
import org.switchboard.core.tenants.boundary.RequiresRole;
import org.switchboard.core.tenants.boundary.TenantScoped;
import org.switchboard.core.tenants.entity.Caller;

/**
 * Model aliases and how they are served ({@code /api/v1/admin/policies}): a tenant's policy for an alias hides a
 * global one of the same alias. Targets name providers the tenant can see. Scopes and reloads as for
 * {@link Providers}.
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
                request.resilienceOrDefaults());
        store.persist(policy);
        reload.changed();
        return response(policy);
    }

    public PolicyResponse update(Caller caller, String id, PolicyRequest changes) {
        RoutingPolicy policy = scopes.writable(caller, RoutingPolicy.class, id);
        PolicyRequest next = validation.check(changes.over(policy), OnCreate.class); // after the 404/403
        List<Target> targets = knownTargets(caller, next);
        requireUnique(policy.tenantId(), next.alias(), policy.id());
        policy.update(next.alias(), next.strategyOrDefault(), targets, next.resilienceOrDefaults(), next.enabled());
        store.merge(policy);
        reload.changed();
        return response(policy);
    }

    public void delete(Caller caller, String id) {
        RoutingPolicy policy = scopes.writable(caller, RoutingPolicy.class, id);
        store.remove(RoutingPolicy.class, policy.id());
        reload.changed();
    }

    /** This instance's view of every target: breaker state, latency average, quota rest. */
    public List<TargetStatus> health(Caller caller) {
        return health.snapshot().stream()
                .map(s -> new TargetStatus(s.target(), s.label(), s.breaker(), s.restingMillis(), s.ttftMillis()))
                .toList();
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
