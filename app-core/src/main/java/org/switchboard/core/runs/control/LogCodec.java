package org.switchboard.core.runs.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.switchboard.core.runs.entity.EventType;
import org.switchboard.core.runs.entity.TimedEvent;

/**
 * The compact form of a finished run's log, the {@code body} of its {@code run_logs} row: every event with its
 * seq, type, data and the moment it became durable, exactly as {@code run_events} held them. One version byte,
 * then a raw deflate stream (with a preset dictionary of the native events' JSON keys) of five columns, each
 * event's values in seq order: kinds, seq steps, time steps in microseconds (as byte planes), data lengths, data. Columns
 * compress better than rows: the kinds and the steps of a stream barely vary. A {@code delta} event's data is
 * stored as its text literal alone (its JSON frame is always the same).
 */
final class LogCodec {
    static final byte VERSION = 1;
    private static final String DELTA_PREFIX = "{\"text\":";
    private static final String DELTA_SUFFIX = "}";
    /** Marks a kind whose data is a delta's text literal without its frame. */
    private static final int FRAMELESS = 0x80;
    /** What the native events' JSON says over and over (EventData): deflate refers to it from the first event. */
    private static final byte[] DICTIONARY = ("\"title\":\"\",\"detail\":\"The run was\",\"status\":\"failed\""
                    + "\"incomplete\"\"cancelled\"\"expired\"{\"type\":\"urn:switchboard:problem:"
                    + "{\"id\":\"\",\"status\":\"running\",\"model\":\"\",\"created_at\":\"T:00.Z\"}"
                    + "{\"status\":\"completed\",\"usage\":{\"input_tokens\":,\"output_tokens\":,\"estimated\":false}")
            .getBytes(StandardCharsets.UTF_8);

    private static final EventType[] TYPES = EventType.values();
    /** Time steps are stored as this many byte planes plus a varint of the rest. */
    private static final int PLANES = 3;

    private LogCodec() {}

    /** Encodes a run's events, in seq order. Each moment must be whole microseconds (a DATETIME(6)). */
    static byte[] encode(List<TimedEvent> events) {
        ByteArrayOutputStream kinds = new ByteArrayOutputStream(events.size());
        ByteArrayOutputStream steps = new ByteArrayOutputStream(events.size());
        long[] times = new long[events.size()];
        ByteArrayOutputStream lengths = new ByteArrayOutputStream(events.size());
        ByteArrayOutputStream data = new ByteArrayOutputStream(events.size() * 16);
        int seq = 0;
        long micros = 0;
        int index = 0;
        for (TimedEvent event : events) {
            boolean frameless = isFramedDelta(event);
            kinds.write(event.type().ordinal() | (frameless ? FRAMELESS : 0));
            writeVarint(steps, zigzag(event.seq() - seq));
            seq = event.seq();
            long at = micros(event.at());
            times[index++] = zigzag(at - micros);
            micros = at;
            String text = frameless
                    ? event.data().substring(DELTA_PREFIX.length(), event.data().length() - DELTA_SUFFIX.length())
                    : event.data();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            writeVarint(lengths, bytes.length);
            data.writeBytes(bytes);
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream(64 + data.size() + times.length * 4);
        writeVarint(raw, events.size());
        for (ByteArrayOutputStream column : List.of(kinds, steps, planes(times), lengths, data)) {
            raw.writeBytes(column.toByteArray());
        }
        return deflate(raw.toByteArray());
    }

    /** The events {@link #encode} was given, as they were. */
    static List<TimedEvent> decode(byte[] body) {
        if (body.length == 0 || body[0] != VERSION) {
            throw new IllegalArgumentException("Not a run log of version " + VERSION);
        }
        Reader in = new Reader(inflate(body));
        int count = (int) in.varint();
        int kinds = in.position;
        int[] seqs = new int[count];
        long[] micros = new long[count];
        int[] lengths = new int[count];
        in.position += count;
        for (int i = 0, seq = 0; i < count; i++) {
            seq += (int) unzigzag(in.varint());
            seqs[i] = seq;
        }
        long[] steps = in.planes(count);
        for (int i = 0; i < count; i++) {
            micros[i] = (i == 0 ? 0 : micros[i - 1]) + unzigzag(steps[i]);
        }
        for (int i = 0; i < count; i++) {
            lengths[i] = (int) in.varint();
        }
        List<TimedEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = in.bytes[kinds + i] & 0xff;
            String text = new String(in.bytes, in.position, lengths[i], StandardCharsets.UTF_8);
            in.position += lengths[i];
            String data = (kind & FRAMELESS) != 0 ? DELTA_PREFIX + text + DELTA_SUFFIX : text;
            events.add(new TimedEvent(seqs[i], TYPES[kind & ~FRAMELESS], data, instant(micros[i])));
        }
        return events;
    }

    /**
     * The time steps as byte planes: the first (the moment of the first event) as a varint, then of the others
     * every lowest byte, every second byte, every third byte, then what remains of each as a varint. A stream's
     * steps differ in their low bytes only, so the higher planes deflate to almost nothing.
     */
    private static ByteArrayOutputStream planes(long[] steps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(steps.length * 4);
        if (steps.length == 0) {
            return out;
        }
        writeVarint(out, steps[0]);
        for (int shift = 0; shift < PLANES * 8; shift += 8) {
            for (int i = 1; i < steps.length; i++) {
                out.write((int) (steps[i] >>> shift) & 0xFF);
            }
        }
        for (int i = 1; i < steps.length; i++) {
            writeVarint(out, steps[i] >>> (PLANES * 8));
        }
        return out;
    }

    private static boolean isFramedDelta(TimedEvent event) {
        return event.type() == EventType.DELTA
                && event.data().startsWith(DELTA_PREFIX)
                && event.data().endsWith(DELTA_SUFFIX)
                && event.data().length() >= DELTA_PREFIX.length() + DELTA_SUFFIX.length();
    }

    private static long micros(Instant at) {
        if (at.getNano() % 1000 != 0) {
            throw new IllegalArgumentException("Not a whole microsecond: " + at);
        }
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setDictionary(DICTIONARY);
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 16);
            out.write(VERSION);
            byte[] buffer = new byte[Math.max(64, raw.length)];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] body) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setDictionary(DICTIONARY);
            inflater.setInput(body, 1, body.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
            byte[] buffer = new byte[Math.max(256, body.length * 4)];
            while (!inflater.finished()) {
                int inflated = inflater.inflate(buffer);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("A truncated run log");
                }
                out.write(buffer, 0, inflated);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("A corrupt run log", e);
        } finally {
            inflater.end();
        }
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    /** Reads varints from the inflated columns. */
    private static final class Reader {
        final byte[] bytes;
        int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        /** The time steps {@link LogCodec#planes} wrote for {@code count} events. */
        long[] planes(int count) {
            long[] steps = new long[count];
            if (count == 0) {
                return steps;
            }
            steps[0] = varint();
            for (int shift = 0; shift < PLANES * 8; shift += 8) {
                for (int i = 1; i < count; i++) {
                    steps[i] |= (long) (bytes[position++] & 0xFF) << shift;
                }
            }
            for (int i = 1; i < count; i++) {
                steps[i] |= varint() << (PLANES * 8);
            }
            return steps;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte next = bytes[position++];
                value |= (long) (next & 0x7F) << shift;
                if (next >= 0) {
                    return value;
                }
            }
        }
    }
}
