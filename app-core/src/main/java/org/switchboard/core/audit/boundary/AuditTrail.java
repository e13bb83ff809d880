package org.switchboard.core.audit.boundary;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.switchboard.core.audit.entity.AuditEntry;
import org.switchboard.core.audit.entity.AuditRecord;
import org.switchboard.core.platform.Ids;

/** Appends audit rows. Asynchronous: the request being audited does not wait for the write. */
@Stateless
public class AuditTrail {
    @PersistenceContext
    EntityManager em;

    @Asynchronous
    public void record(AuditRecord record) {
        em.persist(new AuditEntry(Ids.next(), record));
    }
}
