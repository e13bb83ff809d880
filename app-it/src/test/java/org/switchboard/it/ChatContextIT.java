package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The context a provider receives for a chat answer (SPEC §3): the system prompt configured for the alias, then
 * the branch from the root, trimmed to the alias's context window by token count, newest turns kept. The suite
 * configures alias {@code chat-small} (a tenant policy over the simulator made here) with a 150-token window and a
 * system prompt; the simulator's echo hint makes the answer the very prompt it received.
 */
class ChatContextIT extends SwitchboardDeployment {
    private static final String TENANT = "context-it-" + Long.toString(System.currentTimeMillis(), 36);
    private static final String ALIAS = "chat-small";
    private static final int WINDOW = 150; // SWITCHBOARD_CHATS_CONTEXT_WINDOW_CHAT_SMALL in the failsafe environment
    private static final String SYSTEM_PROMPT = "You are terse."; // SWITCHBOARD_CHATS_SYSTEM_PROMPT_CHAT_SMALL
    private static final Encoding CL100K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private static final Pattern SEGMENT =
            Pattern.compile("\\[(system|user|assistant)\\] ((?:(?!\\[(?:system|user|assistant)\\] ).)*)");

    @Test
    void theProviderGetsTheSystemPromptAndTheNewestTurnsThatFitTheWindow() {
        String admin = TestStack.token(TENANT, "ops", "user", "admin");
        Admin.createPolicy(
                admin,
                ALIAS,
                "priority",
                Json.createArrayBuilder()
                        .add(Admin.target("simulator", "sim-fast"))
                        .build(),
                Json.createObjectBuilder().build());
        String token = TestStack.token(TENANT, "kim", "user");
        String chatId = ChatApi.create(token, "long talk").getString("id");
        // The new alias reaches the routing table when its change commits; a send before that is 404 and stores
        // nothing.
        await("alias " + ALIAS + " to route")
                .atMost(Duration.ofSeconds(10))
                .until(() -> ChatApi.send(token, chatId, ChatApi.message(ALIAS, turn(1)))
                                .statusCode()
                        == 202);
        ChatApi.idle(token, chatId);
        for (int turn = 2; turn <= 6; turn++) {
            ChatApi.sent(token, chatId, ChatApi.message(ALIAS, turn(turn)));
            ChatApi.idle(token, chatId);
        }

        ChatApi.sent(
                token, chatId, ChatApi.message(ALIAS, "question number 7 echo please"), "X-Simulator-Echo", "true");
        JsonObject chat = ChatApi.idle(token, chatId);
        String received = ChatApi.leaf(chat).getString("content");

        List<String[]> messages = segments(received);
        assertThat(messages.get(0)).containsExactly("system", SYSTEM_PROMPT);
        List<String[]> turns = messages.subList(1, messages.size());
        assertThat(turns.get(turns.size() - 1)).containsExactly("user", "question number 7 echo please");
        // What it received is the newest end of the branch, in order (the echo answer itself is not part of it).
        var branch = chat.getJsonArray("messages");
        List<String[]> sent = new ArrayList<>();
        for (int i = 0; i < branch.size() - 1; i++) {
            JsonObject message = branch.getJsonObject(i);
            sent.add(new String[] {message.getString("role"), message.getString("content")});
        }
        List<String[]> newest = sent.subList(sent.size() - turns.size(), sent.size());
        for (int i = 0; i < turns.size(); i++) {
            assertThat(turns.get(i)).containsExactly(newest.get(i));
        }
        // Trimmed: the oldest turns are gone, what was kept fits the window, and one more would not have.
        assertThat(turns.size()).isLessThan(sent.size());
        assertThat(received).doesNotContain("question number 1 ");
        int used = tokens(messages);
        assertThat(used).isLessThanOrEqualTo(WINDOW);
        String[] older = sent.get(sent.size() - turns.size() - 1);
        assertThat(used + 3 + CL100K.countTokens(older[1])).isGreaterThan(WINDOW);
    }

    private static String turn(int n) {
        return "question number " + n + " about the switchboard";
    }

    private static int tokens(List<String[]> messages) {
        return messages.stream().mapToInt(m -> 3 + CL100K.countTokens(m[1])).sum();
    }

    /** The echoed prompt, split back into its messages: {@code [role] content} one after another. */
    private static List<String[]> segments(String echoed) {
        List<String[]> messages = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(echoed);
        while (matcher.find()) {
            messages.add(new String[] {matcher.group(1), matcher.group(2).strip()});
        }
        return messages;
    }
}
