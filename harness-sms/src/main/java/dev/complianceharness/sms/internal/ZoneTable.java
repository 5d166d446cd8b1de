package dev.complianceharness.sms.internal;


import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UTC offsets of every time zone of the pinned tz database (time4j-tzdata) over the years harness-sms decides
 * for, compiled at build time into one binary resource so that a decision does not start time4j. Zones are decoded
 * when first asked for. With another time4j-tzdata version on the class path, or without the resource, the offsets
 * come from time4j itself, over the same years.
 *
 * <p>Format ({@value #RESOURCE}, big-endian): magic, table start and end (epoch seconds), the number of distinct
 * offset histories and of zone ids; per id its length, ASCII bytes and history index; per history its byte position;
 * then per history the number of segments and each segment's start (epoch seconds) and total offset (seconds).
 */
public final class ZoneTable {

    /** The resource name, next to this class. */
    static final String RESOURCE = "zones.bin";
    /** The first instant the table covers: a year before the first local date any decision needs. */
    public static final long START = LocalDate.of(CompiledTables.FIRST_COVERED_YEAR - 1, 1, 1).atStartOfDay()
            .toEpochSecond(ZoneOffset.UTC);
    /** The first instant after the table: a year after the last local date any decision needs. */
    public static final long END = LocalDate.of(CompiledTables.LAST_COVERED_YEAR + 2, 1, 1).atStartOfDay()
            .toEpochSecond(ZoneOffset.UTC);
    private static final int MAGIC = 0x43485a54;

    private static final Map<String, Optional<Offsets>> CACHE = new ConcurrentHashMap<>();

    private ZoneTable() {
    }

    /**
     * The offsets of one zone from {@link #START} to {@link #END}: {@code starts[i]} is where total offset
     * {@code offsets[i]} begins; {@code starts[0]} is {@link #START}.
     *
     * @param starts  segment starts, epoch seconds, ascending
     * @param offsets each segment's total UTC offset, seconds
     */
    public record Offsets(long[] starts, int[] offsets) {

        /**
         * @param epochSecond an instant; before {@link #START} the first offset, after {@link #END} the last one
         * @return the total offset then
         */
        public int offsetAt(long epochSecond) {
            int index = Arrays.binarySearch(starts, epochSecond);
            return offsets[index >= 0 ? index : Math.max(0, -index - 2)];
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Offsets that && Arrays.equals(starts, that.starts) && Arrays.equals(offsets, that.offsets);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(starts) + Arrays.hashCode(offsets);
        }

        @Override
        public String toString() {
            return "Offsets[" + starts.length + " segments]";
        }
    }

    /**
     * @param zoneId a zone id
     * @return the zone's offsets; empty if the pinned tz database has no such region zone
     */
    public static Optional<Offsets> offsets(String zoneId) {
        Optional<Offsets> cached = CACHE.get(zoneId);
        if (cached == null) {
            cached = Versions.zoneTableCurrent() ? Compiled.TABLE.lookup(zoneId) : Time4jOffsets.of(zoneId);
            CACHE.put(zoneId, cached);
        }
        return cached;
    }

    /**
     * @param zoneId a zone id
     * @return whether the pinned tz database knows it
     */
    public static boolean isKnown(String zoneId) {
        return offsets(zoneId).isPresent();
    }

    /** Compiles the table from time4j, for the build. */
    static byte[] compile() {
        Map<Offsets, Integer> histories = new LinkedHashMap<>();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (String id : Time4jOffsets.candidateZoneIds()) {
            Time4jOffsets.of(id).ifPresent(offsets -> ids.put(id, histories.computeIfAbsent(offsets, key -> histories.size())));
        }
        int size = 4 + 8 + 8 + 4 + 4;
        for (String id : ids.keySet()) {
            size += 1 + id.length() + 4;
        }
        size += 4 * histories.size();
        for (Offsets offsets : histories.keySet()) {
            size += 4 + 12 * offsets.starts().length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(MAGIC).putLong(START).putLong(END).putInt(histories.size()).putInt(ids.size());
        ids.forEach((id, history) -> {
            byte[] bytes = id.getBytes(StandardCharsets.US_ASCII);
            out.put((byte) bytes.length).put(bytes).putInt(history);
        });
        int position = out.position() + 4 * histories.size();
        for (Offsets offsets : histories.keySet()) {
            out.putInt(position);
            position += 4 + 12 * offsets.starts().length;
        }
        for (Offsets offsets : histories.keySet()) {
            out.putInt(offsets.starts().length);
            for (long start : offsets.starts()) {
                out.putLong(start);
            }
            for (int offset : offsets.offsets()) {
                out.putInt(offset);
            }
        }
        return out.array();
    }

    /** The compiled table, read when first needed. */
    private static final class Compiled {
        static final Compiled TABLE = read();

        private final ByteBuffer bytes;
        private final Map<String, Integer> histories;
        private final int[] positions;

        private Compiled(ByteBuffer bytes, Map<String, Integer> histories, int[] positions) {
            this.bytes = bytes;
            this.histories = histories;
            this.positions = positions;
        }

        private static Compiled read() {
            byte[] data;
            try (InputStream in = ZoneTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("harness-sms resource " + RESOURCE + " is missing although "
                            + CompiledTables.INDEX + " lists it: rebuild harness-sms");
                }
                data = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read harness-sms resource " + RESOURCE, e);
            }
            ByteBuffer bytes = ByteBuffer.wrap(data);
            if (bytes.getInt() != MAGIC || bytes.getLong() != START || bytes.getLong() != END) {
                throw new IllegalStateException("harness-sms resource " + RESOURCE + " was compiled for other years or by"
                        + " another version: rebuild harness-sms");
            }
            int historyCount = bytes.getInt();
            int idCount = bytes.getInt();
            Map<String, Integer> histories = new HashMap<>(idCount * 2);
            byte[] name = new byte[256];
            for (int i = 0; i < idCount; i++) {
                int length = bytes.get() & 0xff;
                bytes.get(name, 0, length);
                histories.put(new String(name, 0, length, StandardCharsets.US_ASCII), bytes.getInt());
            }
            int[] positions = new int[historyCount];
            for (int i = 0; i < historyCount; i++) {
                positions[i] = bytes.getInt();
            }
            return new Compiled(bytes, histories, positions);
        }

        Optional<Offsets> lookup(String zoneId) {
            Integer history = histories.get(zoneId);
            if (history == null) {
                return Optional.empty();
            }
            int position = positions[history];
            int count = bytes.getInt(position);
            long[] starts = new long[count];
            int[] offsets = new int[count];
            for (int i = 0; i < count; i++) {
                starts[i] = bytes.getLong(position + 4 + 8 * i);
                offsets[i] = bytes.getInt(position + 4 + 8 * count + 4 * i);
            }
            return Optional.of(new Offsets(starts, offsets));
        }
    }
}
