package dev.complianceharness.liability.internal;

import dev.complianceharness.liability.LiabilityZone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether any class file below a directory mentions {@link LiabilityZone}: a scan of the files' bytes for
 * the annotation's descriptor, far cheaper than an ArchUnit import, so that code without zones (most
 * modules) is never imported.
 */
public final class ZoneAnnotationScan {

    /** Built at run time, so that this class's own constant pool does not mention the annotation. */
    private static final byte[] DESCRIPTOR = ("L" + LiabilityZone.class.getName().replace('.', '/') + ";")
            .getBytes(StandardCharsets.US_ASCII);

    private ZoneAnnotationScan() {
    }

    /**
     * Scans a class directory.
     *
     * @param directory a class directory, such as {@code target/classes}
     * @return whether a class file below it mentions the annotation
     * @throws UncheckedIOException if a file cannot be read
     */
    public static boolean mentionsLiabilityZone(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".class"))
                    .anyMatch(ZoneAnnotationScan::contains);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(Path classFile) {
        try {
            byte[] bytes = Files.readAllBytes(classFile);
            outer:
            for (int i = 0; i <= bytes.length - DESCRIPTOR.length; i++) {
                for (int j = 0; j < DESCRIPTOR.length; j++) {
                    if (bytes[i + j] != DESCRIPTOR[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
