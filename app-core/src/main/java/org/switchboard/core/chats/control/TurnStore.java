package org.switchboard.core.chats.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.core.chats.boundary.ChatGenerating;
import org.switchboard.core.chats.entity.Chat;
import org.switchboard.core.chats.entity.Message;
import org.switchboard.core.chats.entity.MessageStatus;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.providers.entity.Usage;
import org.switchboard.core.runs.entity.RunStatus;
import org.switchboard.core.tenants.boundary.TenantScope;

/**
 * The writes of a generation's life in a chat, each one transaction: the claim that makes a run the chat's one
 * active run (a conditional {@code UPDATE … WHERE active_run_id IS NULL}, so of two concurrent sends exactly one
 * wins, the other waits for the row lock and then finds it taken), its undoing when the run cannot be submitted,
 * and the answer's end. The end is platform work (it reacts to a run of any tenant) and is idempotent: only the
 * first writer of an answer's end changes anything.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TurnStore {
    private static final String CLAIM = "UPDATE Chat c SET c.activeRunId = :run, c.currentLeafId = :leaf,"
            + " c.version = c.version + 1, c.updatedAt = :now WHERE c.id = :chat AND c.activeRunId IS NULL";
    private static final String RELEASE = "UPDATE Chat c SET c.activeRunId = NULL, c.version = c.version + 1,"
            + " c.updatedAt = :now WHERE c.activeRunId = :run";

    @Inject
    TenantScope scope;

    /** What a finished first answer leaves to do: a title, by the run reserved for it. */
    public record TitleJob(
            long chatId, String tenantId, String ownerId, long titleRunId, String question, String answer) {}

    /**
     * Makes {@code runId} the chat's active run and stores its messages ({@code user} null when regenerating);
     * the chat's current leaf becomes the answer. Returns the branch from the root to the message answered.
     */
    public List<Message> claim(long chatId, long runId, Message user, Message answer) {
        EntityManager em = scope.em();
        int claimed = em.createQuery(CLAIM)
                .setParameter("run", runId)
                .setParameter("leaf", answer.id())
                .setParameter("now", Instant.now())
                .setParameter("chat", chatId)
                .executeUpdate();
        if (claimed == 0) {
            Chat chat = em.find(Chat.class, chatId);
            throw new ChatGenerating(chat == null ? null : chat.activeRunId());
        }
        if (user != null) {
            em.persist(user);
        }
        em.persist(answer);
        em.flush();
        List<Message> messages = em.createQuery("SELECT m FROM Message m WHERE m.chatId = :chat", Message.class)
                .setParameter("chat", chatId)
                .getResultList();
        return new MessageTree(messages).pathTo(answer.parentId());
    }

    /** Undoes a claim whose run could not be submitted: its messages go and the chat's leaf goes back. */
    public void release(long chatId, long runId, Long userMessageId, long answerId, Long previousLeaf) {
        EntityManager em = scope.em();
        em.createQuery("DELETE FROM Message m WHERE m.chatId = :chat AND (m.id = :answer OR m.id = :user)")
                .setParameter("chat", chatId)
                .setParameter("answer", answerId)
                .setParameter("user", userMessageId == null ? answerId : userMessageId)
                .executeUpdate();
        em.createQuery("UPDATE Chat c SET c.activeRunId = NULL, c.currentLeafId = :leaf, c.version = c.version + 1,"
                        + " c.updatedAt = :now WHERE c.id = :chat AND c.activeRunId = :run")
                .setParameter("leaf", previousLeaf)
                .setParameter("now", Instant.now())
                .setParameter("chat", chatId)
                .setParameter("run", runId)
                .executeUpdate();
    }

    /** The user message sent with {@code clientId} and the answer that send started, if there was such a send. */
    public Optional<Message[]> sentWith(long chatId, String clientId) {
        EntityManager em = scope.em();
        Optional<Message> user = em.createQuery(
                        "SELECT m FROM Message m WHERE m.chatId = :chat AND m.clientId = :client", Message.class)
                .setParameter("chat", chatId)
                .setParameter("client", clientId)
                .getResultStream()
                .findFirst();
        return user.flatMap(question -> em.createQuery(
                        "SELECT m FROM Message m WHERE m.parentId = :parent ORDER BY m.id", Message.class)
                .setParameter("parent", question.id())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(answer -> new Message[] {question, answer}));
    }

    /** Whether run {@code runId} is a chat's answer or title run: one indexed lookup per ended run. */
    public boolean concerns(long runId) {
        return scope.platform()
                                .createQuery(
                                        "SELECT COUNT(m) FROM Message m WHERE m.runId = :run AND m.status = :generating",
                                        Long.class)
                                .setParameter("run", runId)
                                .setParameter("generating", MessageStatus.GENERATING)
                                .getSingleResult()
                        > 0
                || scope.platform()
                                .createQuery("SELECT COUNT(c) FROM Chat c WHERE c.titleRunId = :run", Long.class)
                                .setParameter("run", runId)
                                .getSingleResult()
                        > 0;
    }

    /**
     * Writes the end of the answer run {@code runId} generated and frees its chat; when that was the chat's first
     * completed answer and it has no title yet, reserves the title run and returns the job. Empty if the end was
     * written already (or the run answers no chat).
     */
    public Optional<TitleJob> finish(long runId, MessageStatus status, String output, Usage usage) {
        EntityManager em = scope.platform();
        int ended = em.createQuery("UPDATE Message m SET m.content = :content, m.status = :status, m.inputTokens = :in,"
                        + " m.outputTokens = :out WHERE m.runId = :run AND m.status = :generating")
                .setParameter("content", output)
                .setParameter("status", status)
                .setParameter("in", usage == null ? null : usage.inputTokens())
                .setParameter("out", usage == null ? null : usage.outputTokens())
                .setParameter("run", runId)
                .setParameter("generating", MessageStatus.GENERATING)
                .executeUpdate();
        em.createQuery(RELEASE)
                .setParameter("now", Instant.now())
                .setParameter("run", runId)
                .executeUpdate();
        if (ended == 0 || status != MessageStatus.COMPLETED) {
            return Optional.empty();
        }
        Message answer = em.createQuery("SELECT m FROM Message m WHERE m.runId = :run", Message.class)
                .setParameter("run", runId)
                .getSingleResult();
        long titleRunId = Ids.next();
        int reserved = em.createQuery("UPDATE Chat c SET c.titleRunId = :title WHERE c.id = :chat"
                        + " AND c.titleRunId IS NULL AND c.titled = FALSE")
                .setParameter("title", titleRunId)
                .setParameter("chat", answer.chatId())
                .executeUpdate();
        if (reserved == 0) {
            return Optional.empty();
        }
        Chat chat = em.find(Chat.class, answer.chatId());
        Message question = em.find(Message.class, answer.parentId());
        return Optional.of(
                new TitleJob(chat.id(), chat.tenantId(), chat.ownerId(), titleRunId, question.content(), output));
    }

    /** Writes a generated title, unless the owner named the chat meanwhile. */
    public void title(long titleRunId, String title) {
        scope.platform()
                .createQuery("UPDATE Chat c SET c.title = :title, c.titled = TRUE, c.version = c.version + 1,"
                        + " c.updatedAt = :now WHERE c.titleRunId = :run AND c.titled = FALSE")
                .setParameter("title", title)
                .setParameter("now", Instant.now())
                .setParameter("run", titleRunId)
                .executeUpdate();
    }

    /** Active runs of chats that have ended without their end reaching the chat (a lost event, a crash). */
    public List<Long> endedActiveRuns() {
        return scope.platform()
                .createQuery(
                        "SELECT c.activeRunId FROM Chat c, Run r"
                                + " WHERE r.id = c.activeRunId AND r.status NOT IN :live",
                        Long.class)
                .setParameter("live", List.of(RunStatus.QUEUED, RunStatus.RUNNING))
                .getResultList();
    }
}
