package org.switchboard.web.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatRequestJsonTest {
    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]";

    private static JsonObject json(String members) {
        return Json.createReader(new StringReader("{\"model\":\"sim\"," + members + "}"))
                .readObject();
    }

    @ParameterizedTest(name = "{0} is refused, naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"temperature\":99                   | temperature",
                "\"temperature\":-0.1                 | temperature",
                "\"temperature\":\"hot\"              | temperature",
                "\"temperature\":1e999                | temperature",
                "\"top_p\":1.5                        | top_p",
                "\"top_p\":[]                         | top_p",
                "\"max_tokens\":0                     | max_tokens",
                "\"max_tokens\":1.5                   | max_tokens",
                "\"max_tokens\":99999999999999999999  | max_tokens",
                "\"max_completion_tokens\":-3         | max_completion_tokens",
                "\"stop\":[1]                         | stop[0]",
                "\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"] | stop",
                "\"stop\":{}                          | stop",
                "\"stop\":7                           | stop",
                "\"upstream_conversation_id\":5       | upstream_conversation_id",
            })
    void refusesAnOutOfRangeOrMistypedParameterNamingIt(String member, String field) {
        assertThatThrownBy(() -> ChatRequestJson.parse(json(member + "," + MESSAGES), Map.of()))
                .isInstanceOfSatisfying(InvalidField.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.type()).isEqualTo("invalid-request");
                    assertThat(e.getMessage()).contains(field);
                });
    }

    @ParameterizedTest(name = "{0} is refused, naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"messages\":[]                                    | messages",
                "\"messages\":\"hi\"                                | messages",
                "\"messages\":[1]                                   | messages[0]",
                "\"messages\":[{\"content\":\"x\"}]                 | messages[0].role",
                "\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}] | messages[0].role",
                "\"messages\":[{\"role\":7,\"content\":\"x\"}]      | messages[0].role",
                "\"messages\":[{\"role\":\"user\",\"content\":5}]   | messages[0].content",
            })
    void refusesBadMessagesNamingTheField(String member, String field) {
        assertThatThrownBy(() -> ChatRequestJson.parse(json(member), Map.of()))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest(name = "{0} is accepted")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"temperature\":0,\"top_p\":1,\"max_tokens\":1",
                "\"temperature\":2,\"top_p\":0",
                "\"temperature\":null,\"top_p\":null,\"max_tokens\":null,\"stop\":null",
                "\"stop\":[\"a\",\"b\",\"c\",\"d\"]",
                "\"stop\":\"END\"",
            })
    void acceptsTheEdgesOfOpenAisRanges(String members) {
        assertThat(ChatRequestJson.parse(json(members + "," + MESSAGES), Map.of())
                        .model())
                .isEqualTo("sim");
    }

    @ParameterizedTest(name = "every known role: {0}")
    @CsvSource({"system", "developer", "user", "assistant", "tool"})
    void acceptsEveryKnownRole(String role) {
        var chat =
                ChatRequestJson.parse(json("\"messages\":[{\"role\":\"" + role + "\",\"content\":\"x\"}]"), Map.of());
        assertThat(chat.messages().get(0).role()).isEqualTo(role);
    }

    @ParameterizedTest(name = "stream {0}")
    @CsvSource(
            delimiter = '|',
            value = {"\"yes\"", "1", "\"true\"", "{}"})
    void streamMustBeABoolean(String value) {
        assertThatThrownBy(() -> ChatRequestJson.optionalBoolean(json("\"stream\":" + value), "stream", "stream"))
                .isInstanceOfSatisfying(
                        InvalidField.class, e -> assertThat(e.field()).isEqualTo("stream"));
    }
}
