package dev.complianceharness.report.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of a report directory: {@code partials/<launch>.started} while a launch runs, {@code partials/<launch>.json}
 * once it finished, and the merged {@code report.json}, {@code gate.txt} and {@code index.html}. Writers take a file
 * lock on the directory, so forks finishing together merge one after the other and the last one sees every result.
 */
public final class ReportFiles {

    /** Configuration key naming the report directory. */
    public static final String REPORT_DIRECTORY = "complianceharness.report.dir";
    /** Configuration key naming the aggregate report directory of a multi-module build. */
    public static final String AGGREGATE_DIRECTORY = "complianceharness.report.aggregate.dir";
    /** Where the report goes unless configured. */
    public static final String DEFAULT_REPORT_DIRECTORY = "target/compliance-report";

    /** One monitor per directory for the threads of this JVM; the file lock keeps other JVMs out. */
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private ReportFiles() {
    }

    /**
     * What a launch wrote.
     *
     * @param index     the module report's {@code index.html}
     * @param report    the module report
     * @param aggregate the aggregate report's {@code index.html}, when one is configured
     */
    public record Written(Path index, ComplianceReport report, Optional<Path> aggregate) {
    }

    /** Work done while holding a report directory's lock. */
    @FunctionalInterface
    public interface LockedWork<T> {
        /**
         * Does the work.
         *
         * @return its result
         * @throws IOException if files cannot be read or written
         */
        T run() throws IOException;
    }

    /**
     * Runs work while holding a report directory's lock, against other threads and other JVMs.
     *
     * @param directory the report directory; created if missing
     * @param work      the work
     * @param <T>       its result
     * @return the result
     * @throws IOException if the lock cannot be taken or the work fails
     */
    public static <T> T locked(Path directory, LockedWork<T> work) throws IOException {
        Path normalized = directory.toAbsolutePath().normalize();
        Object monitor = MONITORS.computeIfAbsent(normalized, path -> new Object());
        synchronized (monitor) {
            Files.createDirectories(normalized);
            try (FileChannel channel = FileChannel.open(normalized.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    return work.run();
                } finally {
                    lock.release();
                }
            }
        }
    }

    static void markStarted(Path reportDirectory, String launchId, Instant startedAt) {
        try {
            Path folder = Files.createDirectories(reportDirectory.resolve(ReportMerge.PARTIALS));
            ReportWriter.writeAtomically(folder.resolve(launchId + ".started"), "pid=" + ProcessHandle.current().pid()
                    + "\nstartedAt=" + startedAt + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not mark the test launch in " + reportDirectory.toAbsolutePath()
                    + ": the compliance report could not be written there", e);
        }
    }

    static void unmarkStarted(Path reportDirectory, String launchId) {
        Path folder = reportDirectory.resolve(ReportMerge.PARTIALS);
        try {
            Files.deleteIfExists(folder.resolve(launchId + ".started"));
            try (var left = Files.list(folder)) {
                if (left.findAny().isEmpty()) {
                    Files.deleteIfExists(folder);
                }
            }
        } catch (IOException e) {
            // an empty marker left behind is reported by the next merge, with how to remove it
        }
    }

    /**
     * Writes a launch's partial result and rebuilds the report of its directory from every partial result there; then
     * rebuilds the aggregate report of the build, if one is configured.
     *
     * @param reportDirectory the report directory
     * @param partial         the launch's partial result
     * @param aggregate       the aggregate report directory, if configured
     * @return what was written
     */
    static Written writeAndMerge(Path reportDirectory, PartialResult partial, Optional<Path> aggregate) {
        try {
            Written module = locked(reportDirectory, () -> {
                Path folder = Files.createDirectories(reportDirectory.resolve(ReportMerge.PARTIALS));
                ReportWriter.writeAtomically(folder.resolve(partial.launchId() + ".json"), partial.toJson());
                Files.deleteIfExists(folder.resolve(partial.launchId() + ".started"));
                ComplianceReport report = ComplianceReport.from(ReportMerge.merge(List.of(reportDirectory), Optional.empty()));
                return new Written(new ReportWriter(reportDirectory).write(report), report, Optional.empty());
            });
            Optional<Path> aggregateIndex = Optional.empty();
            if (aggregate.isPresent() && !aggregate.get().toAbsolutePath().normalize()
                    .equals(reportDirectory.toAbsolutePath().normalize())) {
                aggregateIndex = Optional.of(aggregate(aggregate.get()));
            }
            return new Written(module.index(), module.report(), aggregateIndex);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the compliance report to " + reportDirectory.toAbsolutePath(), e);
        }
    }

    /**
     * Rebuilds the aggregate report of a build from the partial results of every report directory below the build's
     * root (the aggregate directory's grandparent, as in {@code <root>/target/compliance-report}).
     *
     * @param aggregateDirectory the aggregate report directory
     * @return its {@code index.html}
     * @throws IOException if results cannot be read or the report cannot be written
     */
    public static Path aggregate(Path aggregateDirectory) throws IOException {
        Path directory = aggregateDirectory.toAbsolutePath().normalize();
        Path root = directory.getParent() == null || directory.getParent().getParent() == null ? directory
                : directory.getParent().getParent();
        return locked(directory, () -> {
            ComplianceReport report = ComplianceReport.from(ReportMerge.merge(reportDirectoriesBelow(root, directory),
                    Optional.empty()));
            return new ReportWriter(directory).write(report);
        });
    }

    /**
     * Every report directory below a root: a directory holding a {@value ReportMerge#PARTIALS} folder, skipping hidden
     * folders, {@code src} and {@code node_modules}, and the given directory to leave out.
     *
     * @param root      the root
     * @param leaveOut  a report directory not to include (the aggregate itself)
     * @return the report directories, sorted
     * @throws IOException if the tree cannot be walked
     */
    public static List<Path> reportDirectoriesBelow(Path root, Path leaveOut) throws IOException {
        List<Path> found = new ArrayList<>();
        Path excluded = leaveOut.toAbsolutePath().normalize();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(root) && (name.startsWith(".") || name.equals("node_modules") || name.equals("src"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (name.equals(ReportMerge.PARTIALS) && dir.getParent() != null
                        && !dir.getParent().toAbsolutePath().normalize().equals(excluded)) {
                    found.add(dir.getParent());
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

}
