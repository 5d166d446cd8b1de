package dev.complianceharness.property.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Keeps each failing property's seed, original and shrunk choices in a directory (by default
 * {@value #DEFAULT_DIRECTORY}), so that the next run tries the failure first and prints the seed that produced it.
 *
 * <p>An entry is keyed by the property's identity in its test (class, method, invocation, property name), never by
 * the line that called the check, so two properties checked through one helper keep apart. Files are written through a
 * temporary file and an atomic move, so that properties running in parallel (or two builds) never see a half-written
 * file. A file that cannot be read, is truncated or fails its checksum is set aside under a {@code .corrupt} name with
 * one warning, never replayed and never silently overwritten.
 */
public final class FailureStore {

    /** Where failures go unless configured. */
    public static final String DEFAULT_DIRECTORY = "target/compliance-harness/failures";

    private static final String FORMAT = "compliance-harness-failure/2";
    private static final List<String> FIELDS = List.of("format", "key", "seed", "tries", "original", "shrunk");

    private final Path directory;

    /**
     * A store in a directory.
     *
     * @param directory the directory; created when the first failure is saved
     */
    public FailureStore(Path directory) {
        this.directory = directory;
    }

    /**
     * A stored failure.
     *
     * @param key      the property's identity
     * @param seed     the seed of the run that found it
     * @param tries    the try that found it
     * @param original the choices of the first failing example
     * @param shrunk   the choices of the shrunk example
     */
    public record Entry(String key, long seed, int tries, long[] original, long[] shrunk) {
    }

    /**
     * What loading found.
     *
     * @param entry   the stored failure, if a readable one exists
     * @param warning what went wrong with an unreadable entry, and where it was set aside
     * @param mayOverwrite false when an unreadable entry could not be set aside, so saving would overwrite it
     */
    public record Loaded(Optional<Entry> entry, Optional<String> warning, boolean mayOverwrite) {
    }

    /**
     * The file a property's failure is kept in.
     *
     * @param key the property's identity
     * @return the file
     */
    public Path fileFor(String key) {
        String readable = readable(key);
        if (readable.length() > 150) {
            readable = readable.substring(readable.length() - 150);
        }
        return directory.resolve(readable + "-" + digest(key) + ".failure");
    }

    /**
     * The key with every character but letters, digits, '.', '_' and '-' replaced by '_'. A loop rather than a
     * regular expression: every property run looks its file up, and the regex was a third of a whole check's cost.
     */
    private static String readable(String key) {
        StringBuilder readable = new StringBuilder(key.length());
        key.codePoints().forEach(c -> readable.append(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '.' || c == '_' || c == '-' ? (char) c : '_'));
        return readable.toString();
    }

    /**
     * A 64-bit FNV-1a hash of the key, in hex: it only keeps two keys that read alike apart. Not SHA-256, whose first use
     * starts the JDK's security providers, tens of milliseconds in a cold test JVM.
     */
    private static String digest(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return HexFormat.of().toHexDigits(hash);
    }

    /**
     * Loads a stored failure.
     *
     * @param key the property's identity
     * @return the entry, or nothing; with a warning when the file was unreadable and set aside
     */
    public Loaded load(String key) {
        Path file = fileFor(key);
        if (!Files.exists(file)) {
            return new Loaded(Optional.empty(), Optional.empty(), true);
        }
        String problem;
        try {
            Entry entry = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
            if (entry.key().equals(key)) {
                return new Loaded(Optional.of(entry), Optional.empty(), true);
            }
            problem = "it belongs to another property (" + entry.key().replace('\n', ' ') + ")";
        } catch (IOException e) {
            problem = "it could not be read: " + e;
        } catch (RuntimeException e) {
            problem = e.getMessage();
        }
        return setAside(file, problem);
    }

    private static Loaded setAside(Path file, String problem) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Path aside = file.resolveSibling(file.getFileName() + (attempt == 0 ? ".corrupt" : ".corrupt-" + attempt));
            if (Files.exists(aside)) {
                continue;
            }
            try {
                Files.move(file, aside);
                return new Loaded(Optional.empty(), Optional.of("The stored failing example " + file + " was not replayed: "
                        + problem + ". It was set aside as " + aside.getFileName() + " (delete it once inspected)."), true);
            } catch (IOException e) {
                return new Loaded(Optional.empty(), Optional.of("The stored failing example " + file + " was not replayed: "
                        + problem + ". It could not be set aside (" + e + "), so it is left as it is and a new failure"
                        + " of this property will not be stored until the file is deleted."), false);
            }
        }
        return new Loaded(Optional.empty(), Optional.of("The stored failing example " + file + " was not replayed: " + problem
                + ". It could not be set aside (100 earlier copies exist), so it is left as it is."), false);
    }

    private static Entry parse(List<String> lines) {
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder checked = new StringBuilder();
        String checksum = null;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("its line '" + shorten(line) + "' is not a field (name=value)");
            }
            String name = line.substring(0, equals);
            String value = line.substring(equals + 1);
            if (name.equals("checksum")) {
                checksum = value;
            } else {
                fields.put(name, value);
                checked.append(line).append('\n');
            }
        }
        for (String field : FIELDS) {
            if (!fields.containsKey(field)) {
                throw new IllegalArgumentException("it has no " + field + " field (truncated, or written by another tool)");
            }
        }
        if (!FORMAT.equals(fields.get("format"))) {
            throw new IllegalArgumentException("its format is '" + shorten(fields.get("format")) + "', not " + FORMAT);
        }
        if (checksum == null) {
            throw new IllegalArgumentException("it has no checksum line (truncated)");
        }
        if (!checksum.equals(crc(checked.toString()))) {
            throw new IllegalArgumentException("its checksum does not match its content (changed or truncated)");
        }
        try {
            return new Entry(fields.get("key"), Long.parseLong(fields.get("seed")), Integer.parseInt(fields.get("tries")),
                    choices(fields.get("original")), choices(fields.get("shrunk")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("it holds a value that is not a number (" + e.getMessage() + ")", e);
        }
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static long[] choices(String line) {
        if (line.isEmpty()) {
            return new long[0];
        }
        String[] parts = line.split(",");
        long[] choices = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            choices[i] = Long.parseUnsignedLong(parts[i]);
        }
        return choices;
    }

    private static String line(long[] choices) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < choices.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(Long.toUnsignedString(choices[i]));
        }
        return line.toString();
    }

    private static String crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    /**
     * Saves a failure, replacing an earlier readable one.
     *
     * @param entry       the failure
     * @param description a line for people reading the file
     * @return the file, or empty if it could not be written (the failure is still reported)
     */
    public Optional<Path> save(Entry entry, String description) {
        Path file = fileFor(entry.key());
        try {
            Files.createDirectories(directory);
            List<String> fields = new ArrayList<>();
            fields.add("format=" + FORMAT);
            fields.add("key=" + entry.key().replace('\n', ' ').replace('\r', ' '));
            fields.add("seed=" + entry.seed());
            fields.add("tries=" + entry.tries());
            fields.add("original=" + line(entry.original()));
            fields.add("shrunk=" + line(entry.shrunk()));
            List<String> text = new ArrayList<>();
            text.add("# " + description.replace('\n', ' ').replace('\r', ' '));
            text.addAll(fields);
            text.add("checksum=" + crc(String.join("\n", fields) + "\n"));
            Path temporary = Files.createTempFile(directory, ".failure", ".tmp");
            Files.write(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Forgets a property's failure, once it passes again.
     *
     * @param key the property's identity
     */
    public void delete(String key) {
        try {
            Files.deleteIfExists(fileFor(key));
        } catch (IOException e) {
            // a failure that cannot be deleted is tried again next time, which is harmless
        }
    }
}
