package org.switchboard.core.routing.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.switchboard.core.routing.entity.Provider;
import org.switchboard.core.routing.entity.ProviderKey;
import org.switchboard.core.routing.entity.RoutingPolicy;

/**
 * Durable routing configuration. Every change bumps {@code routing_version} in the same transaction, which
 * is what every instance's {@link RoutingTable} polls.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class RoutingStore {
    @PersistenceContext
    EntityManager em;

    /** Everything, read in one transaction so the snapshot is consistent. */
    public Loaded loadAll() {
        long version = version();
        return new Loaded(
                version,
                em.createQuery("SELECT p FROM Provider p ORDER BY p.id", Provider.class)
                        .getResultList(),
                em.createQuery("SELECT k FROM ProviderKey k ORDER BY k.id", ProviderKey.class)
                        .getResultList(),
                em.createQuery("SELECT r FROM RoutingPolicy r ORDER BY r.id", RoutingPolicy.class)
                        .getResultList());
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long version() {
        return ((Number) em.createNativeQuery("SELECT version FROM routing_version WHERE id = 1")
                        .getSingleResult())
                .longValue();
    }

    public <T> T find(Class<T> type, long id) {
        return em.find(type, id);
    }

    public List<Provider> providers(String tenantId) {
        return em.createQuery(
                        "SELECT p FROM Provider p WHERE p.tenantId = :t OR p.tenantId IS NULL ORDER BY p.id",
                        Provider.class)
                .setParameter("t", tenantId)
                .getResultList();
    }

    public List<ProviderKey> keys(long providerId) {
        return em.createQuery("SELECT k FROM ProviderKey k WHERE k.providerId = :p ORDER BY k.id", ProviderKey.class)
                .setParameter("p", providerId)
                .getResultList();
    }

    public List<RoutingPolicy> policies(String tenantId) {
        return em.createQuery(
                        "SELECT r FROM RoutingPolicy r WHERE r.tenantId = :t OR r.tenantId IS NULL ORDER BY r.alias",
                        RoutingPolicy.class)
                .setParameter("t", tenantId)
                .getResultList();
    }

    public void persist(Object entity) {
        em.persist(entity);
        changed();
    }

    /** Persists several rows in one transaction (seeding). */
    public void persistAll(List<?> entities) {
        entities.forEach(em::persist);
        changed();
    }

    public boolean globalProviderExists(String name) {
        return !em.createQuery("SELECT p.id FROM Provider p WHERE p.tenantId IS NULL AND p.name = :n", Long.class)
                .setParameter("n", name)
                .getResultList()
                .isEmpty();
    }

    /** Marks a change of a managed entity (already modified in this transaction). */
    public <T> T merge(T entity) {
        T merged = em.merge(entity);
        changed();
        return merged;
    }

    public void remove(Class<?> type, long id) {
        Object entity = em.find(type, id);
        if (entity != null) {
            em.remove(entity);
            changed();
        }
    }

    /** Flags a key the upstream refused; routing skips it until an admin re-activates it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void flag(long keyId, String reason) {
        ProviderKey key = em.find(ProviderKey.class, keyId);
        if (key != null && ProviderKey.ACTIVE.equals(key.status())) {
            key.status(ProviderKey.FLAGGED, reason);
            changed();
        }
    }

    private void changed() {
        em.flush();
        em.createNativeQuery("UPDATE routing_version SET version = version + 1 WHERE id = 1")
                .executeUpdate();
    }

    /** One consistent read of the whole routing configuration. */
    public record Loaded(
            long version, List<Provider> providers, List<ProviderKey> keys, List<RoutingPolicy> policies) {}
}
