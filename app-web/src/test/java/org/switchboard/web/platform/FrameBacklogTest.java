package org.switchboard.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameBacklogTest {
    private static byte[] frame(int size) {
        return "x".repeat(size).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void joinsWaitingFramesInOrderUpTo64KiBPerWrite() {
        FrameBacklog backlog = new FrameBacklog();
        backlog.add("a".getBytes(StandardCharsets.UTF_8));
        backlog.add("b".getBytes(StandardCharsets.UTF_8));
        backlog.add(frame(64 * 1024));

        assertThat(new String(backlog.take(), StandardCharsets.UTF_8)).isEqualTo("ab");
        assertThat(backlog.take()).hasSize(64 * 1024);
        assertThat(backlog.isEmpty()).isTrue();
        assertThat(backlog.bytes()).isZero();
    }

    @Test
    void aReplayIsAllowedOnTopOfTheLimitUntilItHasGoneOut() {
        FrameBacklog backlog = new FrameBacklog();
        backlog.add(frame(1000));
        backlog.markReplay();
        backlog.add(frame(100));

        assertThat(backlog.exceeds(200)).isFalse();
        assertThat(backlog.exceeds(50)).isTrue();

        backlog.take(); // the replay and the live frame go out together
        backlog.add(frame(300));
        assertThat(backlog.exceeds(200)).isTrue();
    }
}
