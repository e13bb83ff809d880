package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Readiness follows the database: down while it is unreachable, up again when it is back. Runs last. */
@Order(Integer.MAX_VALUE)
class ReadinessIT extends SwitchboardDeployment {
    private static HttpResponse<String> ready() {
        return Api.send(Api.request("/health/ready", null).GET().build());
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachable() throws Exception {
        assertThat(ready().statusCode()).isEqualTo(200);
        assertThat(Api.send(Api.request("/health/live", null).GET().build()).statusCode())
                .isEqualTo(200);

        TestStack.stopDatabase();
        try {
            Eventually.within(Duration.ofSeconds(30), "readiness DOWN", () -> ready().statusCode() == 503);
            assertThat(ready().body()).contains("\"status\":\"DOWN\"");
            // Liveness does not follow the database: restarting the app would not bring it back.
            assertThat(Api.send(Api.request("/health/live", null).GET().build()).statusCode())
                    .isEqualTo(200);
        } finally {
            TestStack.startDatabase();
        }
        Eventually.within(Duration.ofSeconds(60), "readiness UP again", () -> ready().statusCode() == 200);
    }
}
