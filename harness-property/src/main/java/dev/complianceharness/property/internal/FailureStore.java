package dev.complianceharness.property.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the shrunk choices of each failing property in a directory (by default
 * {@value #DEFAULT_DIRECTORY}), so that the next run tries them first. One file per property, written
 * through a temporary file and an atomic move, so that properties running in parallel (or two builds)
 * never see a half-written file; an unreadable file is ignored and replaced.
 */
public final class FailureStore {

    /** Where failures go unless configured. */
    public static final String DEFAULT_DIRECTORY = "target/compliance-harness/failures";

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
     * @return the file
     */
    public Path fileFor(String key) {
        String readable = readable(key);
        if (readable.length() > 80) {
            readable = readable.substring(readable.length() - 80);
        }
        return directory.resolve(readable + "-" + Integer.toHexString(key.hashCode()) + ".choices");
    }

    /**
     * The key with every character but letters, digits, '.', '_' and '-' replaced by '_'. A loop rather than a
     * regular expression: every property run looks its file up, and the regex was most of a check's cost.
     */
    private static String readable(String key) {
        StringBuilder readable = new StringBuilder(key.length());
        key.codePoints().forEach(c -> readable.append(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '.' || c == '_' || c == '-' ? (char) c : '_'));
        return readable.toString();
    }

    /**
     * Loads a stored failure.
     *
     * @param key the property's identity
     * @return its choices, or empty if none is stored or the file is unreadable
     */
    public Optional<long[]> load(String key) {
        Path file = fileFor(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
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
        Path file = fileFor(key);
        try {
            Files.createDirectories(directory);
            List<String> text = new ArrayList<>();
            text.add("# " + description.replace('\n', ' '));
            text.add("# key: " + key.replace('\n', ' '));
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
            Files.deleteIfExists(fileFor(key));
        } catch (IOException e) {
            // a failure that cannot be deleted is tried again next time, which is harmless
        }
    }
}
