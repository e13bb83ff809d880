package org.switchboard.core.runs.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.switchboard.core.providers.entity.Usage;
import org.switchboard.core.runs.entity.EventType;
import org.switchboard.core.runs.entity.Run;
import org.switchboard.core.runs.entity.RunStatus;
import org.switchboard.core.runs.entity.TimedEvent;

class LogCodecTest {
    private static final String PROSE = "Compaction keeps a finished run's log in one row: the events, their seqs and"
            + " the moments they became durable, deflated together, so that a replay after the end returns exactly"
            + " what a reader following the run live received, while the database keeps a fraction of the bytes it"
            + " needed for one row per event and per token of the answer, and the retention purge still removes it";

    /** A finished streamed run as the engine logs it: run, {@code tokens} deltas 10 ms apart, usage, done. */
    private static List<TimedEvent> streamedRun(int tokens, IntFunction<String> token, long seed) {
        Random random = new Random(seed);
        Run run = Run.queued(7_391_245_567_123_456L, "demo", "alice", "bench-model", "{}", null);
        Instant at = Instant.parse("2026-12-06T23:12:01.123456Z");
        List<TimedEvent> events = new ArrayList<>();
        events.add(new TimedEvent(1, EventType.RUN, EventData.run(run), at));
        for (int i = 0; i < tokens; i++) {
            at = at.plusNanos((10_000 + random.nextInt(2_000) - 1_000) * 1000L);
            events.add(new TimedEvent(i + 2, EventType.DELTA, EventData.delta(token.apply(i)), at));
        }
        Usage usage = new Usage(8, tokens, false, null);
        events.add(new TimedEvent(tokens + 2, EventType.USAGE, EventData.usage(usage), at.plusNanos(313_000)));
        events.add(new TimedEvent(tokens + 3, EventType.DONE, EventData.done(usage), at.plusNanos(313_000)));
        return events;
    }

    private static String proseToken(int i) {
        String[] words = PROSE.split(" ");
        return (i == 0 ? "" : " ") + words[i % words.length];
    }

    @Test
    void aCompactedLogDecodesToTheSameEventsSeqsDataAndMoments() {
        List<TimedEvent> events = streamedRun(64, LogCodecTest::proseToken, 1);

        assertThat(LogCodec.decode(LogCodec.encode(events))).containsExactlyElementsOf(events);
    }

    @Test
    void anythingTheLogHoldsComesBackAsItWas() {
        Instant at = Instant.parse("2026-12-06T23:59:59.999999Z");
        List<TimedEvent> events = List.of(
                new TimedEvent(3, EventType.RUN, "{\"id\":\"1\"}", at),
                // a moment earlier than the one before (two connections' clocks), and a gap in the seqs
                new TimedEvent(4, EventType.DELTA, "{\"text\":\"é \\\"quoted\\\" 🚀 \\n\"}", at.minusNanos(5_000)),
                new TimedEvent(9, EventType.DELTA, "{\"text\":\"\"}", at.plusSeconds(86_400)),
                new TimedEvent(10, EventType.DELTA, "{\"other\":1}", at.plusSeconds(86_400)),
                new TimedEvent(11, EventType.DELTA, "", at.plusSeconds(86_401)),
                new TimedEvent(12, EventType.DELTA, "{\"text\":}", Instant.EPOCH.minusNanos(1_000)),
                new TimedEvent(
                        13,
                        EventType.ERROR,
                        EventData.error("deadline-exceeded", "Deadline", "too slow", RunStatus.FAILED),
                        at));

        assertThat(LogCodec.decode(LogCodec.encode(events))).containsExactlyElementsOf(events);
    }

    @Test
    void aMomentFinerThanAMicrosecondIsRefusedRatherThanRounded() {
        List<TimedEvent> events = List.of(new TimedEvent(1, EventType.RUN, "{}", Instant.EPOCH.plusNanos(1)));

        assertThatThrownBy(() -> LogCodec.encode(events)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBodyOfAnotherVersionIsRefused() {
        byte[] body = LogCodec.encode(streamedRun(2, LogCodecTest::proseToken, 1));
        body[0] = 99;

        assertThatThrownBy(() -> LogCodec.decode(body)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The measured size of a 64-token run's compact log (issue 17's storage target is 2 KB per request for the run
     * row, the log and the audit row together): prose tokens and the benchmark mock's {@code " tok<i>"}.
     */
    @Test
    void aSixtyFourTokenRunCompactsToFewHundredBytes() {
        List<TimedEvent> prose = streamedRun(64, LogCodecTest::proseToken, 2);
        List<TimedEvent> mock = streamedRun(64, i -> " tok" + i, 3);
        int proseJson = prose.stream().mapToInt(e -> e.data().length()).sum();

        int proseBody = LogCodec.encode(prose).length;
        int mockBody = LogCodec.encode(mock).length;
        System.out.printf(
                "64-token run: prose %d bytes of event JSON -> %d bytes compacted; mock tokens -> %d bytes%n",
                proseJson, proseBody, mockBody);

        assertThat(proseBody).isLessThan(700);
        assertThat(mockBody).isLessThan(500);
    }
}
