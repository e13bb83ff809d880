package org.switchboard.core.providers.control;

/** A generation in flight. Cancelling stops the upstream call; no callback follows a cancel. */
@FunctionalInterface
public interface Generation {
    void cancel();
}
