package dev.complianceharness.liability;

import dev.complianceharness.liability.LiabilityMap.ClassZones;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads {@link LiabilityZone} declarations straight from the class files of class directories, for the map that
 * zone discovery builds at the end of a test launch: ArchUnit's first import costs a cold test JVM more than half a
 * second, and the map needs only each class's name, its enclosing class, whether it is anonymous, and the one
 * annotation. It reads them as ArchUnit does (the {@code InnerClasses} and {@code EnclosingMethod} attributes, the
 * annotation in {@code RuntimeVisibleAnnotations} or {@code RuntimeInvisibleAnnotations}), and resolves zones as
 * {@link ZoneResolver} does. Whatever it does not read exactly as ArchUnit would (a class name found twice, an
 * enclosing class that is not in the directories, an annotation value of another type than the annotation declares,
 * a file that is not a class file) makes it answer empty, and the caller imports with ArchUnit.
 */
final class ClassFileZones {

    private static final String DESCRIPTOR = "L" + ZoneResolver.ANNOTATION.replace('.', '/') + ";";
    private static final String PACKAGE_INFO = "package-info";

    /**
     * An enum constant as the class file names it.
     *
     * @param name the constant's name
     */
    record EnumConstant(String name) {
    }

    /** A class file holds something this reader leaves to ArchUnit. */
    private static final class LeftToArchUnit extends Exception {
        private static final long serialVersionUID = 1L;

        LeftToArchUnit(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A value of an annotation element this reader does not interpret. */
    private static final Object OTHER_VALUE = new Object();

    /**
     * One class as read.
     *
     * @param name      its binary name
     * @param anonymous whether it is anonymous
     * @param enclosing its enclosing class; null for a top-level class
     * @param zone      the annotation's explicitly declared elements; null when the class is not annotated
     */
    private record ClassFile(String name, boolean anonymous, String enclosing, Map<String, Object> zone) {
    }

    private ClassFileZones() {
    }

    /**
     * Reads what every class in the directories contributes to the map.
     *
     * @param directories class directories
     * @return one entry per class file; empty when ArchUnit must read them
     */
    static Optional<List<ClassZones>> read(List<Path> directories) {
        Map<String, ClassFile> classes = new HashMap<>();
        try {
            for (Path directory : directories) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(directory)) {
                    files = walk.filter(file -> file.getFileName().toString().endsWith(".class")).sorted().toList();
                }
                for (Path file : files) {
                    if (file.getFileName().toString().equals("module-info.class")) {
                        continue;
                    }
                    ClassFile read = parse(Files.readAllBytes(file));
                    if (classes.putIfAbsent(read.name(), read) != null) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(resolve(classes));
        } catch (LeftToArchUnit | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<ClassZones> resolve(Map<String, ClassFile> classes) throws LeftToArchUnit {
        Map<String, Optional<ZoneDeclaration>> declared = new HashMap<>();
        for (ClassFile file : classes.values()) {
            if (file.zone() != null) {
                boolean packageInfo = simpleName(file.name()).equals(PACKAGE_INFO);
                String elementName = packageInfo ? packageName(file.name()) : file.name();
                Map<String, Object> elements = file.zone();
                declared.put(file.name(), Optional.of(ZoneResolver.declaration(packageInfo, elementName,
                        property -> Optional.ofNullable(elements.get(property)))));
            }
        }
        Map<String, Optional<ZoneDeclaration>> covering = new HashMap<>();
        List<ClassZones> zones = new ArrayList<>();
        for (ClassFile file : classes.values()) {
            Optional<ZoneDeclaration> own = declared.getOrDefault(file.name(), Optional.empty());
            if (simpleName(file.name()).equals(PACKAGE_INFO)) {
                zones.add(new ClassZones(file.name(), true, false, own, Optional.empty()));
            } else {
                zones.add(new ClassZones(file.name(), false, file.anonymous(), own,
                        covering(file, classes, declared, covering)));
            }
        }
        return zones;
    }

    /** As {@link ZoneResolver#declarationFor}: the class's own, else its enclosing class's, else its package's. */
    private static Optional<ZoneDeclaration> covering(ClassFile file, Map<String, ClassFile> classes,
                                                      Map<String, Optional<ZoneDeclaration>> declared,
                                                      Map<String, Optional<ZoneDeclaration>> covering) throws LeftToArchUnit {
        Optional<ZoneDeclaration> cached = covering.get(file.name());
        if (cached != null) {
            return cached;
        }
        Optional<ZoneDeclaration> resolved = declared.getOrDefault(file.name(), Optional.empty());
        if (resolved.isEmpty() && file.enclosing() != null) {
            ClassFile enclosing = classes.get(file.enclosing());
            if (enclosing == null) {
                throw new LeftToArchUnit(file.enclosing() + " is not among the classes read");
            }
            resolved = covering(enclosing, classes, declared, covering);
        }
        if (resolved.isEmpty()) {
            resolved = packageDeclaration(packageName(file.name()), declared);
        }
        covering.put(file.name(), resolved);
        return resolved;
    }

    private static Optional<ZoneDeclaration> packageDeclaration(String packageName,
                                                                Map<String, Optional<ZoneDeclaration>> declared) {
        String current = packageName;
        while (true) {
            Optional<ZoneDeclaration> found = declared.getOrDefault(
                    current.isEmpty() ? PACKAGE_INFO : current + "." + PACKAGE_INFO, Optional.empty());
            if (found.isPresent() || current.isEmpty()) {
                return found;
            }
            int dot = current.lastIndexOf('.');
            current = dot < 0 ? "" : current.substring(0, dot);
        }
    }

    private static String packageName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Reads one class file (JVMS §4): the constant pool, the class's name and its class-level attributes. */
    private static ClassFile parse(byte[] bytes) throws LeftToArchUnit {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.getInt() != 0xCAFEBABE) {
                throw new LeftToArchUnit("not a class file");
            }
            in.getInt();
            ConstantPool pool = new ConstantPool(in);
            in.getShort();
            String name = pool.className(u2(in));
            in.getShort();
            skip(in, 2 * u2(in));
            skipMembers(in);
            skipMembers(in);
            boolean anonymous = false;
            String member = null;
            String local = null;
            Map<String, Object> zone = null;
            for (int attributes = u2(in); attributes > 0; attributes--) {
                String attribute = pool.utf8(u2(in));
                int length = in.getInt();
                int end = in.position() + length;
                switch (attribute) {
                    case "InnerClasses" -> {
                        for (int entries = u2(in); entries > 0; entries--) {
                            int inner = u2(in);
                            int outer = u2(in);
                            int innerName = u2(in);
                            in.getShort();
                            if (inner != 0 && pool.className(inner).equals(name)) {
                                anonymous = innerName == 0;
                                if (outer != 0) {
                                    member = pool.className(outer);
                                }
                            }
                        }
                    }
                    case "EnclosingMethod" -> local = pool.className(u2(in));
                    case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations" -> {
                        for (int annotations = u2(in); annotations > 0; annotations--) {
                            String type = pool.utf8(u2(in));
                            Map<String, Object> elements = elements(in, pool);
                            if (type.equals(DESCRIPTOR)) {
                                if (zone != null) {
                                    throw new LeftToArchUnit(name + " carries the annotation twice");
                                }
                                zone = checked(name, elements);
                            }
                        }
                    }
                    default -> {
                    }
                }
                in.position(end);
            }
            if (member != null && local != null && !member.equals(local)) {
                throw new LeftToArchUnit(name + " names two enclosing classes");
            }
            return new ClassFile(name, anonymous, member != null ? member : local, zone);
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new LeftToArchUnit("unreadable class file: " + e);
        }
    }

    /** Keeps the elements whose types the annotation declares; anything else is left to ArchUnit. */
    private static Map<String, Object> checked(String className, Map<String, Object> elements) throws LeftToArchUnit {
        for (Map.Entry<String, Object> element : elements.entrySet()) {
            Object value = element.getValue();
            boolean expected = switch (element.getKey()) {
                case "tier" -> value instanceof EnumConstant;
                case "owner", "name" -> value instanceof String;
                case "regulations", "guardedBy" -> value instanceof String[];
                default -> false;
            };
            if (!expected) {
                throw new LeftToArchUnit(className + " declares " + element.getKey() + " of an unexpected type");
            }
        }
        return elements;
    }

    private static Map<String, Object> elements(ByteBuffer in, ConstantPool pool) throws LeftToArchUnit {
        Map<String, Object> elements = new HashMap<>();
        for (int pairs = u2(in); pairs > 0; pairs--) {
            String element = pool.utf8(u2(in));
            elements.put(element, value(in, pool));
        }
        return elements;
    }

    private static Object value(ByteBuffer in, ConstantPool pool) throws LeftToArchUnit {
        char tag = (char) in.get();
        switch (tag) {
            case 's' -> {
                return pool.utf8(u2(in));
            }
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 'c' -> {
                in.getShort();
                return OTHER_VALUE;
            }
            case 'e' -> {
                in.getShort();
                return new EnumConstant(pool.utf8(u2(in)));
            }
            case '@' -> {
                in.getShort();
                elements(in, pool);
                return OTHER_VALUE;
            }
            case '[' -> {
                int count = u2(in);
                List<Object> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(value(in, pool));
                }
                // an empty array reads as no texts whatever its type, as it does through ArchUnit
                return values.stream().allMatch(String.class::isInstance) ? values.toArray(new String[0]) : OTHER_VALUE;
            }
            default -> throw new LeftToArchUnit("annotation value tag " + tag);
        }
    }

    private static void skipMembers(ByteBuffer in) {
        for (int members = u2(in); members > 0; members--) {
            skip(in, 6);
            for (int attributes = u2(in); attributes > 0; attributes--) {
                in.getShort();
                skip(in, in.getInt());
            }
        }
    }

    private static int u2(ByteBuffer in) {
        return in.getShort() & 0xFFFF;
    }

    private static void skip(ByteBuffer in, int bytes) {
        in.position(in.position() + bytes);
    }

    /** The constant pool: where each entry starts, read on demand. */
    private static final class ConstantPool {
        private final ByteBuffer bytes;
        private final int[] offsets;
        private final byte[] tags;

        ConstantPool(ByteBuffer in) throws LeftToArchUnit {
            bytes = in;
            int count = u2(in);
            offsets = new int[count];
            tags = new byte[count];
            for (int i = 1; i < count; i++) {
                byte tag = in.get();
                tags[i] = tag;
                offsets[i] = in.position();
                switch (tag) {
                    case 1 -> skip(in, u2(in));
                    case 3, 4 -> skip(in, 4);
                    case 5, 6 -> {
                        skip(in, 8);
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> skip(in, 2);
                    case 9, 10, 11, 12, 17, 18 -> skip(in, 4);
                    case 15 -> skip(in, 3);
                    default -> throw new LeftToArchUnit("constant pool tag " + tag);
                }
            }
        }

        String utf8(int index) throws LeftToArchUnit {
            if (index <= 0 || index >= tags.length || tags[index] != 1) {
                throw new LeftToArchUnit("constant " + index + " is not a text");
            }
            int length = bytes.getShort(offsets[index]) & 0xFFFF;
            int start = offsets[index] + 2;
            for (int i = start; i < start + length; i++) {
                byte b = bytes.get(i);
                if (b <= 0) {
                    // modified UTF-8 beyond ASCII: decode it the JVM's way
                    return modifiedUtf8(start, length);
                }
            }
            return new String(bytes.array(), start, length, StandardCharsets.US_ASCII);
        }

        private String modifiedUtf8(int start, int length) throws LeftToArchUnit {
            byte[] copy = new byte[length + 2];
            copy[0] = (byte) (length >>> 8);
            copy[1] = (byte) length;
            System.arraycopy(bytes.array(), start, copy, 2, length);
            try {
                return new java.io.DataInputStream(new java.io.ByteArrayInputStream(copy)).readUTF();
            } catch (IOException e) {
                throw new LeftToArchUnit("constant is not modified UTF-8: " + e.getMessage());
            }
        }

        String className(int index) throws LeftToArchUnit {
            if (index <= 0 || index >= tags.length || tags[index] != 7) {
                throw new LeftToArchUnit("constant " + index + " is not a class");
            }
            return utf8(bytes.getShort(offsets[index]) & 0xFFFF).replace('/', '.');
        }
    }
}
