package org.switchboard.core.chats.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.core.chats.entity.Message;

/**
 * A chat's messages as the tree they form through {@code parent_id}. Children of one parent are siblings, oldest
 * (smallest id: ids are time-ordered) first; a branch is the path from a root to a leaf.
 */
public final class MessageTree {
    private final Map<Long, Message> byId = new HashMap<>();
    private final Map<Long, List<Message>> children = new HashMap<>();

    public MessageTree(List<Message> messages) {
        for (Message message : messages) {
            byId.put(message.id(), message);
            children.computeIfAbsent(key(message.parentId()), k -> new ArrayList<>())
                    .add(message);
        }
        children.values().forEach(list -> list.sort(Comparator.comparingLong(Message::id)));
    }

    public Optional<Message> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The children of {@code parentId} (null: the roots), oldest first. */
    public List<Message> childrenOf(Long parentId) {
        return children.getOrDefault(key(parentId), List.of());
    }

    /** The siblings of {@code message}, oldest first, itself included. */
    public List<Message> siblingsOf(Message message) {
        return childrenOf(message.parentId());
    }

    /** The path from the root down to {@code id}, root first; empty for an unknown id. */
    public List<Message> pathTo(Long id) {
        List<Message> path = new ArrayList<>();
        for (Message at = id == null ? null : byId.get(id); at != null; at = byId.get(key(at.parentId()))) {
            path.add(at);
            if (path.size() > byId.size()) {
                throw new IllegalStateException("The messages of chat " + at.chatId() + " form a cycle");
            }
        }
        Collections.reverse(path);
        return path;
    }

    /** The leaf reached from {@code id} by following the newest child at each step. */
    public Message leafFrom(Message message) {
        Message at = message;
        for (List<Message> next = childrenOf(at.id()); !next.isEmpty(); next = childrenOf(at.id())) {
            at = next.get(next.size() - 1);
        }
        return at;
    }

    private static long key(Long parentId) {
        return parentId == null ? 0L : parentId; // ids are positive TSIDs, so 0 stands for "no parent"
    }
}
