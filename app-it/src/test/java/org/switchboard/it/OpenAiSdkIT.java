package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.Model;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK, pointed at Switchboard with a staff JWT as its API key, works unchanged. */
class OpenAiSdkIT extends SwitchboardDeployment {
    private final String token = TestStack.token("demo", "sdk-user", "user");
    private final OpenAIClient client = OpenAIOkHttpClient.builder()
            .baseUrl(Api.uri("/v1").toString())
            .apiKey(token)
            .maxRetries(0)
            .build();

    private ChatCompletionCreateParams params(String prompt) {
        return ChatCompletionCreateParams.builder()
                .model("sim-fast")
                .addUserMessage(prompt)
                .build();
    }

    @Test
    void listsTheSimulatorModels() {
        List<String> ids = client.models().list().data().stream().map(Model::id).toList();
        assertThat(ids).contains("sim", "sim-fast", "sim-slow");
    }

    @Test
    void embeddingsComeFromTheRoutedTargetDeterministically() {
        var params = com.openai.models.embeddings.EmbeddingCreateParams.builder()
                .model("sim")
                .input("embed these words")
                .build();
        var first = client.embeddings().create(params);
        var second = client.embeddings().create(params);

        assertThat(first.model()).isEqualTo("sim");
        assertThat(first.data()).hasSize(1);
        List<Float> vector = first.data().get(0).embedding();
        assertThat(vector).hasSize(8);
        assertThat(second.data().get(0).embedding()).isEqualTo(vector);
        double norm = Math.sqrt(vector.stream().mapToDouble(v -> v * v).sum());
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(first.usage().promptTokens()).isEqualTo(3);
    }

    @Test
    void nonStreamingChatReturnsTheCompletionAndRecordsTheRun() {
        ChatCompletion completion = client.chat().completions().create(params("Tell me about runs"));

        String content = completion.choices().get(0).message().content().orElseThrow();
        assertThat(content).isNotBlank();
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(24);

        String runId = completion.id().replace("chatcmpl-", "");
        JsonObject run = Api.json(Api.get("/api/v1/runs/" + runId, token).body());
        assertThat(run.getString("id")).isEqualTo(runId);
        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getString("output")).isEqualTo(content);
        assertThat(run.getString("owner")).isEqualTo("sdk-user");
    }

    @Test
    void streamingChatDeliversTheSameTextAsNonStreaming() {
        String prompt = "Stream the same answer";
        String expected = client.chat()
                .completions()
                .create(params(prompt))
                .choices()
                .get(0)
                .message()
                .content()
                .orElseThrow();

        String streamed;
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(params(prompt))) {
            streamed = stream.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .map(choice -> choice.delta().content().orElse(""))
                    .collect(Collectors.joining());
        }
        assertThat(streamed).isEqualTo(expected);
    }
}
