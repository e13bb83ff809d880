package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** After the retention period (15 s in this suite) a run answers 410 Gone on every endpoint. */
class RetentionIT extends SwitchboardDeployment {
    @Test
    void aRunPastItsRetentionIsGone() {
        String token = TestStack.token("demo", "retention-user", "user");
        String runId = Runs.start(token, "forget me", "X-Simulator-Tokens", "2", "X-Simulator-Delay-Ms", "0");
        Eventually.within(Duration.ofSeconds(10), "the run to end", () -> Runs.get(runId, token)
                .getString("status")
                .equals("completed"));

        Eventually.within(
                Duration.ofSeconds(40),
                "410 Gone",
                () -> Api.get("/api/v1/runs/" + runId, token).statusCode() == 410);
        Problems.assertProblem(Api.get("/api/v1/runs/" + runId, token), 410, "run-expired");
        Problems.assertProblem(Api.get("/api/v1/runs/" + runId + "/events", token), 410, "run-expired");
        // Still another tenant's business: not even its expiry is visible to them.
        Problems.assertProblem(
                Api.get("/api/v1/runs/" + runId, TestStack.token("globex", "retention-user", "user")),
                404,
                "run-not-found");
        assertThat(runId).isNotBlank();
    }
}
