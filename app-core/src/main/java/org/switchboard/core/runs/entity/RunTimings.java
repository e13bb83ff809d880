package org.switchboard.core.runs.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A run's timings as its log recorded them: time to the first {@code delta}, the longest and mean gap between
 * deltas, and the total from creation to the terminal event. A null duration was not reached (no delta yet, not
 * ended).
 */
public record RunTimings(Duration firstToken, Duration longestGap, Duration meanGap, int deltas, Duration total) {

    public static RunTimings of(Instant created, List<TimedEvent> events) {
        List<Instant> deltas = events.stream()
                .filter(event -> event.type() == EventType.DELTA)
                .map(TimedEvent::at)
                .toList();
        Instant ended = events.stream()
                .filter(event -> event.type().isTerminal())
                .map(TimedEvent::at)
                .findFirst()
                .orElse(null);
        Duration longest = null;
        for (int i = 1; i < deltas.size(); i++) {
            Duration gap = Duration.between(deltas.get(i - 1), deltas.get(i));
            longest = longest == null || gap.compareTo(longest) > 0 ? gap : longest;
        }
        Duration mean = deltas.size() < 2
                ? null
                : Duration.between(deltas.get(0), deltas.get(deltas.size() - 1)).dividedBy(deltas.size() - 1);
        return new RunTimings(
                deltas.isEmpty() ? null : Duration.between(created, deltas.get(0)),
                longest,
                mean,
                deltas.size(),
                ended == null ? null : Duration.between(created, ended));
    }
}
