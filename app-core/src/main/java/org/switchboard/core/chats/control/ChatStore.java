package org.switchboard.core.chats.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.switchboard.core.chats.entity.Chat;
import org.switchboard.core.chats.entity.Message;
import org.switchboard.core.tenants.boundary.TenantScope;

/**
 * Chats and their messages through JPA, in the caller's tenant scope ({@link TenantScope#em()}): another tenant's
 * rows are never read, so they cannot be changed either. Each method is one transaction. The per-user rule is the
 * boundary's; this store filters by owner only where it lists.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ChatStore {
    @Inject
    TenantScope scope;

    /** Creates the chat, or returns the owner's chat created earlier with the same client id. */
    public Chat create(Chat chat) {
        if (chat.clientId() != null) {
            Optional<Chat> earlier = byClientId(chat.ownerId(), chat.clientId());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        EntityManager em = scope.em();
        em.persist(chat);
        em.flush(); // a concurrent create with the same client id fails here, not at commit
        return chat;
    }

    public Optional<Chat> byClientId(String ownerId, String clientId) {
        return scope.em()
                .createQuery("SELECT c FROM Chat c WHERE c.ownerId = :owner AND c.clientId = :client", Chat.class)
                .setParameter("owner", ownerId)
                .setParameter("client", clientId)
                .getResultStream()
                .findFirst();
    }

    public Optional<Chat> find(long id) {
        return Optional.ofNullable(scope.em().find(Chat.class, id));
    }

    /** Up to {@code limit} chats with ids below {@code before} (any if null), newest first; of one owner unless null. */
    public List<Chat> page(String ownerId, Long before, int limit) {
        String where =
                (ownerId == null ? "" : " AND c.ownerId = :owner") + (before == null ? "" : " AND c.id < :before");
        TypedQuery<Chat> query = scope.em()
                .createQuery("SELECT c FROM Chat c WHERE 1 = 1" + where + " ORDER BY c.id DESC", Chat.class)
                .setMaxResults(limit);
        if (ownerId != null) {
            query.setParameter("owner", ownerId);
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        return query.getResultList();
    }

    /** Every message of the chat; chats are read whole to render a branch and its siblings. */
    public List<Message> messages(long chatId) {
        return scope.em()
                .createQuery("SELECT m FROM Message m WHERE m.chatId = :chat ORDER BY m.id", Message.class)
                .setParameter("chat", chatId)
                .getResultList();
    }

    public Chat rename(long chatId, String title) {
        Chat chat = scope.em().find(Chat.class, chatId);
        chat.rename(title);
        return chat;
    }

    public Chat moveTo(long chatId, long leafId) {
        Chat chat = scope.em().find(Chat.class, chatId);
        chat.moveTo(leafId);
        return chat;
    }

    /** Deletes the chat and its messages; false if it was not there (any more). */
    public boolean delete(long chatId) {
        EntityManager em = scope.em();
        em.createQuery("DELETE FROM Message m WHERE m.chatId = :chat")
                .setParameter("chat", chatId)
                .executeUpdate();
        return em.createQuery("DELETE FROM Chat c WHERE c.id = :chat")
                        .setParameter("chat", chatId)
                        .executeUpdate()
                == 1;
    }
}
