package dev.complianceharness.property.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps the shrunk choices of each failing property in a directory (by default
 * {@value #DEFAULT_DIRECTORY}), so that the next run tries them first. One file per property, written
 * through a temporary file and an atomic move, so that properties running in parallel (or two builds)
 * never see a half-written file; an unreadable file is ignored and replaced.
 *
 * <p>A property's identity may hold personal data (a dynamic test named after its example, a property named
 * after a customer), so a file is named by a keyed hash of it — HMAC-SHA-256 under a random key kept in the
 * directory ({@value #KEY_FILE}), which a plain hash of guessable text would not protect — and the comment
 * lines in the file pass the host's redaction.
 */
public final class FailureStore {

    /** Where failures go unless configured. */
    public static final String DEFAULT_DIRECTORY = "target/compliance-harness/failures";
    /** The file in the directory holding the key that file names are hashed with. */
    static final String KEY_FILE = ".name-key";
    private static final int KEY_BYTES = 32;

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
     * The file a property's failure is kept in.
     *
     * @param key the property's identity
     * @return the file, named by a keyed hash of the identity; empty when the directory holds no key yet and
     *         {@code create} is false
     * @throws IOException if the key cannot be read or created
     */
    Optional<Path> fileFor(String key, boolean create) throws IOException {
        Optional<byte[]> secret = secret(create);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.get(), "HmacSHA256"));
            byte[] digest = mac.doFinal(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder name = new StringBuilder("property-");
            for (int i = 0; i < 16; i++) {
                name.append(String.format("%02x", digest[i] & 0xff));
            }
            return Optional.of(directory.resolve(name.append(".choices").toString()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM has no HmacSHA256, which every Java SE platform must provide", e);
        }
    }

    private Optional<byte[]> secret(boolean create) throws IOException {
        Path file = directory.resolve(KEY_FILE);
        if (Files.isRegularFile(file)) {
            return Optional.of(HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        }
        if (!create) {
            return Optional.empty();
        }
        Files.createDirectories(directory);
        byte[] secret = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        Path temporary = Files.createTempFile(directory, ".key", ".tmp");
        try {
            Files.writeString(temporary, HexFormat.of().formatHex(secret), StandardCharsets.US_ASCII);
            // a hard link appears complete or not at all and never replaces a key another property or build wrote
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
        return Optional.of(HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).trim()));
    }

    /**
     * Loads a stored failure.
     *
     * @param key the property's identity
     * @return its choices, or empty if none is stored or the file is unreadable
     */
    public Optional<long[]> load(String key) {
        try {
            Optional<Path> named = fileFor(key, false);
            if (named.isEmpty() || !Files.isRegularFile(named.get())) {
                return Optional.empty();
            }
            Path file = named.get();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (!line.startsWith("#")) {
                    return Optional.of(parse(line.trim()));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static long[] parse(String line) {
        if (line.isEmpty()) {
            return new long[0];
        }
        String[] parts = line.split(",");
        long[] choices = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            choices[i] = Long.parseUnsignedLong(parts[i].trim());
        }
        return choices;
    }

    /**
     * Saves a failure, replacing any earlier one.
     *
     * @param key         the property's identity
     * @param description a line for people reading the file
     * @param choices     the failing choices
     * @return the file, or empty if it could not be written (the failure is still reported)
     */
    public Optional<Path> save(String key, String description, long[] choices) {
        try {
            Path file = fileFor(key, true).orElseThrow();
            List<String> text = new ArrayList<>();
            text.add("# " + OutputHooks.redact(description.replace('\n', ' ')));
            text.add("# property: " + OutputHooks.redact(key.replace('\n', ' ')));
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < choices.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(Long.toUnsignedString(choices[i]));
            }
            text.add(line.toString());
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
            Optional<Path> file = fileFor(key, false);
            if (file.isPresent()) {
                Files.deleteIfExists(file.get());
            }
        } catch (IOException | RuntimeException e) {
            // a failure that cannot be deleted is tried again next time, which is harmless
        }
    }
}
