package org.switchboard.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for an asynchronous outcome, failing with a message when it does not come in time. */
final class Eventually {
    private Eventually() {}

    static void within(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
