package dev.complianceharness.mask.internal;

import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Finds the personal values of an object — annotated {@link Pii} on a record component, a field or an accessor,
 * or named like personal data ({@link PersonalNames}) — in the object and the objects it holds (records, the team's
 * own classes, collections of them), so that the redaction boundary knows them before any text that could hold them
 * is written. What is read from each class is worked out once.
 */
public final class PersonalFields {

    private static final int MAX_DEPTH = 4;
    private static final int MAX_ELEMENTS = 200;
    private static final ClassValue<Members> MEMBERS = new ClassValue<>() {
        @Override
        protected Members computeValue(Class<?> type) {
            return members(type);
        }
    };

    private PersonalFields() {
    }

    /** What is read from a class, and the members that may hold personal data but cannot be opened. */
    private record Members(List<Member> readable, List<String> unreadable) {
    }

    /** A member to read: personal (with its kind) or holding further objects to look into. */
    private record Member(AccessibleObject accessor, PiiKind kind) {
        Object read(Object owner) throws ReflectiveOperationException {
            return accessor instanceof Method method ? method.invoke(owner) : ((Field) accessor).get(owner);
        }

        String name() {
            return ((java.lang.reflect.Member) accessor).getName();
        }
    }

    /**
     * Hands every personal value of an object to a consumer.
     *
     * @param value    the object
     * @param personal receives the kind and value of each one
     */
    public static void forEach(Object value, BiConsumer<PiiKind, String> personal) {
        forEach(value, personal, unreadable -> { });
    }

    /**
     * Hands every personal value of an object to a consumer, and says which members that may hold personal data
     * (annotated {@code @Pii}, named like personal data, or of a type that can hold such a member) could not be
     * opened or read, for example in a package its module does not open: their values are then known by shape only.
     *
     * @param value      the object
     * @param personal   receives the kind and value of each one
     * @param unreadable receives one line per member that could not be read, naming it and how to fix it
     */
    public static void forEach(Object value, BiConsumer<PiiKind, String> personal, Consumer<String> unreadable) {
        visit(value, personal, unreadable, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * @param type a type
     * @return whether it is the JDK's or a primitive, whose fields are never looked into
     */
    static boolean isPlatformType(Class<?> type) {
        if (type.isPrimitive() || type.isEnum() || type.isArray()) {
            return true;
        }
        String name = type.getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")
                || name.startsWith("com.sun.");
    }

    /**
     * @param component a record component
     * @return the kind of personal data it holds: from its {@link Pii} annotation (on the component, its field or its
     *         accessor), or else from its name ({@link PersonalNames})
     */
    static Optional<PiiKind> kindOf(RecordComponent component) {
        Pii pii = component.getAnnotation(Pii.class);
        if (pii == null) {
            pii = component.getAccessor().getAnnotation(Pii.class);
        }
        return pii != null ? Optional.of(pii.value()) : PersonalNames.kindOf(component.getName());
    }

    /**
     * @param field a field
     * @return the kind of personal data it holds: from its {@link Pii} annotation, or else from its name
     */
    static Optional<PiiKind> kindOf(Field field) {
        Pii pii = field.getAnnotation(Pii.class);
        return pii != null ? Optional.of(pii.value()) : PersonalNames.kindOf(field.getName());
    }

    /**
     * @param value a value read from a personal member
     * @return whether it is a value to register as it reads (text, a number, a date), not an object to look into
     */
    static boolean isPersonalValue(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof java.time.temporal.TemporalAccessor;
    }

    private static void visit(Object value, BiConsumer<PiiKind, String> personal, Consumer<String> unreadable, int depth,
                              Set<Object> seen) {
        if (value == null || depth > MAX_DEPTH || !seen.add(value)) {
            return;
        }
        if (value instanceof Iterable<?> iterable) {
            int count = 0;
            for (Object element : iterable) {
                if (count++ >= MAX_ELEMENTS) {
                    break;
                }
                visit(element, personal, unreadable, depth + 1, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            visit(map.values(), personal, unreadable, depth, seen);
            return;
        }
        if (value instanceof Optional<?> optional) {
            optional.ifPresent(present -> visit(present, personal, unreadable, depth + 1, seen));
            return;
        }
        if (value instanceof Object[] array) {
            visit(java.util.Arrays.asList(array), personal, unreadable, depth, seen);
            return;
        }
        if (isPlatformType(value.getClass())) {
            return;
        }
        Members members = MEMBERS.get(value.getClass());
        members.unreadable().forEach(unreadable);
        for (Member member : members.readable()) {
            Object read;
            try {
                read = member.read(value);
            } catch (ReflectiveOperationException | RuntimeException failed) {
                unreadable.accept(cannotRead(value.getClass(), member.name(), failed));
                continue;
            }
            if (read == null) {
                continue;
            }
            if (member.kind() != null && isPersonalValue(read)) {
                personal.accept(member.kind(), read.toString());
            } else {
                visit(read, personal, unreadable, depth + 1, seen);
            }
        }
    }

    private static Members members(Class<?> type) {
        List<Member> members = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                Optional<PiiKind> kind = kindOf(component);
                if (kind.isPresent() || mayHoldPii(component.getGenericType())) {
                    Method accessor = component.getAccessor();
                    if (accessible(type, component.getName(), accessor, unreadable)) {
                        members.add(new Member(accessor, kind.orElse(null)));
                    }
                }
            }
            return new Members(List.copyOf(members), List.copyOf(unreadable));
        }
        for (Class<?> current = type; current != null && !isPlatformType(current); current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                Optional<PiiKind> kind = kindOf(field);
                if ((kind.isPresent() || mayHoldPii(field.getGenericType())) && accessible(current, field.getName(), field, unreadable)) {
                    members.add(new Member(field, kind.orElse(null)));
                }
            }
        }
        return new Members(List.copyOf(members), List.copyOf(unreadable));
    }

    /**
     * Whether a value of a declared type may hold a value annotated {@link Pii}: a type of the team's with such a
     * member (directly or through its own members), a container of one, or a type that says too little to tell
     * ({@code Object}, a type variable, a wildcard). Strings, numbers and the JDK's other types hold none.
     */
    private static boolean mayHoldPii(Type type) {
        if (type instanceof Class<?> raw) {
            if (raw.isPrimitive() || raw.isEnum() || raw == String.class || Number.class.isAssignableFrom(raw)) {
                return false;
            }
            if (raw == Object.class || raw.isInterface() && !isPlatformType(raw)) {
                return true;
            }
            if (raw.isArray()) {
                return mayHoldPii(raw.getComponentType());
            }
            if (Iterable.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw == Optional.class) {
                return true;
            }
            return !isPlatformType(raw) && HOLDS_PII.get(raw);
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Iterable.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw == Optional.class) {
                for (Type argument : parameterized.getActualTypeArguments()) {
                    if (mayHoldPii(argument)) {
                        return true;
                    }
                }
                return false;
            }
            return mayHoldPii(raw);
        }
        if (type instanceof GenericArrayType array) {
            return mayHoldPii(array.getGenericComponentType());
        }
        return true;
    }

    /** Whether a class of the team's holds a value annotated {@link Pii}, directly or through its members. */
    private static final ClassValue<Boolean> HOLDS_PII = new ClassValue<>() {
        private final ThreadLocal<Set<Class<?>>> inProgress = ThreadLocal.withInitial(HashSet::new);

        @Override
        protected Boolean computeValue(Class<?> type) {
            Set<Class<?>> visiting = inProgress.get();
            if (!visiting.add(type)) {
                // a type that holds itself: whether it holds PII is decided elsewhere, so look into it to be safe
                return true;
            }
            try {
                if (type.isRecord()) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        if (kindOf(component).isPresent() || mayHoldPii(component.getGenericType())) {
                            return true;
                        }
                    }
                    return false;
                }
                for (Class<?> current = type; current != null && !isPlatformType(current); current = current.getSuperclass()) {
                    for (Field field : current.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers())
                                && (kindOf(field).isPresent() || mayHoldPii(field.getGenericType()))) {
                            return true;
                        }
                    }
                }
                return false;
            } finally {
                visiting.remove(type);
            }
        }
    };

    private static boolean accessible(Class<?> type, String name, AccessibleObject member, List<String> unreadable) {
        try {
            member.setAccessible(true);
            return true;
        } catch (RuntimeException inaccessible) {
            unreadable.add(cannotRead(type, name, inaccessible));
            return false;
        }
    }

    private static String cannotRead(Class<?> type, String member, Throwable why) {
        return "the redaction boundary could not read " + type.getName() + "." + member + " (" + why.getClass().getName()
                + "), which may hold personal data: its values are redacted by their shape only, not as known values;"
                + " open its package to the harness or annotate what it holds on a readable member";
    }
}
