package org.switchboard.core.webhooks.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.switchboard.core.tenants.boundary.RequiresRole;
import org.switchboard.core.tenants.boundary.TenantScope;
import org.switchboard.core.tenants.boundary.TenantScoped;
import org.switchboard.core.tenants.entity.Caller;
import org.switchboard.core.webhooks.control.WebhookStore;
import org.switchboard.core.webhooks.entity.WebhookAttempt;
import org.switchboard.core.webhooks.entity.WebhookDelivery;

/**
 * Webhook deliveries as admins inspect them: status, every attempt with the receiver's answer, and "retry now".
 * A tenant admin sees their tenant's deliveries, a platform admin every tenant's ({@link TenantScope}); another
 * tenant's delivery id is not found.
 */
@Stateless
@TenantScoped
@RequiresRole({Caller.ADMIN_ROLE, Caller.PLATFORM_ADMIN_ROLE})
public class WebhookDeliveries {
    @Inject
    TenantScope scope;

    @Inject
    WebhookStore store;

    /** The newest deliveries; {@code tenant} and {@code status} narrow them when given. */
    public List<WebhookDelivery> recent(Caller caller, String tenant, String status, int limit) {
        boolean byTenant = tenant != null && !tenant.isBlank();
        boolean byStatus = status != null && !status.isBlank();
        String jpql = "SELECT d FROM WebhookDelivery d WHERE 1 = 1" + (byTenant ? " AND d.tenantId = :tenant" : "")
                + (byStatus ? " AND d.status = :status" : "") + " ORDER BY d.id DESC";
        TypedQuery<WebhookDelivery> query =
                scope.em(caller).createQuery(jpql, WebhookDelivery.class).setMaxResults(Math.min(limit, 1000));
        if (byTenant) query.setParameter("tenant", tenant.strip());
        if (byStatus) query.setParameter("status", status.strip());
        return query.getResultList();
    }

    /** Every attempt of the delivery, first first. */
    public List<WebhookAttempt> attempts(Caller caller, long deliveryId) {
        EntityManager em = scope.em(caller);
        visible(em, deliveryId);
        return em.createQuery(
                        "SELECT a FROM WebhookAttempt a WHERE a.deliveryId = :id ORDER BY a.attempt",
                        WebhookAttempt.class)
                .setParameter("id", deliveryId)
                .getResultList();
    }

    /**
     * Makes the delivery due now, even one that failed for good: the retry timer (every two seconds, any
     * instance) attempts it next. A delivered one is left alone. Returns the delivery as it now stands.
     */
    public WebhookDelivery retryNow(Caller caller, long deliveryId) {
        WebhookDelivery delivery = visible(scope.em(caller), deliveryId);
        if (!"DELIVERED".equals(delivery.status())) {
            store.makeDue(delivery.id());
        }
        return delivery;
    }

    private static WebhookDelivery visible(EntityManager em, long deliveryId) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null) {
            throw new DeliveryNotFound(deliveryId);
        }
        return delivery;
    }
}
