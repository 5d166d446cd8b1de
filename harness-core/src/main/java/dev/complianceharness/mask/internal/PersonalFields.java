package dev.complianceharness.mask.internal;

import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Finds the values of an object that are annotated {@link Pii} — on a record component, a field or an
 * accessor — in the object and the objects it holds (records, the team's own classes, collections of them),
 * so that the redaction boundary knows them before any text that could hold them is written. What is read
 * from each class is worked out once.
 */
public final class PersonalFields {

    private static final int MAX_DEPTH = 4;
    private static final int MAX_ELEMENTS = 200;
    private static final ClassValue<List<Member>> MEMBERS = new ClassValue<>() {
        @Override
        protected List<Member> computeValue(Class<?> type) {
            return members(type);
        }
    };

    private PersonalFields() {
    }

    /** A member to read: personal (with its kind) or holding further objects to look into. */
    private record Member(AccessibleObject accessor, PiiKind kind) {
        Object read(Object owner) throws ReflectiveOperationException {
            return accessor instanceof Method method ? method.invoke(owner) : ((Field) accessor).get(owner);
        }
    }

    /**
     * Hands every personal value of an object to a consumer.
     *
     * @param value    the object
     * @param personal receives the kind and value of each one
     */
    public static void forEach(Object value, BiConsumer<PiiKind, String> personal) {
        visit(value, personal, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
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
     * @return its {@link Pii} annotation, from the component, its field or its accessor
     */
    static Optional<Pii> annotation(RecordComponent component) {
        Pii pii = component.getAnnotation(Pii.class);
        if (pii == null) {
            pii = component.getAccessor().getAnnotation(Pii.class);
        }
        return Optional.ofNullable(pii);
    }

    private static void visit(Object value, BiConsumer<PiiKind, String> personal, int depth, Set<Object> seen) {
        if (value == null || depth > MAX_DEPTH || !seen.add(value)) {
            return;
        }
        if (value instanceof Iterable<?> iterable) {
            int count = 0;
            for (Object element : iterable) {
                if (count++ >= MAX_ELEMENTS) {
                    break;
                }
                visit(element, personal, depth + 1, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            visit(map.values(), personal, depth, seen);
            return;
        }
        if (value instanceof Optional<?> optional) {
            optional.ifPresent(present -> visit(present, personal, depth + 1, seen));
            return;
        }
        if (value instanceof Object[] array) {
            visit(java.util.Arrays.asList(array), personal, depth, seen);
            return;
        }
        if (isPlatformType(value.getClass())) {
            return;
        }
        for (Member member : MEMBERS.get(value.getClass())) {
            Object read;
            try {
                read = member.read(value);
            } catch (ReflectiveOperationException | RuntimeException unreadable) {
                continue;
            }
            if (read == null) {
                continue;
            }
            if (member.kind() != null && (read instanceof CharSequence || read instanceof Number)) {
                personal.accept(member.kind(), read.toString());
            } else {
                visit(read, personal, depth + 1, seen);
            }
        }
    }

    private static List<Member> members(Class<?> type) {
        List<Member> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                Optional<Pii> pii = annotation(component);
                if (pii.isPresent() || worthVisiting(component.getType())) {
                    Method accessor = component.getAccessor();
                    if (accessible(accessor)) {
                        members.add(new Member(accessor, pii.map(Pii::value).orElse(null)));
                    }
                }
            }
            return List.copyOf(members);
        }
        for (Class<?> current = type; current != null && !isPlatformType(current); current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                Pii pii = field.getAnnotation(Pii.class);
                if ((pii != null || worthVisiting(field.getType())) && accessible(field)) {
                    members.add(new Member(field, pii == null ? null : pii.value()));
                }
            }
        }
        return List.copyOf(members);
    }

    private static boolean worthVisiting(Class<?> type) {
        return !type.isPrimitive() && !type.isEnum() && type != String.class && !Number.class.isAssignableFrom(type)
                && (!isPlatformType(type) || Iterable.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || type == Optional.class || type == Object.class || type.isArray() && !type.getComponentType().isPrimitive());
    }

    private static boolean accessible(AccessibleObject member) {
        try {
            member.setAccessible(true);
            return true;
        } catch (RuntimeException inaccessible) {
            return false;
        }
    }
}
