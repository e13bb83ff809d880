package org.switchboard.web.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.core.platform.InvalidInput;

class ChatCompletionRequestTest {
    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static ChatCompletionRequest parse(String text) {
        return ChatCompletionRequest.from(json(text), Map.of());
    }

    @Test
    void readsTheOpenAiFields() {
        var request = parse(
                "{\"model\":\"sim\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"max_tokens\":50,\"temperature\":0.2,\"top_p\":0.9,\"stop\":\"END\","
                        + "\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi \"},{\"type\":\"text\",\"text\":\"there\"}]}]}");

        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.chat().model()).isEqualTo("sim");
        assertThat(request.chat().maxTokens()).isEqualTo(50);
        assertThat(request.chat().temperature()).isEqualTo(0.2);
        assertThat(request.chat().stop()).containsExactly("END");
        assertThat(request.chat().messages()).hasSize(2);
        assertThat(request.chat().messages().get(1).content()).isEqualTo("hi there");
    }

    @Test
    void maxCompletionTokensWinsOverMaxTokens() {
        var request = parse("{\"model\":\"sim\",\"max_tokens\":5,\"max_completion_tokens\":9,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(request.chat().maxTokens()).isEqualTo(9);
    }

    @Test
    void refusesWhatCannotBeServed() {
        assertThatThrownBy(() -> parse("{\"model\":\"sim\"}"))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).type())
                .isEqualTo("missing-messages");
        assertThatThrownBy(() -> parse("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"))
                .hasMessageContaining("'model'");
        assertThatThrownBy(() -> parse("{\"model\":\"sim\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}"))
                .hasMessageContaining("role");
        assertThatThrownBy(() -> parse("{\"model\":\"sim\",\"messages\":[\"x\"]}"))
                .hasMessageContaining("messages[0]");
        assertThatThrownBy(() -> parse(
                        "{\"model\":\"sim\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"))
                .hasMessageContaining("max_tokens");
        assertThatThrownBy(
                        () -> parse(
                                "{\"model\":\"sim\",\"temperature\":\"hot\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"))
                .hasMessageContaining("temperature");
    }
}
