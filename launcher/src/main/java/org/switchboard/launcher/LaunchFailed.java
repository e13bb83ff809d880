package org.switchboard.launcher;

/** A step of the embedded run did not succeed; the message says what to look at, for a person to read. */
final class LaunchFailed extends RuntimeException {
    LaunchFailed(String message) {
        super(message);
    }

    LaunchFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
