package org.switchboard.core.chats.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.chats.entity.Message;
import org.switchboard.core.providers.entity.ChatMessage;

class ContextWindowTest {
    private static final String TURN = "a turn of eight words in this chat";

    @Test
    void theWholeBranchGoesWhenItFitsWithTheSystemPromptFirst() {
        List<ChatMessage> context = ContextWindow.of("Be brief.", branch(4), 10_000);
        assertThat(context).hasSize(5);
        assertThat(context.get(0)).isEqualTo(new ChatMessage("system", "Be brief."));
        assertThat(context.get(1).role()).isEqualTo("user");
        assertThat(context.get(2).role()).isEqualTo("assistant");
    }

    @Test
    void trimmingKeepsTheNewestTurnsWithinTheWindow() {
        List<Message> branch = branch(9);
        int perTurn = ContextWindow.tokens(new ChatMessage("user", TURN + " 1"));
        int system = ContextWindow.tokens(new ChatMessage("system", "Be brief."));
        int window = system + 3 * perTurn + perTurn / 2;

        List<ChatMessage> context = ContextWindow.of("Be brief.", branch, window);

        assertThat(context).hasSize(4);
        assertThat(context.get(0).role()).isEqualTo("system");
        assertThat(context.subList(1, 4))
                .extracting(ChatMessage::content)
                .containsExactly(TURN + " 7", TURN + " 8", TURN + " 9");
        assertThat(context.stream().mapToInt(ContextWindow::tokens).sum()).isLessThanOrEqualTo(window);
    }

    @Test
    void theNewestMessageGoesEvenWhenItAloneIsOverTheWindow() {
        List<ChatMessage> context = ContextWindow.of(null, branch(3), 1);
        assertThat(context).extracting(ChatMessage::content).containsExactly(TURN + " 3");
    }

    @Test
    void answersWithoutTextAreLeftOut() {
        List<Message> branch = new ArrayList<>(branch(1));
        branch.add(Message.answer(50, "t", 1, 1, "sim", 9)); // failed before its first token: no text
        branch.add(Message.user(51, "t", 1, 50L, "again", "sim", null));
        assertThat(ContextWindow.of(null, branch, 1_000))
                .extracting(ChatMessage::content)
                .containsExactly(TURN + " 1", "again");
    }

    /** Alternating user and answer messages numbered 1..n, each about as long; answers hold their text. */
    private static List<Message> branch(int n) {
        List<Message> branch = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            branch.add(
                    i % 2 == 1
                            ? Message.user(i, "t", 1, i == 1 ? null : (long) i - 1, TURN + " " + i, "sim", null)
                            : answered(i, TURN + " " + i));
        }
        return branch;
    }

    /** An ended answer as the store reads it back (its text is written by a bulk update, never by a setter). */
    private static Message answered(int id, String text) {
        Message answer = Message.answer(id, "t", 1, id - 1, "sim", 1000 + id);
        try {
            var content = Message.class.getDeclaredField("content");
            content.setAccessible(true);
            content.set(answer, text);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return answer;
    }
}
