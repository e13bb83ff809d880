package org.switchboard.core.runs.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;

class RequestCodecTest {
    @Test
    void aStoredRequestDecodesToTheSameRequest() {
        var request = new ChatRequest(
                "sim",
                List.of(new ChatMessage("system", "be brief"), new ChatMessage("user", "hi \"you\"")),
                50,
                0.2,
                0.9,
                List.of("END"),
                Map.of("simulator.tokens", "3"));

        assertThat(RequestCodec.decode(RequestCodec.encode(request))).isEqualTo(request);
    }

    @Test
    void optionalFieldsStayOptional() {
        var request = new ChatRequest("sim", List.of(new ChatMessage("user", "x")), null, null, null, null, null);

        String stored = RequestCodec.encode(request);
        assertThat(stored).doesNotContain("stop", "max_tokens", "temperature", "top_p");
        assertThat(RequestCodec.decode(stored)).isEqualTo(request);
    }
}
