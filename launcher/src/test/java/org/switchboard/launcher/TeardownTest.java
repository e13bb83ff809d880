package org.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TeardownTest {
    private final List<String> stopped = new ArrayList<>();
    private final Teardown teardown = new Teardown();

    @Test
    void stopsInReverseOrderOfStartingAndOnlyOnce() {
        teardown.add("MariaDB", () -> stopped.add("MariaDB"));
        teardown.add("Payara Server", () -> stopped.add("Payara Server"));

        teardown.run();
        teardown.run();

        assertThat(stopped).containsExactly("Payara Server", "MariaDB");
    }

    @Test
    void aStopDuringAStartWaitsForItAndStopsWhatItStarted() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Thread main = new Thread(() -> {
            try (var starting = teardown.starting()) {
                started.countDown();
                Thread.sleep(300); // MariaDB takes seconds to start
                teardown.add("MariaDB", () -> stopped.add("MariaDB"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        main.start();
        started.await();

        teardown.run();

        assertThat(stopped).containsExactly("MariaDB");
        assertThatThrownBy(teardown::starting).isInstanceOf(LaunchFailed.class);
        main.join();
    }

    @Test
    void stopsTheRestWhenOneStepFails() {
        teardown.add("MariaDB", () -> stopped.add("MariaDB"));
        teardown.add("Payara Server", () -> {
            throw new IllegalStateException("asadmin timed out");
        });

        teardown.run();

        assertThat(stopped).containsExactly("MariaDB");
    }
}
