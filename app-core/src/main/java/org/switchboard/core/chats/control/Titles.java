package org.switchboard.core.chats.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.runs.boundary.Runs;
import org.switchboard.core.tenants.entity.Caller;

/**
 * A chat's title, written by an asynchronous run through a cheap model alias
 * ({@code switchboard.chats.title-model}) once its first answer is complete (SPEC §3). The title run is an
 * ordinary run of the chat's owner, reserved on the chat before it is submitted; its end writes the title
 * ({@link ChatEndings}). If it cannot be submitted or does not complete, the chat keeps its default title.
 */
@ApplicationScoped
public class Titles {
    private static final Logger LOG = Logger.getLogger(Titles.class.getName());
    static final int MAX_WORDS = 8;
    static final int MAX_CHARS = 80;
    private static final String INSTRUCTION = "Write a title of at most six words for the conversation below."
            + " Answer with the title only, without quotes.";

    @Inject
    Runs runs;

    @Inject
    @ConfigProperty(name = "switchboard.chats.title-model")
    String model;

    public void generate(TurnStore.TitleJob job) {
        ChatRequest request = new ChatRequest(
                model,
                List.of(
                        new ChatMessage("system", INSTRUCTION),
                        new ChatMessage("user", clip(job.question())),
                        new ChatMessage("assistant", clip(job.answer()))),
                24,
                null,
                null,
                null,
                Map.of());
        try {
            runs.submit(new Caller(job.tenantId(), job.ownerId(), Set.of()), job.titleRunId(), request);
        } catch (RuntimeException e) {
            LOG.info(() -> "Chat " + job.chatId() + " keeps its default title: no title run through '" + model + "' ("
                    + e.getMessage() + ")");
        }
    }

    /** A title from a title run's output: its first line, at most eight words and 80 characters; none if blank. */
    static Optional<String> titleOf(String output) {
        String line = output.strip()
                .lines()
                .findFirst()
                .orElse("")
                .replaceAll("[\"“”*#]", "")
                .strip();
        String[] words = line.split("\\s+");
        String title = String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, MAX_WORDS)));
        title = title.length() > MAX_CHARS ? title.substring(0, MAX_CHARS).strip() : title;
        return title.isBlank() ? Optional.empty() : Optional.of(title);
    }

    private static String clip(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
