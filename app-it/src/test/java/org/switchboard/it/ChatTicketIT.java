package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stream URL of a chat answer works for a browser's plain {@code EventSource}, which sends no
 * {@code Authorization} header: its ticket opens that run's event stream, resumable with {@code Last-Event-ID}, and
 * nothing else: not another run's stream, not the run itself, not any other endpoint. A tampered ticket opens
 * nothing; the bearer header keeps working; the ticket never reaches the server log.
 */
class ChatTicketIT extends SwitchboardDeployment {
    private static final String TENANT = "ticket-it-" + Long.toString(System.currentTimeMillis(), 36);

    @Test
    void theStreamUrlOpensAndResumesTheRunsEventsWithoutAnAuthorizationHeader() {
        String token = TestStack.token(TENANT, "lea", "user");
        String chatId = ChatApi.create(token, "stream").getString("id");
        JsonObject turn = ChatApi.sent(token, chatId, ChatApi.message("sim", "stream me"));
        String url = turn.getString("stream_url");

        List<SseClient.Event> all;
        try (SseClient stream = browser(url, null)) {
            assertThat(stream.response.statusCode()).isEqualTo(200);
            all = stream.rest();
        }
        assertThat(all.get(all.size() - 1).type()).isEqualTo("done");
        String runId = turn.getString("run_id");
        assertThat(Runs.text(all)).isEqualTo(Runs.get(runId, token).getString("output"));

        List<SseClient.Event> resumed;
        try (SseClient stream = browser(url, "5")) {
            resumed = stream.rest();
        }
        assertThat(resumed.get(0).id()).isEqualTo(6);
        assertThat(resumed)
                .extracting(SseClient.Event::data)
                .containsExactlyElementsOf(all.subList(5, all.size()).stream()
                        .map(SseClient.Event::data)
                        .toList());
        try (SseClient bearer = SseClient.events(runId, token, null)) {
            assertThat(bearer.response.statusCode()).isEqualTo(200);
            assertThat(Runs.text(bearer.rest())).isEqualTo(Runs.text(all));
        }
    }

    @Test
    void aTicketOpensNoOtherRunAndNothingElse() throws Exception {
        String token = TestStack.token(TENANT, "max", "user");
        String chatId = ChatApi.create(token, "one").getString("id");
        JsonObject turn = ChatApi.sent(token, chatId, ChatApi.message("sim-fast", "mine"));
        String runId = turn.getString("run_id");
        String ticket = turn.getString("stream_url")
                .substring(turn.getString("stream_url").indexOf("ticket=") + 7);
        String otherRun = Runs.start(token, "another run");

        assertThat(status("/api/v1/runs/" + otherRun + "/events?ticket=" + ticket, "GET"))
                .isEqualTo(401);
        assertThat(status("/api/v1/runs/" + runId + "?ticket=" + ticket, "GET")).isEqualTo(401);
        assertThat(status("/api/v1/runs/" + runId + "/cancel?ticket=" + ticket, "POST"))
                .isEqualTo(401);
        assertThat(status("/api/v1/chats?ticket=" + ticket, "GET")).isEqualTo(401);
        assertThat(status("/api/v1/chats/" + chatId + "?ticket=" + ticket, "GET"))
                .isEqualTo(401);
        assertThat(status("/v1/models?ticket=" + ticket, "GET")).isEqualTo(401);
        String forged = ticket.substring(0, ticket.length() - 2) + (ticket.endsWith("AA") ? "BB" : "AA");
        assertThat(status("/api/v1/runs/" + runId + "/events?ticket=" + forged, "GET"))
                .isEqualTo(401);
        String[] fields = ticket.split("\\.");
        fields[5] = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("someone-else".getBytes());
        assertThat(status("/api/v1/runs/" + runId + "/events?ticket=" + String.join(".", fields), "GET"))
                .isEqualTo(401);
        assertThat(status("/api/v1/runs/" + runId + "/events?ticket=" + ticket, "GET"))
                .isEqualTo(200);

        Path log = Asadmin.DOMAIN.resolve("logs/server.log");
        if (Files.exists(log)) {
            assertThat(Files.readString(log)).doesNotContain(ticket).doesNotContain(token);
        }
    }

    private static SseClient browser(String url, String lastEventId) {
        HttpRequest.Builder request = Api.request(url, null).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return SseClient.open(request.GET().build());
    }

    private static int status(String path, String method) {
        HttpResponse<String> response = Api.send(Api.request(path, null)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
        return response.statusCode();
    }
}
