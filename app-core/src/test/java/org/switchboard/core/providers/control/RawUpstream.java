package org.switchboard.core.providers.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 upstream at the socket level, for what {@link TranscriptServer} cannot show: how many connections a
 * client opens, whether it closes one, exactly how the answer's bytes are cut into writes (chunked, each piece
 * flushed on its own), and an answer that stops in the middle of its body.
 */
final class RawUpstream implements AutoCloseable {
    /** Writes one answer to a request. */
    @FunctionalInterface
    interface Answer {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    final AtomicInteger connections = new AtomicInteger();
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** Counted down each time the client closes a connection (or a write to it fails). */
    final CountDownLatch clientClosed = new CountDownLatch(1);

    private final ServerSocket server;
    private volatile Answer answer;

    private RawUpstream(ServerSocket server, Answer answer) {
        this.server = server;
        this.answer = answer;
    }

    static RawUpstream start(Answer answer) {
        try {
            RawUpstream upstream = new RawUpstream(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), answer);
            daemon(upstream::accept);
            return upstream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    void answer(Answer next) {
        answer = next;
    }

    /**
     * A 200 text/event-stream answer in chunked encoding, each piece one chunk written and flushed on its own; the
     * body's end goes out with the last piece (or, not {@code complete}, the connection closes after it).
     */
    static Answer chunked(boolean complete, byte[]... pieces) {
        return out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < pieces.length; i++) {
                out.write((Integer.toHexString(pieces[i].length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(pieces[i]);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                if (i < pieces.length - 1) {
                    out.flush();
                    Thread.sleep(2);
                }
            }
            if (complete) { // in the same write as the last piece, as a server does that ends the body with it
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } else {
                out.flush();
                throw new Cut(); // closes the connection mid-body
            }
        };
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "raw-upstream");
        thread.setDaemon(true);
        thread.start();
    }

    /** An answer that stops mid-body: the connection is closed without HTTP's end of body. */
    private static final class Cut extends IOException {}

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                daemon(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = head(in);
                if (head == null) {
                    clientClosed.countDown();
                    return;
                }
                int length = contentLength(head);
                requests.add(head + new String(in.readNBytes(length), StandardCharsets.UTF_8));
                answer.write(out);
            }
        } catch (Cut cut) {
            // the answer ends the connection itself
        } catch (IOException e) {
            clientClosed.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
