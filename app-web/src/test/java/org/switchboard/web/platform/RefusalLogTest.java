package org.switchboard.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalLogTest {
    @Test
    void namesTheProblemTypeOfAProblemBody() {
        String body = Problems.body(400, "malformed-json", "Invalid request", "bad", "42")
                .toString();
        assertThat(RefusalLog.type(body)).isEqualTo("malformed-json");
    }

    @Test
    void namesNothingForAnythingElse() {
        assertThat(RefusalLog.type(null)).isEqualTo("-");
        assertThat(RefusalLog.type("{\"id\":1}")).isEqualTo("-");
    }
}
