package org.switchboard.core.routing.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.switchboard.core.routing.entity.Provider;
import org.switchboard.core.routing.entity.ProviderKey;
import org.switchboard.core.routing.entity.RoutingPolicy;
import org.switchboard.core.tenants.boundary.TenantScope;

/**
 * Durable routing configuration. Every change bumps {@code routing_version} in the same transaction, which
 * is what every instance polls ({@link RoutingVersion}). The admin's reads and writes see the caller's tenant's rows
 * and the global ones ({@link TenantScope}); loading the whole table, seeding and flagging a key are platform work.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class RoutingStore {
    @Inject
    TenantScope scope;

    /** Everything, of every tenant, read in one transaction so the snapshot is consistent. */
    public Loaded loadAll() {
        EntityManager em = scope.platform();
        long version = version(em);
        return new Loaded(
                version,
                changedAgo(em),
                em.createQuery("SELECT p FROM Provider p ORDER BY p.id", Provider.class)
                        .getResultList(),
                em.createQuery("SELECT k FROM ProviderKey k ORDER BY k.id", ProviderKey.class)
                        .getResultList(),
                em.createQuery("SELECT r FROM RoutingPolicy r ORDER BY r.id", RoutingPolicy.class)
                        .getResultList());
    }

    private static long version(EntityManager em) {
        return ((Number) em.createNativeQuery("SELECT version FROM routing_version WHERE id = 1")
                        .getSingleResult())
                .longValue();
    }

    /** The row if the caller's tenant may see it (its own or a global one), else null. */
    public <T> T find(Class<T> type, long id) {
        return scope.em().find(type, id);
    }

    /** The providers the caller's tenant sees: its own and the global ones. */
    public List<Provider> providers() {
        return scope.em()
                .createQuery("SELECT p FROM Provider p ORDER BY p.id", Provider.class)
                .getResultList();
    }

    public List<ProviderKey> keys(long providerId) {
        return scope.em()
                .createQuery("SELECT k FROM ProviderKey k WHERE k.providerId = :p ORDER BY k.id", ProviderKey.class)
                .setParameter("p", providerId)
                .getResultList();
    }

    /** The routing policies the caller's tenant sees: its own and the global ones. */
    public List<RoutingPolicy> policies() {
        return scope.em()
                .createQuery("SELECT r FROM RoutingPolicy r ORDER BY r.alias", RoutingPolicy.class)
                .getResultList();
    }

    public void persist(Object entity) {
        EntityManager em = scope.em();
        em.persist(entity);
        changed(em);
    }

    /** Persists several rows in one transaction (seeding: platform work). */
    public void persistAll(List<?> entities) {
        EntityManager em = scope.platform();
        entities.forEach(em::persist);
        changed(em);
    }

    public boolean globalProviderExists(String name) {
        return !scope.platform()
                .createQuery("SELECT p.id FROM Provider p WHERE p.tenantId IS NULL AND p.name = :n", Long.class)
                .setParameter("n", name)
                .getResultList()
                .isEmpty();
    }

    /** Marks a change of a managed entity (already modified in this transaction). */
    public <T> T merge(T entity) {
        EntityManager em = scope.em();
        T merged = em.merge(entity);
        changed(em);
        return merged;
    }

    public void remove(Class<?> type, long id) {
        EntityManager em = scope.em();
        Object entity = em.find(type, id);
        if (entity != null) {
            em.remove(entity);
            changed(em);
        }
    }

    /** Flags a key the upstream refused; routing skips it until an admin re-activates it. Platform work. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void flag(long keyId, String reason) {
        EntityManager em = scope.platform();
        ProviderKey key = em.find(ProviderKey.class, keyId);
        if (key != null && ProviderKey.ACTIVE.equals(key.status())) {
            key.status(ProviderKey.FLAGGED, reason);
            changed(em);
        }
    }

    /** How long ago the last change was written, by the database's clock; null if it never was. */
    private static Duration changedAgo(EntityManager em) {
        Object micros = em.createNativeQuery(
                        "SELECT TIMESTAMPDIFF(MICROSECOND, changed_at, NOW(6)) FROM routing_version WHERE id = 1")
                .getSingleResult();
        return micros == null ? null : Duration.ofNanos(((Number) micros).longValue() * 1000);
    }

    private static void changed(EntityManager em) {
        em.flush();
        em.createNativeQuery("UPDATE routing_version SET version = version + 1, changed_at = NOW(6) WHERE id = 1")
                .executeUpdate();
    }

    /** One consistent read of the whole routing configuration; {@code changedAgo} as in {@link #changedAgo}. */
    public record Loaded(
            long version,
            Duration changedAgo,
            List<Provider> providers,
            List<ProviderKey> keys,
            List<RoutingPolicy> policies) {}
}
