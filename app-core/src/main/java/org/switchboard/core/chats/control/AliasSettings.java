package org.switchboard.core.chats.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * What a chat's context looks like per model alias, from MicroProfile Config: the context window in tokens
 * ({@code switchboard.chats.context-window.<alias>}, else {@code switchboard.chats.context-window}) and the system
 * prompt ({@code switchboard.chats.system-prompt.<alias>}, else {@code switchboard.chats.system-prompt}, else none).
 * Config rather than routing policy columns: these belong to the conversation, not to how an alias is routed, and
 * every source (properties, environment {@code SWITCHBOARD_CHATS_CONTEXT_WINDOW_<ALIAS>}) works without a change
 * to the routing API.
 */
@ApplicationScoped
public class AliasSettings {
    static final String WINDOW = "switchboard.chats.context-window";
    static final String SYSTEM_PROMPT = "switchboard.chats.system-prompt";

    @Inject
    Config config;

    public int contextWindow(String alias) {
        return config.getOptionalValue(WINDOW + "." + alias, Integer.class)
                .or(() -> config.getOptionalValue(WINDOW, Integer.class))
                .orElse(8192);
    }

    public Optional<String> systemPrompt(String alias) {
        return config.getOptionalValue(SYSTEM_PROMPT + "." + alias, String.class)
                .or(() -> config.getOptionalValue(SYSTEM_PROMPT, String.class))
                .filter(prompt -> !prompt.isBlank());
    }
}
