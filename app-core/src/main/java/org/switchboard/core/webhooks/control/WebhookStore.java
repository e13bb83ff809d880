package org.switchboard.core.webhooks.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.switchboard.core.platform.Ids;

/** Webhook secrets, deliveries and attempts in the database; each method commits on its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    private static String newSecret() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return Signatures.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** A delivery due now. */
    public record Due(long id, String tenantId, String url, String messageId, String payload, int attempts) {}

    public String secret(String tenantId) {
        em.createNativeQuery("INSERT IGNORE INTO webhook_secrets (tenant_id, secret, created_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, tenantId)
                .setParameter(2, newSecret())
                .setParameter(3, Timestamp.from(Instant.now()))
                .executeUpdate();
        return (String) em.createNativeQuery("SELECT secret FROM webhook_secrets WHERE tenant_id = ?1")
                .setParameter(1, tenantId)
                .getSingleResult();
    }

    /**
     * Replaces the tenant's signing secret with a new one and returns it; receivers verify with the new secret
     * from the next delivery on.
     */
    public String rotateSecret(String tenantId) {
        em.createNativeQuery("REPLACE INTO webhook_secrets (tenant_id, secret, created_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, tenantId)
                .setParameter(2, newSecret())
                .setParameter(3, Timestamp.from(Instant.now()))
                .executeUpdate();
        return secret(tenantId);
    }

    /** Whether the tenant has a signing secret yet (one is created on first use). */
    public boolean hasSecret(String tenantId) {
        return !em.createNativeQuery("SELECT 1 FROM webhook_secrets WHERE tenant_id = ?1")
                .setParameter(1, tenantId)
                .getResultList()
                .isEmpty();
    }

    /** Makes a delivery that is not delivered due now, failed ones included: the retry timer attempts it next. */
    public void makeDue(long deliveryId) {
        em.createNativeQuery("UPDATE webhook_deliveries SET status = 'PENDING', next_attempt_at = ?1, ended_at = NULL"
                        + " WHERE id = ?2 AND status <> 'DELIVERED'")
                .setParameter(1, Timestamp.from(Instant.now()))
                .setParameter(2, deliveryId)
                .executeUpdate();
    }

    /** Records the delivery of a run's summary, once per run; returns its id when it is new. */
    public Optional<Long> create(String tenantId, long runId, String url, String payload) {
        long id = Ids.next();
        int created = em.createNativeQuery(
                        "INSERT IGNORE INTO webhook_deliveries (id, tenant_id, run_id, url, message_id,"
                                + " payload, status, attempts, next_attempt_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', 0, ?7, ?7)")
                .setParameter(1, id)
                .setParameter(2, tenantId)
                .setParameter(3, runId)
                .setParameter(4, url)
                .setParameter(5, "msg_" + id)
                .setParameter(6, payload)
                .setParameter(7, Timestamp.from(Instant.now()))
                .executeUpdate();
        return created == 1 ? Optional.of(id) : Optional.empty();
    }

    /**
     * Claims deliveries that are due (or one given id), pushing their next attempt {@code lease} into the future
     * so no other worker takes them meanwhile.
     */
    @SuppressWarnings("unchecked")
    public List<Due> claimDue(Long onlyId, Instant lease, int limit) {
        String where = onlyId == null ? "next_attempt_at <= ?1" : "id = ?1";
        List<Object[]> rows = em.createNativeQuery("SELECT id, tenant_id, url, message_id, payload, attempts"
                        + " FROM webhook_deliveries WHERE status = 'PENDING' AND " + where
                        + " ORDER BY next_attempt_at LIMIT " + limit + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, onlyId == null ? Timestamp.from(Instant.now()) : onlyId)
                .getResultList();
        List<Due> due = rows.stream()
                .map(r -> new Due(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        ((Number) r[5]).intValue()))
                .toList();
        for (Due delivery : due) {
            em.createNativeQuery("UPDATE webhook_deliveries SET next_attempt_at = ?1 WHERE id = ?2")
                    .setParameter(1, Timestamp.from(lease))
                    .setParameter(2, delivery.id())
                    .executeUpdate();
        }
        return due;
    }

    /** Records an attempt and what follows it: delivered, another try at {@code retryAt}, or failed for good. */
    public void recordAttempt(
            Due delivery, Integer statusCode, String error, long millis, boolean delivered, Instant retryAt) {
        int attempt = delivery.attempts() + 1;
        Instant now = Instant.now();
        em.createNativeQuery(
                        "INSERT INTO webhook_attempts (delivery_id, attempt, tenant_id, attempted_at, status_code, error,"
                                + " duration_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, delivery.id())
                .setParameter(2, attempt)
                .setParameter(3, delivery.tenantId())
                .setParameter(4, Timestamp.from(now))
                .setParameter(5, statusCode)
                .setParameter(6, error == null ? null : error.substring(0, Math.min(error.length(), 512)))
                .setParameter(7, millis)
                .executeUpdate();
        String status = delivered ? "DELIVERED" : retryAt == null ? "FAILED" : "PENDING";
        em.createNativeQuery(
                        "UPDATE webhook_deliveries SET attempts = ?1, status = ?2, next_attempt_at = ?3, ended_at = ?4"
                                + " WHERE id = ?5")
                .setParameter(1, attempt)
                .setParameter(2, status)
                .setParameter(3, retryAt == null ? null : Timestamp.from(retryAt))
                .setParameter(4, "PENDING".equals(status) ? null : Timestamp.from(now))
                .setParameter(5, delivery.id())
                .executeUpdate();
    }
}
