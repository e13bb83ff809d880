package org.switchboard.core.runs.entity;

/** A {@link RunSubscriber}'s hold on one run's events; closing it detaches the subscriber, and the run goes on. */
@FunctionalInterface
public interface RunSubscription extends AutoCloseable {
    @Override
    void close();
}
