package dev.complianceharness.audit.internal;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassReader;
import dev.complianceharness.liability.ClassImports;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the class files of jars and class directories that nobody vouches for before ArchUnit does, with a
 * limit on how large one class file may be once decompressed: ArchUnit reads each entry whole into memory, so a
 * 200 kB entry that inflates to 200 MB (a decompression bomb) would cost hundreds of megabytes. Entries over
 * the limit, entries that are not class files, entries ArchUnit then fails to import, and archives inside the
 * jar are left out of the import and each named in a warning, so the audit never passes over them in silence.
 */
public final class ClassFileScreen {

    /** The default limit for one class file: far above any real class (the JDK's largest are about 1 MB). */
    public static final long DEFAULT_MAX_CLASS_FILE_SIZE = 8L * 1024 * 1024;

    private static final int CLASS_FILE_MAGIC = 0xCAFEBABE;
    private static final int MAX_LISTED_WARNINGS = 50;

    private final long maxClassFileSize;
    private final Set<String> rejected = new HashSet<>();
    private final Map<String, String> accepted = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private int unlisted;

    private ClassFileScreen(long maxClassFileSize) {
        this.maxClassFileSize = maxClassFileSize;
    }

    /**
     * Screens and imports jars and class directories, without resolving dependencies.
     *
     * @param paths            jar files or class directories
     * @param maxClassFileSize the most bytes one class file may have once decompressed
     * @return the imported classes and the warnings about what was left out
     * @throws IllegalArgumentException naming a file that is not a readable jar
     */
    public static Imported importScreened(List<Path> paths, long maxClassFileSize) {
        ClassFileScreen screen = new ClassFileScreen(maxClassFileSize);
        List<Location> locations = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                screen.screenJar(path);
                try (JarFile jar = new JarFile(path.toFile())) {
                    locations.add(Location.of(jar));
                } catch (IOException e) {
                    throw unreadableJar(path, e);
                }
            } else {
                screen.screenDirectory(path);
                locations.add(Location.of(path));
            }
        }
        ImportOption screened = location -> !screen.rejected.contains(normalized(location.asURI().toString()));
        JavaClasses classes = ClassImports.withoutResolvingDependencies(importer ->
                importer.withImportOption(screened).importLocations(locations));
        screen.checkImported(classes);
        if (screen.unlisted > 0) {
            screen.warnings.add("... and " + screen.unlisted + " more class files or archives that were not audited");
        }
        return new Imported(classes, List.copyOf(screen.warnings));
    }

    /**
     * What the import brought.
     *
     * @param classes  the imported classes
     * @param warnings one line for each class file or archive that was not audited, and why
     */
    public record Imported(JavaClasses classes, List<String> warnings) {
    }

    private void screenJar(Path path) {
        int nestedArchives = 0;
        String firstNested = null;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".zip")) {
                    nestedArchives++;
                    firstNested = firstNested == null ? name : firstNested;
                }
                if (!isImported(name)) {
                    continue;
                }
                String uri = normalized("jar:" + path.toAbsolutePath().toUri() + "!/" + name);
                try (InputStream in = zip.getInputStream(entry)) {
                    screen(uri, path.getFileName() + "!/" + name, in, entry.getCompressedSize());
                } catch (IOException | RuntimeException e) {
                    reject(uri, path.getFileName() + "!/" + name + " cannot be decompressed (" + e.getMessage() + ")");
                }
            }
        } catch (IOException e) {
            throw unreadableJar(path, e);
        }
        if (nestedArchives > 0) {
            warn(path.getFileName() + " holds " + nestedArchives + (nestedArchives == 1 ? " archive" : " archives")
                    + " (" + firstNested + (nestedArchives > 1 ? " and others" : "") + ") that the audit does not open:"
                    + " audit them on their own");
        }
    }

    private void screenDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(file) || !isImported(file.getFileName().toString())) {
                    continue;
                }
                String uri = normalized(file.toUri().toString());
                String shown = directory.relativize(file).toString();
                if (Files.size(file) > maxClassFileSize) {
                    reject(uri, shown + " has " + size(Files.size(file)) + ", more than the limit of " + size(maxClassFileSize)
                            + " for one class file: not audited; check it by hand, or raise --max-class-size");
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    screen(uri, shown, in, -1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the class directory " + directory.toAbsolutePath(), e);
        }
    }

    private void screen(String uri, String shown, InputStream in, long compressedSize) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxClassFileSize + 1));
        if (bytes.length > maxClassFileSize) {
            reject(uri, shown + " inflates to more than the limit of " + size(maxClassFileSize) + " for one class file"
                    + (compressedSize >= 0 ? " from " + size(compressedSize) + " compressed" : "")
                    + ": a decompression bomb or generated code; check it by hand, or raise --max-class-size");
            return;
        }
        if (bytes.length < 10 || readInt(bytes) != CLASS_FILE_MAGIC) {
            reject(uri, shown + " is not a class file (it does not start with 0xCAFEBABE)");
            return;
        }
        try {
            accepted.put(uri, new ClassReader(bytes).getClassName().replace('/', '.'));
        } catch (RuntimeException e) {
            reject(uri, shown + " cannot be read as a class file (" + e + ")");
        }
    }

    /** Accepted entries that ArchUnit did not import: it logs and skips class files it cannot parse. */
    private void checkImported(JavaClasses classes) {
        Set<String> imported = new HashSet<>();
        for (JavaClass javaClass : classes) {
            javaClass.getSource().map(Source::getUri).map(URI::toString).map(ClassFileScreen::normalized).ifPresent(imported::add);
        }
        accepted.entrySet().stream().filter(entry -> !imported.contains(entry.getKey())).sorted(Map.Entry.comparingByKey())
                .forEach(entry -> warn(shown(entry.getKey()) + (classes.contain(entry.getValue())
                        ? " holds " + entry.getValue() + " again, which was audited from another location: this copy was not audited"
                        : " could not be imported (its class file is damaged or of an unsupported version): not audited")));
    }

    private void reject(String uri, String warning) {
        rejected.add(uri);
        warn(warning);
    }

    /** Lists the first {@link #MAX_LISTED_WARNINGS} warnings and counts the rest, so a hostile jar cannot flood the report. */
    private void warn(String warning) {
        if (warnings.size() < MAX_LISTED_WARNINGS) {
            warnings.add(warning);
        } else {
            unlisted++;
        }
    }

    /** ArchUnit writes {@code file:/x}, {@link Path#toUri()} writes {@code file:///x}: one form for comparing. */
    private static String normalized(String uri) {
        return uri.replace("file:///", "file:/");
    }

    /** A size as people read it: {@code 8 MiB}, {@code 199 KiB}, {@code 512 bytes}. */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return bytes >= 1024 ? Math.round(bytes / 1024.0) + " KiB" : bytes + " bytes";
    }

    private static String shown(String uri) {
        int jarEnd = uri.indexOf("!/");
        String path = jarEnd < 0 ? uri : uri.substring(0, jarEnd);
        String file = path.substring(path.lastIndexOf('/') + 1);
        return jarEnd < 0 ? file : file + uri.substring(jarEnd);
    }

    /** The class files ArchUnit imports: every {@code .class} file except {@code module-info.class}. */
    private static boolean isImported(String name) {
        return name.endsWith(".class") && !name.equals("module-info.class");
    }

    private static int readInt(byte[] bytes) {
        return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | bytes[3] & 0xFF;
    }

    private static IllegalArgumentException unreadableJar(Path path, IOException e) {
        return new IllegalArgumentException("Cannot read " + path.toAbsolutePath() + " as a jar: " + e.getMessage()
                + "; name a jar file or a class directory", e);
    }
}
