package org.switchboard.core.providers.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a streamed body into Server-Sent Events straight from its bytes, as they arrive in chunks of any size
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation): lines end at LF,
 * CR or CRLF (a CRLF split across two chunks is one line end), a {@code data:} line's value (one leading space
 * dropped) is appended to the event's data, an {@code event:} line names the event, a blank line dispatches it,
 * and every other line (comments, {@code id:}, {@code retry:}) is skipped. Data bytes are collected as they are
 * and decoded as UTF-8 once per event, so a character split across chunks is whole, and a token costs one
 * {@code String}. In line mode (newline-delimited JSON) every line is reported whole instead.
 *
 * <p>One per exchange, fed under the exchange's lock; its buffer starts small and grows to the longest event.
 */
final class SseDecoder {
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};
    private static final int MAX_NAME = 5;

    /** Where in a line the decoder is. */
    private enum At {
        LINE_START,
        NAME,
        VALUE_START,
        VALUE
    }

    /** Which field the current line's value belongs to. */
    private enum Field {
        DATA,
        EVENT,
        OTHER
    }

    private final SseExchange events;
    private final boolean lines;
    private At at = At.LINE_START;
    private Field field = Field.OTHER;
    private boolean afterCr;
    private final byte[] name = new byte[MAX_NAME];
    private int nameLength;
    private byte[] data = new byte[256];
    private int dataLength;
    private boolean hasData;
    private byte[] eventBytes = new byte[32];
    private int eventLength;
    private String eventName;
    private byte[] lastEventBytes = new byte[0];
    private String lastEventName = "";

    SseDecoder(SseExchange events, boolean lines) {
        this.events = events;
        this.lines = lines;
    }

    /** Reads {@code chunk} from its position to its limit, without moving either. */
    void feed(ByteBuffer chunk) {
        int end = chunk.limit();
        int i = chunk.position();
        while (i < end && !events.isEnded()) {
            byte b = chunk.get(i);
            if (afterCr) {
                afterCr = false;
                if (b == LF) {
                    i++;
                    continue;
                }
            }
            if (b == CR || b == LF) {
                afterCr = b == CR;
                endLine();
                i++;
            } else if (lines || at == At.VALUE) {
                int stop = lineEnd(chunk, i, end);
                if (lines || field == Field.DATA) {
                    appendData(chunk, i, stop - i);
                } else if (field == Field.EVENT) {
                    appendEvent(chunk, i, stop - i);
                }
                i = stop;
            } else if (at == At.VALUE_START) {
                at = At.VALUE;
                if (b == ' ') {
                    i++;
                }
            } else {
                name(b);
                i++;
            }
        }
    }

    /** The body ended: a last line without its line end still counts, and so does a last event without its blank line. */
    void finish() {
        if (at != At.LINE_START || (lines && dataLength > 0)) {
            endLine();
        }
        if (!lines) {
            dispatch();
        }
    }

    private void name(byte b) {
        if (b == ':') {
            field = nameIs(DATA) ? Field.DATA : nameIs(EVENT) ? Field.EVENT : Field.OTHER;
            at = At.VALUE_START;
            if (field == Field.DATA) {
                if (hasData) {
                    appendByte(LF);
                }
                hasData = true;
            } else if (field == Field.EVENT) {
                eventLength = 0;
            }
        } else {
            if (nameLength < MAX_NAME) {
                name[nameLength] = b;
            }
            nameLength++;
            at = At.NAME;
        }
    }

    private boolean nameIs(byte[] field) {
        return nameLength == field.length && Arrays.equals(name, 0, nameLength, field, 0, field.length);
    }

    private void endLine() {
        if (lines) {
            String line = dataLength == 0 ? "" : new String(data, 0, dataLength, StandardCharsets.UTF_8);
            dataLength = 0;
            events.line(line);
        } else if (at == At.LINE_START) {
            dispatch();
        } else if (field == Field.EVENT && at != At.NAME) {
            eventName = eventName();
        }
        at = At.LINE_START;
        field = Field.OTHER;
        nameLength = 0;
    }

    private void dispatch() {
        String name = eventName;
        eventName = null;
        if (!hasData) {
            return;
        }
        String payload = new String(data, 0, dataLength, StandardCharsets.UTF_8);
        hasData = false;
        dataLength = 0;
        events.event(name, payload);
    }

    /** The event name just read; the same {@code String} as the last one when the bytes are the same. */
    private String eventName() {
        if (!Arrays.equals(lastEventBytes, 0, lastEventBytes.length, eventBytes, 0, eventLength)) {
            lastEventBytes = Arrays.copyOf(eventBytes, eventLength);
            lastEventName = new String(eventBytes, 0, eventLength, StandardCharsets.UTF_8);
        }
        return lastEventName;
    }

    private static int lineEnd(ByteBuffer chunk, int from, int end) {
        int i = from;
        while (i < end) {
            byte b = chunk.get(i);
            if (b == CR || b == LF) {
                return i;
            }
            i++;
        }
        return end;
    }

    private void appendData(ByteBuffer chunk, int from, int length) {
        if (dataLength + length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, dataLength + length));
        }
        chunk.get(from, data, dataLength, length);
        dataLength += length;
    }

    private void appendByte(byte b) {
        if (dataLength == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[dataLength++] = b;
    }

    private void appendEvent(ByteBuffer chunk, int from, int length) {
        if (eventLength + length > eventBytes.length) {
            eventBytes = Arrays.copyOf(eventBytes, Math.max(eventBytes.length * 2, eventLength + length));
        }
        chunk.get(from, eventBytes, eventLength, length);
        eventLength += length;
    }
}
