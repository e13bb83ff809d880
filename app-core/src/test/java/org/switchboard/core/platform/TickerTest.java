package org.switchboard.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TickerTest {
    private static final Duration PERIOD = Duration.ofMillis(20);

    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
    private final Ticker ticker = new Ticker();

    @BeforeEach
    void container() {
        // the container's executor, for the ScheduledExecutorService methods the ticker uses
        ticker.scheduler = (ManagedScheduledExecutorService) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class},
                (proxy, m, args) -> {
                    try {
                        return m.invoke(executor, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void schemaReady() {
        ticker.schemaReady(new SchemaReady());
    }

    @Test
    void ticksWaitForTheSchema() throws InterruptedException {
        var ticks = new AtomicInteger();
        ticker.every("Sweep", PERIOD, ticks::incrementAndGet);

        Thread.sleep(PERIOD.multipliedBy(10).toMillis()); // a negative assertion: nothing may happen in this time
        assertThat(ticks).as("ticks before the schema is there").hasValue(0);

        schemaReady();
        await("a tick").atMost(Duration.ofSeconds(5)).until(() -> ticks.get() >= 1);
    }

    @Test
    void aRetryRunsBeforeTheSchemaAndEndsOnceItSucceeds() throws InterruptedException {
        var attempts = new AtomicInteger();
        var retries = ticker.retry("Migration", PERIOD, () -> attempts.incrementAndGet() == 3);

        await("the retries to end").atMost(Duration.ofSeconds(5)).until(retries::isCancelled);
        Thread.sleep(PERIOD.multipliedBy(5).toMillis()); // a negative assertion: nothing may happen in this time
        assertThat(attempts).hasValue(3);
    }

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    @Test
    void aTickThatThrowsKeepsItsSchedule() {
        schemaReady();
        var ticks = new AtomicInteger();
        ticker.every("Failing tick", PERIOD, () -> {
            ticks.incrementAndGet();
            throw new IllegalStateException("the database is down");
        });

        await("three ticks").atMost(Duration.ofSeconds(5)).until(() -> ticks.get() >= 3);
    }

    @Test
    void aTickNeverOverlapsItself() {
        schemaReady();
        var running = new AtomicInteger();
        var overlapped = new AtomicInteger();
        var ticks = new AtomicInteger();
        ticker.every("Slow tick", Duration.ofMillis(1), () -> {
            if (running.incrementAndGet() > 1) {
                overlapped.incrementAndGet();
            }
            sleep(10);
            running.decrementAndGet();
            ticks.incrementAndGet();
        });

        await("five ticks").atMost(Duration.ofSeconds(5)).until(() -> ticks.get() >= 5);
        assertThat(overlapped).hasValue(0);
    }

    @Test
    void stoppingWaitsForTheTickInProgressAndStartsNoOther() throws Exception {
        schemaReady();
        var ticks = new AtomicInteger();
        var inTick = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        ticker.every("Blocking tick", PERIOD, () -> {
            ticks.incrementAndGet();
            inTick.countDown();
            awaitQuietly(release);
        });
        assertThat(inTick.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(ticker::stop);
        Thread.sleep(200); // a negative assertion: stop may not return while the tick runs
        assertThat(stopped).as("stop, while a tick runs").isNotDone();
        release.countDown();
        stopped.get(5, TimeUnit.SECONDS);

        int afterStop = ticks.get();
        Thread.sleep(PERIOD.multipliedBy(10).toMillis()); // a negative assertion: nothing may happen in this time
        assertThat(ticks).hasValue(afterStop);
        assertThat(afterStop).isEqualTo(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
