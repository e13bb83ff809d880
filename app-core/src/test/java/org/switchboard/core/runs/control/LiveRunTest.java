package org.switchboard.core.runs.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.runs.entity.EventType;
import org.switchboard.core.runs.entity.LogEntry;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunSubscription;

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
        RunSubscription subscription = run.subscribe(0, seen::add);
        publish(EventType.RUN);
        subscription.close();
        publish(EventType.DONE);

        assertThat(seen).hasSize(1);
        assertThat(run.terminal()).isDone();
    }

    @Test
    void anUrgentEventTakesTheFastLaneOnlyOnceEveryEarlierEventIsDurableAndTheNextOnesFollowItThere() {
        LogEntry started = run.next(EventType.RUN, "{}");
        assertThat(run.takesFastLane(started, true)).isTrue();
        LogEntry first = run.next(EventType.DELTA, "{}");
        assertThat(run.takesFastLane(first, false))
                .as("seq 1 is still on its way on the fast lane: seq 2 must not overtake it")
                .isTrue();
        run.committed(started);
        run.committed(first);
        LogEntry second = run.next(EventType.DELTA, "{}");
        assertThat(run.takesFastLane(second, false)).isFalse();
        LogEntry usage = run.next(EventType.USAGE, "{}");
        assertThat(run.takesFastLane(usage, true))
                .as("seq 3 is on its way in a group commit: seq 4 must not overtake it")
                .isFalse();
        run.committed(second);
        run.committed(usage);
        assertThat(run.takesFastLane(run.next(EventType.DONE, "{}"), true)).isTrue();
    }

    @Test
    void durableEventsArePublishedInSeqOrderExactlyOnceWhicheverLaneAsksFirst() {
        List<Integer> seen = new ArrayList<>();
        run.subscribe(0, entry -> seen.add(entry.seq()));
        LogEntry started = run.next(EventType.RUN, "{}");
        LogEntry first = run.next(EventType.DELTA, "{}");
        run.committed(started);
        run.committed(first);

        run.publishCommitted(); // the lane that committed seq 2
        run.publishCommitted(); // the publisher of seq 1's group commit, later
        LogEntry done = run.next(EventType.DONE, "{}");
        run.committed(done);
        run.publishCommitted();

        assertThat(seen).containsExactly(1, 2, 3);
        assertThat(run.terminal()).isCompletedWithValue(done);
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
