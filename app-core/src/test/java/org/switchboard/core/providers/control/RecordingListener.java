package org.switchboard.core.providers.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;

/** Records a generation's callbacks, in order, as short strings; {@link #awaitEnd()} waits for the terminal one. */
class RecordingListener implements GenerationListener {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile ProviderFailure failure;
    volatile Usage usage;
    private final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public void onDelta(String text) {
        calls.add("delta:" + text);
    }

    @Override
    public void onUsage(Usage usage) {
        this.usage = usage;
        calls.add("usage:" + usage.inputTokens() + "/" + usage.outputTokens());
    }

    @Override
    public void onComplete() {
        calls.add("complete");
        ended.countDown();
    }

    @Override
    public void onError(ProviderFailure failure) {
        this.failure = failure;
        calls.add("error:" + failure.type());
        ended.countDown();
    }

    @Override
    public void onConversation(String upstreamConversationId) {
        calls.add("conversation:" + upstreamConversationId);
    }

    /** Waits (at most 10 s) for onComplete or onError and returns the calls. */
    List<String> awaitEnd() {
        try {
            assertThat(ended.await(10, TimeUnit.SECONDS))
                    .as("the generation ended; calls so far: %s", calls)
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return calls;
    }

    /** The text of every delta, concatenated. */
    String text() {
        StringBuilder text = new StringBuilder();
        calls.stream().filter(c -> c.startsWith("delta:")).forEach(c -> text.append(c.substring(6)));
        return text.toString();
    }
}
