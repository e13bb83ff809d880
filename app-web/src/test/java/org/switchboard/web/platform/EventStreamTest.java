package org.switchboard.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    private final Body body = new Body();
    private int outputStreamCalls;
    private final HttpServletResponse servlet = (HttpServletResponse) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                if (method.getName().equals("getOutputStream")) {
                    outputStreamCalls++;
                    return body;
                }
                throw new UnsupportedOperationException(method.getName());
            });
    private int backgroundCloses;
    private int retryStarts;
    private final EventStreams streams = new EventStreams() {
        @Override
        void inBackground(Runnable work) {
            backgroundCloses++;
            work.run();
        }

        @Override
        synchronized void ensureRetrying() {
            retryStarts++; // the container's timer is not here: the tests retry by hand
        }
    };
    private final EventStream stream = new EventStream(servlet, streams);

    {
        streams.maxBacklogBytes = 64;
        streams.stallTimeout = Duration.ofSeconds(30);
    }

    @Test
    void framesBeforeTheHeadIsWrittenWaitAndGoOutFirstInOrder() {
        assertThat(stream.write("id: 1\n\n")).isTrue();
        assertThat(stream.write("id: 2\n\n")).isTrue();
        assertThat(outputStreamCalls).isZero();

        stream.start();
        stream.write("id: 3 ü\n\n");

        assertThat(body.text()).isEqualTo("id: 1\n\nid: 2\n\nid: 3 ü\n\n");
        assertThat(body.flushes).isEqualTo(2);
    }

    @Test
    void aCloseBeforeTheStartEndsTheStreamAfterTheWaitingFrames() {
        stream.write("event: done\n\n");
        stream.close();
        assertThat(stream.isClosed()).isFalse();

        stream.start();

        assertThat(body.text()).isEqualTo("event: done\n\n");
        assertThat(stream.isClosed()).isTrue();
        assertThat(stream.write("late\n\n")).isFalse();
    }

    @Test
    void aClientThatIsGoneEndsTheStream() {
        stream.start();
        body.broken = true;

        assertThat(stream.write("id: 1\n\n")).isFalse();
        assertThat(stream.isClosed()).isTrue();
        assertThat(stream.write("id: 2\n\n")).isFalse();
    }

    @Test
    void framesForAClientThatIsBehindWaitWithoutBlockingAndGoOutInOrderOnceItReads() {
        stream.start();
        body.ready = false;

        assertThat(stream.write("id: 1\n\n")).isTrue();
        assertThat(stream.write("id: 2\n\n")).isTrue();
        assertThat(body.text()).isEmpty();
        assertThat(retryStarts).isPositive();
        streams.retryCongested();
        assertThat(body.text()).isEmpty();

        body.ready = true;
        streams.retryCongested();
        stream.write("id: 3\n\n");

        assertThat(body.text()).isEqualTo("id: 1\n\nid: 2\n\nid: 3\n\n");
        assertThat(stream.isClosed()).isFalse();
    }

    @Test
    void aCloseWhileTheClientIsBehindEndsTheStreamAfterTheWaitingFrames() {
        stream.start();
        body.ready = false;
        stream.write("event: done\n\n");
        stream.close();
        assertThat(stream.isClosed()).isFalse();

        body.ready = true;
        streams.retryCongested();

        assertThat(body.text()).isEqualTo("event: done\n\n");
        assertThat(stream.isClosed()).isTrue();
        assertThat(backgroundCloses).isZero();
    }

    @Test
    void aClientTooFarBehindLosesTheStreamAndItIsClosedOffTheWritingThread() {
        stream.start();
        body.ready = false;

        assertThat(stream.write("id: 1\ndata: " + "x".repeat(40) + "\n\n")).isTrue();
        assertThat(stream.write("id: 2\ndata: " + "x".repeat(40) + "\n\n")).isFalse();

        assertThat(stream.isClosed()).isTrue();
        assertThat(backgroundCloses).isEqualTo(1);
        body.ready = true;
        streams.retryCongested();
        assertThat(stream.write("id: 3\n\n")).isFalse();
        assertThat(body.text()).isEmpty();
    }

    @Test
    void aLargeReplayIsNotMistakenForAClientThatFellBehind() {
        String replayed = "id: 1\ndata: " + "x".repeat(200) + "\n\n";
        stream.write(replayed);
        stream.write(replayed);
        body.ready = false;
        stream.start();

        assertThat(stream.write("id: 3\n\n"))
                .as("more than the 64-byte limit waits, all of it replay")
                .isTrue();
        body.ready = true;
        streams.retryCongested();
        assertThat(body.text()).isEqualTo(replayed + replayed + "id: 3\n\n");

        body.ready = false;
        assertThat(stream.write("id: 4\ndata: " + "x".repeat(40) + "\n\n")).isTrue();
        assertThat(stream.write("id: 5\ndata: " + "x".repeat(40) + "\n\n"))
                .as("live frames past the limit")
                .isFalse();
    }

    @Test
    void aClientThatStopsReadingLosesTheStreamAfterTheStallTimeout() {
        stream.start();
        body.ready = false;
        stream.write("id: 1\n\n");

        stream.retry(System.nanoTime() + Duration.ofSeconds(29).toNanos());
        assertThat(stream.isClosed()).isFalse();
        stream.retry(System.nanoTime() + Duration.ofSeconds(31).toNanos());

        assertThat(stream.isClosed()).isTrue();
        assertThat(backgroundCloses).isEqualTo(1);
        assertThat(body.text()).isEmpty();
    }

    private static final class Body extends ServletOutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int flushes;
        private boolean broken;
        private boolean ready = true;

        @Override
        public void write(int b) throws IOException {
            if (broken) {
                throw new IOException("Broken pipe");
            }
            bytes.write(b);
        }

        @Override
        public void flush() {
            flushes++;
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
