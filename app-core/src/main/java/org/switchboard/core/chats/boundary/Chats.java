package org.switchboard.core.chats.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.List;
import org.switchboard.core.chats.control.ChatStore;
import org.switchboard.core.chats.control.MessageTree;
import org.switchboard.core.chats.entity.Chat;
import org.switchboard.core.chats.entity.ChatCreation;
import org.switchboard.core.chats.entity.ChatDetail;
import org.switchboard.core.chats.entity.ChatPage;
import org.switchboard.core.chats.entity.ChatView;
import org.switchboard.core.chats.entity.Message;
import org.switchboard.core.chats.entity.MessageStatus;
import org.switchboard.core.chats.entity.MessageView;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.platform.Validation;
import org.switchboard.core.tenants.boundary.TenantScope;
import org.switchboard.core.tenants.boundary.TenantScoped;
import org.switchboard.core.tenants.entity.Caller;

/**
 * A caller's chats: create, list, read the active branch, rename, delete, switch branches. Every chat is read
 * in the caller's tenant ({@link TenantScope}); within it a user sees their own chats and a tenant admin every
 * chat ({@link #visible}, the one place of that rule). A chat that is not visible is reported exactly like one
 * that does not exist. Generations are {@link ChatTurns}'.
 */
@ApplicationScoped // each store call commits on its own, as in Runs
@TenantScoped
public class Chats {
    @Inject
    ChatStore store;

    @Inject
    StreamTickets tickets;

    @Inject
    Validation validation;

    public ChatCreation create(Caller caller, CreateChatRequest request) {
        validation.check(request);
        Chat chat = new Chat(Ids.next(), caller.tenant(), caller.user(), request.clientId(), request.title());
        try {
            Chat stored = store.create(chat);
            return new ChatCreation(ChatView.of(stored), stored.id() != chat.id());
        } catch (RuntimeException e) {
            if (request.clientId() == null || !causedByPersistence(e)) {
                throw e;
            }
            // A concurrent create with the same client id won the unique key: answer with its chat.
            return store.byClientId(caller.user(), request.clientId())
                    .map(earlier -> new ChatCreation(ChatView.of(earlier), true))
                    .orElseThrow(() -> e);
        }
    }

    /** The caller's chats (a tenant admin's {@code all}: the tenant's), newest first, below {@code before}. */
    public ChatPage list(Caller caller, Long before, int limit, boolean all) {
        String owner = all && caller.isAdmin() ? null : caller.user();
        List<ChatView> chats =
                store.page(owner, before, limit).stream().map(ChatView::of).toList();
        Long next = chats.size() == limit ? chats.get(chats.size() - 1).id() : null;
        return new ChatPage(chats, next);
    }

    /**
     * The newest chats of one user of the caller's tenant, {@code limit} at most, before the chat {@code before}
     * (null: from the newest): what support looks up by user. A caller who is not an admin sees only their own,
     * whoever they name.
     */
    public ChatPage listOf(Caller caller, String owner, Long before, int limit) {
        String whose = caller.isAdmin() ? owner : caller.user();
        List<ChatView> chats =
                store.page(whose, before, limit).stream().map(ChatView::of).toList();
        Long next = chats.size() == limit ? chats.get(chats.size() - 1).id() : null;
        return new ChatPage(chats, next);
    }

    public ChatDetail find(Caller caller, String id) {
        return detail(caller, visible(caller, id));
    }

    public ChatView rename(Caller caller, String id, RenameRequest request) {
        validation.check(request);
        return ChatView.of(store.rename(visible(caller, id).id(), request.title()));
    }

    /** Deletes the chat and its messages; a run it is generating goes on to its end, answering no chat. */
    public void delete(Caller caller, String id) {
        if (!store.delete(visible(caller, id).id())) {
            throw new ChatNotFound(id);
        }
    }

    /** Makes the branch through {@code messageId} current, down to its newest leaf. */
    public ChatDetail moveTo(Caller caller, String id, CurrentRequest request) {
        validation.check(request);
        Chat chat = visible(caller, id);
        MessageTree tree = new MessageTree(store.messages(chat.id()));
        Message chosen = tree.find(Long.parseLong(request.messageId()))
                .orElseThrow(() -> new MessageNotFound(request.messageId()));
        return detail(caller, store.moveTo(chat.id(), tree.leafFrom(chosen).id()));
    }

    /** The chat if the caller may see it: their own, or any of the tenant's for a tenant admin. */
    public Chat visible(Caller caller, String id) {
        return Ids.parse(id).stream()
                .mapToObj(store::find)
                .flatMap(java.util.Optional::stream)
                .filter(chat -> caller.isAdmin() || chat.ownerId().equals(caller.user()))
                .findFirst()
                .orElseThrow(() -> new ChatNotFound(id));
    }

    /** Whether a store call failed in the database (the EJB container wraps what JPA threw). */
    static boolean causedByPersistence(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PersistenceException) {
                return true;
            }
        }
        return false;
    }

    private ChatDetail detail(Caller caller, Chat chat) {
        MessageTree tree = new MessageTree(store.messages(chat.id()));
        List<MessageView> branch = tree.pathTo(chat.currentLeafId()).stream()
                .map(message -> {
                    List<Long> siblings =
                            tree.siblingsOf(message).stream().map(Message::id).toList();
                    String ticket = message.status() == MessageStatus.GENERATING && message.runId() != null
                            ? tickets.mint(caller, message.runId())
                            : null;
                    return new MessageView(message, siblings, siblings.indexOf(message.id()), ticket);
                })
                .toList();
        return new ChatDetail(ChatView.of(chat), branch);
    }
}
