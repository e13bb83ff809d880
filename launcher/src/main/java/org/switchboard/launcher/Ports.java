package org.switchboard.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Checks that a port is free before a server is started on it, so a clash gets a clear message. */
final class Ports {
    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private Ports() {}

    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireFree(int port, String what) {
        if (inUse(port)) {
            throw new LaunchFailed("Port " + port + " is already in use by another process; " + what
                    + " needs it. Stop that process (or ./switchboard stop) and try again.");
        }
    }
}
