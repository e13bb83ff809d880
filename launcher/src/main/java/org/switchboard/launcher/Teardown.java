package org.switchboard.launcher;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the run has started, stopped in reverse order exactly once: by the JVM shutdown hook (Ctrl-C,
 * {@code ./switchboard stop}) or after a failed start. Payara stops before the database it uses. A stop that
 * arrives while something is starting waits for it, so that it is stopped too rather than left behind.
 */
final class Teardown implements Runnable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Step> steps = new ArrayDeque<>();
    private volatile boolean stopping;

    private record Step(String name, Action action) {}

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** Held while something starts and its stop is added; once stopping has begun, nothing starts. */
    interface Starting extends AutoCloseable {
        @Override
        void close();
    }

    Starting starting() {
        lock.lock();
        if (stopping) {
            lock.unlock();
            throw new LaunchFailed("Stopping: nothing more starts");
        }
        return lock::unlock;
    }

    /** True once a stop has begun: a start step failing now fails because of it. */
    boolean stopping() {
        return stopping;
    }

    void add(String name, Action action) {
        lock.lock();
        try {
            steps.push(new Step(name, action));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() {
        lock.lock();
        try {
            stopping = true;
            while (!steps.isEmpty()) {
                stop(steps.pop());
            }
        } finally {
            lock.unlock();
        }
        System.out.flush();
    }

    private static void stop(Step step) {
        System.out.println("Stopping " + step.name() + " …");
        try {
            step.action().run();
        } catch (Exception e) {
            System.err.println("Could not stop " + step.name() + ": " + e.getMessage());
        }
    }
}
