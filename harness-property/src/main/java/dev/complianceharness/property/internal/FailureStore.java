package dev.complianceharness.property.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps each failing property's seed, original and shrunk choices in a directory (by default
 * {@value #DEFAULT_DIRECTORY}), so that the next run tries the failure first and prints the seed that produced it.
 *
 * <p>An entry is keyed by the property's identity in its test (class, method, invocation, property name), never by
 * the line that called the check, so two properties checked through one helper keep apart. Files are written through a
 * temporary file and an atomic move, so that properties running in parallel (or two builds) never see a half-written
 * file. A file that cannot be read, is truncated or fails its checksum is set aside under a {@code .corrupt} name with
 * one warning, never replayed and never silently overwritten.
 *
 * <p>A property's identity may hold personal data (a dynamic test named after its example, a property named after a
 * customer), so neither a file's name nor its content holds it: a file is named by, and records, an HMAC-SHA-256 of the
 * identity under a random key kept in the directory ({@value #KEY_FILE}) — a plain hash of text that can be guessed
 * from the test's source would not protect it — and its comment lines pass the host's redaction.
 */
public final class FailureStore {

    /** Where failures go unless configured. */
    public static final String DEFAULT_DIRECTORY = "target/compliance-harness/failures";

    /** The file in the directory holding the key that identities are hashed with. */
    static final String KEY_FILE = ".identity-key";
    private static final int KEY_BYTES = 32;
    private static final String FORMAT = "compliance-harness-failure/3";
    private static final List<String> FIELDS = List.of("format", "identity", "seed", "tries", "original", "shrunk");

    /**
     * Keys already read, by key file, with the file's modification time: every property check looks its stored
     * failure up, and reading and parsing the key file each time was I/O on every check of a directory that has one.
     * A key file written again (the directory deleted and re-created) has another time and is read again.
     */
    private static final Map<Path, ReadKey> KEYS = new ConcurrentHashMap<>();
    /** One MAC per thread: {@code Mac.getInstance} looks the algorithm up among the providers on every call. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(FailureStore::newMac);

    private final Path directory;

    private static final class ReadKey {
        private final FileTime modified;
        private final byte[] secret;

        ReadKey(FileTime modified, byte[] secret) {
            this.modified = modified;
            this.secret = secret;
        }
    }

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
     * The file a property's failure is kept in, creating the directory's key when it has none.
     *
     * @param key the property's identity
     * @return the file, named by a keyed hash of the identity
     * @throws IOException if the directory's key cannot be read or created
     */
    public Path fileFor(String key) throws IOException {
        return directory.resolve("property-" + identity(key, secret(true).orElseThrow()).substring(0, 32) + ".failure");
    }

    /** The file, or nothing when the directory has no key yet and so can hold no failure. */
    private Optional<Path> existingFileFor(String key) throws IOException {
        Optional<byte[]> secret = secret(false);
        return secret.map(bytes -> directory.resolve("property-" + identity(key, bytes).substring(0, 32) + ".failure"));
    }

    private static String identity(String key, byte[] secret) {
        try {
            Mac mac = MACS.get();
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 refused the failure store's key", e);
        }
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM has no HmacSHA256, which every Java SE platform must provide", e);
        }
    }

    /** The key in the file, read once for each time the file was written. */
    private static Optional<byte[]> readKey(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        ReadKey known = KEYS.get(file);
        if (known != null && known.modified.equals(attributes.lastModifiedTime())) {
            return Optional.of(known.secret);
        }
        byte[] secret = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).trim());
        KEYS.put(file, new ReadKey(attributes.lastModifiedTime(), secret));
        return Optional.of(secret);
    }

    private Optional<byte[]> secret(boolean create) throws IOException {
        Path file = directory.resolve(KEY_FILE);
        Optional<byte[]> existing = readKey(file);
        if (existing.isPresent() || !create) {
            return existing;
        }
        Files.createDirectories(directory);
        byte[] secret = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        Path temporary = Files.createTempFile(directory, ".key", ".tmp");
        try {
            Files.writeString(temporary, HexFormat.of().formatHex(secret), StandardCharsets.US_ASCII);
            // a hard link appears complete or not at all, and never replaces a key another property or build wrote
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException raced) {
            // another property (or build) created the key first: use it
        } catch (UnsupportedOperationException | IOException noLinks) {
            if (!Files.exists(file)) {
                Files.writeString(file, HexFormat.of().formatHex(secret), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return readKey(file);
    }

    /**
     * Loads a stored failure, asking for the property's identity only when the directory can hold one (it has a key).
     *
     * @param keySupplier gives the property's identity
     * @return the entry, or nothing; with a warning when the file was unreadable and set aside
     */
    public Loaded load(Supplier<String> keySupplier) {
        Optional<byte[]> secret;
        try {
            secret = secret(false);
        } catch (IOException | RuntimeException e) {
            return new Loaded(Optional.empty(), Optional.of("The failure store's key " + directory.resolve(KEY_FILE)
                    + " could not be read (" + e + "), so no stored failing example was replayed; delete it to start afresh."),
                    false);
        }
        if (secret.isEmpty()) {
            return new Loaded(Optional.empty(), Optional.empty(), true);
        }
        String key = keySupplier.get();
        String identity = identity(key, secret.get());
        Path file = directory.resolve("property-" + identity.substring(0, 32) + ".failure");
        if (!Files.exists(file)) {
            return new Loaded(Optional.empty(), Optional.empty(), true);
        }
        String problem;
        try {
            Entry entry = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
            if (entry.key().equals(identity)) {
                return new Loaded(Optional.of(new Entry(key, entry.seed(), entry.tries(), entry.original(), entry.shrunk())),
                        Optional.empty(), true);
            }
            problem = "it belongs to another property";
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
            return new Entry(fields.get("identity"), Long.parseLong(fields.get("seed")), Integer.parseInt(fields.get("tries")),
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
        try {
            byte[] secret = secret(true).orElseThrow();
            String identity = identity(entry.key(), secret);
            Path file = directory.resolve("property-" + identity.substring(0, 32) + ".failure");
            List<String> fields = new ArrayList<>();
            fields.add("format=" + FORMAT);
            fields.add("identity=" + identity);
            fields.add("seed=" + entry.seed());
            fields.add("tries=" + entry.tries());
            fields.add("original=" + line(entry.original()));
            fields.add("shrunk=" + line(entry.shrunk()));
            List<String> text = new ArrayList<>();
            text.add("# " + OutputHooks.redact(description.replace('\n', ' ').replace('\r', ' ')));
            text.add("# property: " + OutputHooks.redact(entry.key().replace('\n', ' ').replace('\r', ' ')));
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
            Optional<Path> file = existingFileFor(key);
            if (file.isPresent()) {
                Files.deleteIfExists(file.get());
            }
        } catch (IOException | RuntimeException e) {
            // a failure that cannot be deleted is tried again next time, which is harmless
        }
    }
}
