package org.switchboard.admin.policies;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.routing.boundary.PolicyRequest;
import org.switchboard.core.routing.boundary.PolicyResponse;
import org.switchboard.core.routing.boundary.RoutingName;
import org.switchboard.core.routing.entity.DeadlineSettings;
import org.switchboard.core.routing.entity.ResilienceSettings;

/**
 * What the policy form edits. The alias is checked by the admin API's own name rule in the form; the resilience
 * and deadline numbers are checked by {@code RoutingPolicies} when saved (its refusal lands on the same fields). A
 * blank resilience field keeps the instance default; so does a blank deadline (the policy shows the deadlines it
 * chose, so saving it unchanged keeps following the instance's).
 */
public class PolicyDraft {
    @NotNull
    @RoutingName
    private String alias = "";

    @NotBlank
    private String strategy = "priority";

    private boolean enabled = true;
    private boolean global;
    private Integer maxAttempts;
    private Long backoffMillis;
    private Double multiplier;
    private Double jitter;
    private Integer breakerFailures;
    private Long breakerCoolDownMillis;
    private Long quotaCoolDownMillis;
    private Long firstTokenMillis;
    private Long gapMillis;
    private Long totalMillis;
    final List<TargetDraft> targets = new ArrayList<>();

    static PolicyDraft of(PolicyResponse policy) {
        PolicyDraft draft = new PolicyDraft();
        draft.alias = policy.alias();
        draft.strategy = policy.strategy();
        draft.enabled = policy.enabled();
        draft.global = "global".equals(policy.scope());
        ResilienceSettings r = policy.resilience();
        draft.maxAttempts = r.maxAttempts();
        draft.backoffMillis = r.backoffMillis();
        draft.multiplier = r.multiplier();
        draft.jitter = r.jitter();
        draft.breakerFailures = r.breakerFailures();
        draft.breakerCoolDownMillis = r.breakerCoolDownMillis();
        draft.quotaCoolDownMillis = r.quotaCoolDownMillis();
        DeadlineSettings d = policy.deadlines() == null ? DeadlineSettings.DEFAULTS : policy.deadlines();
        draft.firstTokenMillis = d.firstTokenMillis();
        draft.gapMillis = d.gapMillis();
        draft.totalMillis = d.totalMillis();
        policy.targets().forEach(t -> draft.targets.add(TargetDraft.of(t)));
        return draft;
    }

    PolicyRequest request() {
        return new PolicyRequest(
                alias,
                strategy,
                targets.stream().map(TargetDraft::target).toList(),
                new ResilienceSettings(
                        maxAttempts,
                        backoffMillis,
                        multiplier,
                        jitter,
                        breakerFailures,
                        breakerCoolDownMillis,
                        quotaCoolDownMillis),
                new DeadlineSettings(firstTokenMillis, gapMillis, totalMillis),
                enabled,
                global ? "global" : "tenant");
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public String getStrategy() {
        return strategy;
    }

    public void setStrategy(String strategy) {
        this.strategy = strategy;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isGlobal() {
        return global;
    }

    public void setGlobal(boolean global) {
        this.global = global;
    }

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Long getBackoffMillis() {
        return backoffMillis;
    }

    public void setBackoffMillis(Long backoffMillis) {
        this.backoffMillis = backoffMillis;
    }

    public Double getMultiplier() {
        return multiplier;
    }

    public void setMultiplier(Double multiplier) {
        this.multiplier = multiplier;
    }

    public Double getJitter() {
        return jitter;
    }

    public void setJitter(Double jitter) {
        this.jitter = jitter;
    }

    public Integer getBreakerFailures() {
        return breakerFailures;
    }

    public void setBreakerFailures(Integer breakerFailures) {
        this.breakerFailures = breakerFailures;
    }

    public Long getBreakerCoolDownMillis() {
        return breakerCoolDownMillis;
    }

    public void setBreakerCoolDownMillis(Long breakerCoolDownMillis) {
        this.breakerCoolDownMillis = breakerCoolDownMillis;
    }

    public Long getQuotaCoolDownMillis() {
        return quotaCoolDownMillis;
    }

    public void setQuotaCoolDownMillis(Long quotaCoolDownMillis) {
        this.quotaCoolDownMillis = quotaCoolDownMillis;
    }

    public Long getFirstTokenMillis() {
        return firstTokenMillis;
    }

    public void setFirstTokenMillis(Long firstTokenMillis) {
        this.firstTokenMillis = firstTokenMillis;
    }

    public Long getGapMillis() {
        return gapMillis;
    }

    public void setGapMillis(Long gapMillis) {
        this.gapMillis = gapMillis;
    }

    public Long getTotalMillis() {
        return totalMillis;
    }

    public void setTotalMillis(Long totalMillis) {
        this.totalMillis = totalMillis;
    }
}
