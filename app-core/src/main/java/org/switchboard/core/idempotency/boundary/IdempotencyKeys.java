package org.switchboard.core.idempotency.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.idempotency.entity.StoredAnswer;
import org.switchboard.core.tenants.boundary.TenantScope;
import org.switchboard.core.tenants.boundary.TenantScoped;
import org.switchboard.core.tenants.entity.Caller;

/**
 * Remembers submissions by key, per tenant and user. Each call commits on its own, so a key is visible to a
 * concurrent repeat. The table is reached with native SQL (for {@code INSERT IGNORE}), which EclipseLink's tenant
 * criteria do not cover: its statements bind the tenant of the {@link TenantScope} instead.
 */
@Stateless
@TenantScoped
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyKeys {
    private static final String IN_FLIGHT = "IN_FLIGHT";
    private static final String ANSWERED = "ANSWERED";

    @PersistenceContext
    EntityManager em;

    @Inject
    TenantScope scope;

    @Inject
    @ConfigProperty(name = "switchboard.idempotency.ttl")
    Duration ttl;

    /**
     * Claims the key for a new request (empty), or returns the answer of the earlier request with it.
     * A different request under the same key is {@link IdempotencyKeyReused}; one still being answered,
     * {@link IdempotencyKeyInFlight}.
     */
    public Optional<StoredAnswer> begin(Caller caller, String key, String requestHash) {
        Instant now = Instant.now();
        em.createNativeQuery("DELETE FROM idempotency_keys WHERE tenant_id = ?1 AND owner_id = ?2 AND idem_key = ?3"
                        + " AND created_at < ?4")
                .setParameter(1, scope.tenant())
                .setParameter(2, caller.user())
                .setParameter(3, key)
                .setParameter(4, Timestamp.from(now.minus(ttl)))
                .executeUpdate();
        int claimed = em.createNativeQuery(
                        "INSERT IGNORE INTO idempotency_keys"
                                + " (tenant_id, owner_id, idem_key, request_hash, state, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, scope.tenant())
                .setParameter(2, caller.user())
                .setParameter(3, key)
                .setParameter(4, requestHash)
                .setParameter(5, IN_FLIGHT)
                .setParameter(6, Timestamp.from(now))
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] row =
                (Object[]) em.createNativeQuery("SELECT request_hash, state, run_id, response_status, response_body"
                                + " FROM idempotency_keys WHERE tenant_id = ?1 AND owner_id = ?2 AND idem_key = ?3")
                        .setParameter(1, scope.tenant())
                        .setParameter(2, caller.user())
                        .setParameter(3, key)
                        .getSingleResult();
        if (!requestHash.equals(row[0])) {
            throw new IdempotencyKeyReused(key);
        }
        if (IN_FLIGHT.equals(row[1])) {
            throw new IdempotencyKeyInFlight(key);
        }
        return Optional.of(
                new StoredAnswer(((Number) row[2]).longValue(), ((Number) row[3]).intValue(), (String) row[4]));
    }

    public void answered(Caller caller, String key, long runId, int status, String body) {
        em.createNativeQuery("UPDATE idempotency_keys SET state = ?1, run_id = ?2, response_status = ?3,"
                        + " response_body = ?4 WHERE tenant_id = ?5 AND owner_id = ?6 AND idem_key = ?7")
                .setParameter(1, ANSWERED)
                .setParameter(2, runId)
                .setParameter(3, status)
                .setParameter(4, body)
                .setParameter(5, scope.tenant())
                .setParameter(6, caller.user())
                .setParameter(7, key)
                .executeUpdate();
    }

    /** Releases a key whose request failed before it created a run, so a retry can go ahead. */
    public void abandon(Caller caller, String key) {
        em.createNativeQuery("DELETE FROM idempotency_keys WHERE tenant_id = ?1 AND owner_id = ?2 AND idem_key = ?3"
                        + " AND state = ?4")
                .setParameter(1, scope.tenant())
                .setParameter(2, caller.user())
                .setParameter(3, key)
                .setParameter(4, IN_FLIGHT)
                .executeUpdate();
    }

    /** Forgets keys older than the TTL. */
    public int purge() {
        return em.createNativeQuery("DELETE FROM idempotency_keys WHERE created_at < ?1")
                .setParameter(1, Timestamp.from(Instant.now().minus(ttl)))
                .executeUpdate();
    }
}
