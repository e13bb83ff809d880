package org.switchboard.core.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.switchboard.core.providers.control.Adapters;
import org.switchboard.core.providers.control.Generation;
import org.switchboard.core.providers.control.GenerationListener;
import org.switchboard.core.providers.control.Upstream;
import org.switchboard.core.providers.entity.ChatMessage;
import org.switchboard.core.providers.entity.ChatRequest;
import org.switchboard.core.providers.entity.ProviderFailure;
import org.switchboard.core.providers.entity.Usage;
import org.switchboard.core.routing.entity.ConnectionTest;
import org.switchboard.core.routing.entity.Provider;
import org.switchboard.core.routing.entity.ProviderKey;

/**
 * Tests a provider the way routing would call it: one chat call asking for one token ({@code max_tokens} 1), with
 * the provider's first active key, straight to the adapter (no retry, no fallback, no breaker booking). The call
 * is stopped at its first token; it gives up after {@value #TIMEOUT_SECONDS} s.
 */
@ApplicationScoped
public class ConnectionProbe {
    static final int TIMEOUT_SECONDS = 20;

    @Inject
    Adapters adapters;

    @Inject
    KeySealing sealing;

    public CompletableFuture<ConnectionTest> test(Provider provider, List<ProviderKey> keys, String model) {
        String key = keys.stream()
                .filter(k -> ProviderKey.ACTIVE.equals(k.status()))
                .findFirst()
                .map(sealing::open)
                .orElse(null);
        Upstream upstream =
                new Upstream(provider.baseUrl() == null ? "" : provider.baseUrl(), key, model, provider.settings());
        ChatRequest ping = new ChatRequest(model, List.of(new ChatMessage("user", "ping")), 1, null, null, null, null);
        CompletableFuture<ConnectionTest> outcome = new CompletableFuture<>();
        long started = System.nanoTime();
        AtomicReference<Generation> call = new AtomicReference<>();
        GenerationListener listener = new GenerationListener() {
            @Override
            public void onDelta(String text) {
                if (outcome.complete(new ConnectionTest(true, model, millisSince(started), null, "answered"))) {
                    Generation running = call.get();
                    if (running != null) {
                        running.cancel();
                    }
                }
            }

            @Override
            public void onUsage(Usage usage) {}

            @Override
            public void onComplete() {
                outcome.complete(new ConnectionTest(true, model, millisSince(started), null, "answered"));
            }

            @Override
            public void onError(ProviderFailure failure) {
                String detail =
                        key == null ? failure.detail() : failure.detail().replace(key, "[key]");
                outcome.complete(new ConnectionTest(false, model, millisSince(started), failure.type(), detail));
            }
        };
        try {
            call.set(adapters.forKind(provider.kind()).orElseThrow().generate(upstream, ping, listener));
        } catch (RuntimeException e) {
            outcome.complete(new ConnectionTest(
                    false,
                    model,
                    millisSince(started),
                    "provider-error",
                    "The call could not start: " + e.getMessage()));
        }
        ConnectionTest timedOut = new ConnectionTest(
                false,
                model,
                TIMEOUT_SECONDS * 1000L,
                "upstream-timeout",
                "No answer within " + TIMEOUT_SECONDS + " s");
        return outcome.completeOnTimeout(timedOut, TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .thenApply(result -> {
                    if (result == timedOut && call.get() != null) {
                        call.get().cancel();
                    }
                    return result;
                });
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
