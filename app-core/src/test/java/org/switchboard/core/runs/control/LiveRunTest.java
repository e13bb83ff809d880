package org.switchboard.core.runs.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.runs.entity.EventType;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.Run;

class LiveRunTest {
    private final LiveRun run = new LiveRun(Run.queued(7, "t", "u", "sim", "{}", null));

    private void publish(EventType type) {
        run.publish(run.next(type, "{}"));
    }

    @Test
    void seqsStartAtOneWithoutGaps() {
        assertThat(run.next(EventType.RUN, "{}").seq()).isEqualTo(1);
        assertThat(run.next(EventType.DELTA, "{}").seq()).isEqualTo(2);
    }

    @Test
    void aLateSubscriberGetsTheEventsAfterItsCursorThenLiveOnesExactlyOnce() {
        publish(EventType.RUN);
        publish(EventType.DELTA);
        publish(EventType.DELTA);
        List<Integer> seen = new ArrayList<>();

        run.subscribe(1, entry -> seen.add(entry.seq()));
        publish(EventType.DELTA);
        publish(EventType.DONE);

        assertThat(seen).containsExactly(2, 3, 4, 5);
        assertThat(run.terminal()).isCompletedWithValueMatching(entry -> entry.seq() == 5);
    }

    @Test
    void aClosedSubscriptionGetsNothingMoreButTheRunGoesOn() {
        List<LogEntry> seen = new ArrayList<>();
        LiveRun.Subscription subscription = run.subscribe(0, seen::add);
        publish(EventType.RUN);
        subscription.close();
        publish(EventType.DONE);

        assertThat(seen).hasSize(1);
        assertThat(run.terminal()).isDone();
    }

    @Test
    void subscribingAfterTheEndReplaysEverything() {
        publish(EventType.RUN);
        publish(EventType.DONE);
        List<Integer> seen = new ArrayList<>();

        run.subscribe(0, entry -> seen.add(entry.seq()));

        assertThat(seen).containsExactly(1, 2);
    }
}
