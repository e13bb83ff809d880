package org.switchboard.core.chats.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.core.chats.control.AliasSettings;
import org.switchboard.core.chats.control.ChatEndings;
import org.switchboard.core.chats.control.ChatStore;
import org.switchboard.core.chats.control.ContextWindow;
import org.switchboard.core.chats.control.MessageTree;
import org.switchboard.core.chats.control.TurnStore;
import org.switchboard.core.chats.entity.Chat;
import org.switchboard.core.chats.entity.Message;
import org.switchboard.core.chats.entity.MessageRole;
import org.switchboard.core.chats.entity.Turn;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.platform.Validation;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.runs.boundary.Runs;
import org.switchboard.core.runs.entity.RunView;
import org.switchboard.core.tenants.boundary.TenantScoped;
import org.switchboard.core.tenants.entity.Caller;

/**
 * Generations in a chat (SPEC §3): send a message, regenerate an answer, stop. A generation is an ordinary run,
 * submitted asynchronously (a worker of any instance generates it, independent of any connection). The chat is
 * claimed for the run before the run exists, so a chat has at most one active generation ({@link ChatGenerating}
 * otherwise); a run that cannot be submitted gives the claim back. A repeated {@code client_id} answers the first
 * send's turn again and starts nothing.
 */
@ApplicationScoped // each store call commits on its own: the run is submitted after the claim has committed
@TenantScoped
public class ChatTurns {
    @Inject
    Chats chats;

    @Inject
    ChatStore store;

    @Inject
    TurnStore turns;

    @Inject
    Runs runs;

    @Inject
    ChatEndings endings;

    @Inject
    AliasSettings settings;

    @Inject
    StreamTickets tickets;

    @Inject
    Validation validation;

    /** Stores the user message, creates its answer and the answer's run; {@code hints} script the simulator. */
    public Turn send(Caller caller, String chatId, SendRequest request, Map<String, String> hints) {
        validation.check(request);
        Chat chat = chats.visible(caller, chatId);
        Optional<Turn> earlier = sentBefore(caller, chat, request.clientId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Long parentId = request.parentGiven()
                ? (request.parentId() == null ? null : Long.valueOf(request.parentId()))
                : chat.currentLeafId();
        if (parentId != null) {
            Message parent = new MessageTree(store.messages(chat.id()))
                    .find(parentId)
                    .orElseThrow(() -> new MessageNotFound(request.parentId()));
            if (parent.role() != MessageRole.ASSISTANT) {
                throw new InvalidParent("A user message goes under an answer or at the root, not under a user message");
            }
        }
        long runId = Ids.next();
        Message user = Message.user(
                Ids.next(),
                caller.tenant(),
                chat.id(),
                parentId,
                request.content(),
                request.model(),
                request.clientId());
        Message answer = Message.answer(Ids.next(), caller.tenant(), chat.id(), user.id(), request.model(), runId);
        try {
            return start(caller, chat, user, user, answer, hints);
        } catch (ChatGenerating busy) {
            // A concurrent send with the same client id held the chat: that send is this one.
            return sentBefore(caller, chat, request.clientId()).orElseThrow(() -> busy);
        }
    }

    /** Generates a sibling of answer {@code messageId}, with the model asked for or the one it was generated with. */
    public Turn regenerate(
            Caller caller, String chatId, String messageId, RegenerateRequest request, Map<String, String> hints) {
        validation.check(request);
        Chat chat = chats.visible(caller, chatId);
        MessageTree tree = new MessageTree(store.messages(chat.id()));
        Message target = Ids.parse(messageId).stream()
                .mapToObj(tree::find)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new MessageNotFound(messageId));
        if (target.role() != MessageRole.ASSISTANT || target.parentId() == null) {
            throw new InvalidParent("Only an answer is regenerated; message " + messageId + " is not one");
        }
        Message question = tree.find(target.parentId()).orElseThrow(() -> new MessageNotFound(messageId));
        String model = request.model() != null ? request.model() : target.model();
        long runId = Ids.next();
        Message answer = Message.answer(Ids.next(), caller.tenant(), chat.id(), question.id(), model, runId);
        return start(caller, chat, question, null, answer, hints);
    }

    /** Cancels the chat's active run; its partial answer is kept with the status the run ended with. */
    public RunView stop(Caller caller, String chatId) {
        Chat chat = chats.visible(caller, chatId);
        if (chat.activeRunId() == null) {
            throw new ChatIdle(chatId);
        }
        long runId = chat.activeRunId();
        RunView run = runs.cancel(caller, Long.toString(runId));
        endings.end(runId); // written now when the run ended here; else its RunEnded writes it
        return run;
    }

    private Turn start(
            Caller caller, Chat chat, Message question, Message newUser, Message answer, Map<String, String> hints) {
        long runId = answer.runId();
        List<Message> branch = turns.claim(chat.id(), runId, newUser, answer);
        String model = answer.model();
        ChatRequest request = new ChatRequest(
                model,
                ContextWindow.of(settings.systemPrompt(model).orElse(null), branch, settings.contextWindow(model)),
                null,
                null,
                null,
                null,
                hints);
        try {
            runs.submit(caller, runId, request);
        } catch (RuntimeException e) {
            turns.release(chat.id(), runId, newUser == null ? null : newUser.id(), answer.id(), chat.currentLeafId());
            throw e;
        }
        return new Turn(chat.id(), question.id(), question.clientId(), answer.id(), runId, tickets.mint(caller, runId));
    }

    private Optional<Turn> sentBefore(Caller caller, Chat chat, String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        return turns.sentWith(chat.id(), clientId)
                .map(sent -> new Turn(
                        chat.id(),
                        sent[0].id(),
                        sent[0].clientId(),
                        sent[1].id(),
                        sent[1].runId(),
                        tickets.mint(caller, sent[1].runId())));
    }
}
