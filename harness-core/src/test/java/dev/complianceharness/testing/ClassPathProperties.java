package dev.complianceharness.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Runs fixtures with a {@code junit-platform.properties} on the class path, as a team's
 * {@code src/test/resources/junit-platform.properties}: the file is put in a directory that a class loader adds in
 * front of the test class path, set as the calling thread's context class loader while the fixtures run (the threads
 * of a fixture run inherit it).
 */
public final class ClassPathProperties {

    private ClassPathProperties() {
    }

    /**
     * Runs an action with a {@code junit-platform.properties} on the context class path.
     *
     * @param directory  an empty directory for the file
     * @param properties the file's content
     * @param action     what to run
     * @param <T>        its result
     * @return the result
     */
    public static <T> T with(Path directory, String properties, Supplier<T> action) {
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        try {
            Files.writeString(directory.resolve("junit-platform.properties"), properties);
            try (URLClassLoader withFile = new URLClassLoader(new URL[] {directory.toUri().toURL()}, original)) {
                Thread.currentThread().setContextClassLoader(withFile);
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }
}
